import { parseTemplate } from '../../../../shared/merge';
import type { EncodingChoice } from '../../../../shared/sms';
import type { ColumnMapping } from '../columns';
import { RowChecker } from '../row-check';

/**
 * What a worker needs to check rows exactly as the main thread would: plain
 * data (it crosses a thread boundary), the same for every row of a job.
 * The suppression lists and the duplicate check stay in the main thread.
 */
export interface CheckSetup {
  /** Tells a worker's cached checker apart from another job's. */
  key: string;
  mapping: ColumnMapping;
  template: string;
  defaultCountry?: string;
  encoding?: EncodingChoice;
  maxParts?: number;
  marketing?: boolean;
  sendAtMs: number;
}

/** One data row as read from the file. */
export interface RowToCheck {
  row: number;
  cells: string[];
  quoteProblem?: string;
}

/** A RowChecker built from a setup (no suppression list: `finish` in the main thread has it). */
export function checkerFor(setup: CheckSetup): RowChecker {
  return new RowChecker(setup.mapping, {
    template: parseTemplate(setup.template),
    sendAt: new Date(setup.sendAtMs),
    ...(setup.defaultCountry ? { defaultCountry: setup.defaultCountry } : {}),
    ...(setup.encoding ? { encoding: setup.encoding } : {}),
    ...(setup.maxParts ? { maxParts: setup.maxParts } : {}),
    ...(setup.marketing !== undefined ? { marketing: setup.marketing } : {}),
  });
}
