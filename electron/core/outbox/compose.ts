import { normalizePhone } from '../../../shared/phone';
import { checkSender } from '../../../shared/send/sender';
import {
  countSegments,
  type EncodingChoice,
  MAX_PARTS_SMS,
  sendBlockers,
} from '../../../shared/sms';
import { DEFAULT_CAMPAIGN, type NewMessage } from './enqueue';

export class ComposeError extends Error {
  constructor(
    message: string,
    readonly field: 'to' | 'from' | 'text' | 'at' | 'validity' | 'campaign',
  ) {
    super(message);
    this.name = 'ComposeError';
  }
}

export interface SingleMessageInput {
  accountId: number;
  to: string;
  from: string;
  text: string;
  encoding?: EncodingChoice;
  maxParts?: number;
  defaultCountry?: string;
  scheduledFor?: number | null;
  expiresAt?: number | null;
  /** The provider's campaign name; default "Outpost". */
  campaign?: string | null;
}

/**
 * Checks one message the way the provider would (number, sender, empty or too
 * long text) so that a mistake is reported now, with what to fix, rather than
 * as a failed send later.
 */
export function prepareSingleMessage(input: SingleMessageInput): NewMessage {
  const phone = normalizePhone(
    input.to,
    input.defaultCountry ? { defaultCountry: input.defaultCountry } : {},
  );
  if (!phone.ok)
    throw new ComposeError(`The number "${input.to}" is not usable: ${phone.message}`, 'to');
  const sender = checkSender(input.from);
  if (sender) throw new ComposeError(sender.message, 'from');
  const campaign = checkCampaign(input.campaign);
  const maxParts = input.maxParts ?? MAX_PARTS_SMS;
  const count = countSegments(input.text, { encoding: input.encoding ?? 'auto', maxParts });
  const [blocker] = sendBlockers(input.text, count);
  if (blocker) throw new ComposeError(blocker.message, 'text');
  return {
    accountId: input.accountId,
    recipient: phone.provider,
    sender: input.from,
    template: input.text,
    body: input.text,
    encoding: count.encoding,
    segments: count.segments,
    maxParts,
    scheduledFor: input.scheduledFor ?? null,
    expiresAt: input.expiresAt ?? null,
    campaignName: campaign,
  };
}

/** 360nrs refuses an empty campaign name (126); a very long one is surely a mistake. */
function checkCampaign(name: string | null | undefined): string {
  if (name === undefined || name === null) return DEFAULT_CAMPAIGN;
  const trimmed = name.trim();
  if (trimmed === '') throw new ComposeError('The campaign name is empty.', 'campaign');
  if (trimmed.length > 100)
    throw new ComposeError('The campaign name is longer than 100 characters.', 'campaign');
  return trimmed;
}
