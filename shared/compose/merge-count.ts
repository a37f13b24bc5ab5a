import { type MergeRow, renderTemplate, type Template } from '../merge';
import {
  countSegments,
  type Encoding,
  type EncodingChoice,
  MAX_PARTS_SMS,
  type SegmentCount,
} from '../sms';

/** What the counter needs of a recipient: who, and the values the template may use. */
export interface MergeTarget {
  key: string;
  countryIso: string | null;
  fields: MergeRow;
}

export type MergedMessage =
  | { key: string; ok: true; text: string; count: SegmentCount }
  | { key: string; ok: false; field: string; message: string };

export interface MergeCount {
  messages: MergedMessage[];
  /** Over the recipients whose message rendered; all 0 when none did. */
  segments: { min: number; max: number; total: number };
  encodings: Record<Encoding, number>;
  /** Recipients whose message cannot be written: the field that is missing or blank. */
  missing: { key: string; field: string; message: string }[];
  /** The recipient whose message needs the most parts (then the longest text), for the preview. */
  longestKey: string | null;
  /** Recipients over the part limit (the provider would refuse them). */
  tooLong: number;
}

/**
 * Merges the template for each recipient and counts every result: the
 * counter after merge. This runs on every keystroke, so each distinct text is
 * counted once (recipients without merge fields, or sharing values, share it).
 */
export function countAfterMerge(
  template: Template,
  targets: readonly MergeTarget[],
  options: { encoding?: EncodingChoice; maxParts?: number } = {},
): MergeCount {
  const countOptions = {
    encoding: options.encoding ?? 'auto',
    maxParts: options.maxParts ?? MAX_PARTS_SMS,
  };
  const counted = new Map<string, SegmentCount>();
  const messages: MergedMessage[] = [];
  const missing: MergeCount['missing'] = [];
  const encodings: Record<Encoding, number> = { gsm: 0, 'gsm-pt': 0, ucs2: 0 };
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let total = 0;
  let tooLong = 0;
  let longest: { key: string; segments: number; length: number } | null = null;
  for (const target of targets) {
    const rendered = renderTemplate(template, target.fields);
    if (!rendered.ok) {
      const { field, message } = rendered.error;
      messages.push({ key: target.key, ok: false, field, message });
      missing.push({ key: target.key, field, message });
      continue;
    }
    let count = counted.get(rendered.text);
    if (count === undefined) {
      count = countSegments(rendered.text, countOptions);
      counted.set(rendered.text, count);
    }
    messages.push({ key: target.key, ok: true, text: rendered.text, count });
    encodings[count.encoding]++;
    min = Math.min(min, count.segments);
    max = Math.max(max, count.segments);
    total += count.segments;
    if (count.exceedsMaxParts) tooLong++;
    if (
      longest === null ||
      count.segments > longest.segments ||
      (count.segments === longest.segments && rendered.text.length > longest.length)
    ) {
      longest = { key: target.key, segments: count.segments, length: rendered.text.length };
    }
  }
  const rendered = messages.length - missing.length;
  return {
    messages,
    segments: { min: rendered === 0 ? 0 : min, max, total },
    encodings,
    missing,
    longestKey: longest?.key ?? null,
    tooLong,
  };
}
