import type { SandboxContext } from '../context';
import { ID_RANDOM_RANGE, messageIdOf } from './message-id';
import type { SmsRecord } from './messages';
import type {
  BlacklistEntry,
  BlacklistType,
  Campaign,
  Conversation,
  Group,
  NrsContact,
  Sending,
  WaTemplate,
} from './model';

/** Everything the 360nrs simulator remembers, with its id counters. */
export class NrsStore {
  readonly messages = new Map<string, SmsRecord>();
  readonly campaigns = new Map<number, Campaign>();
  readonly sendings = new Map<number, Sending>();
  readonly contacts = new Map<number, NrsContact>();
  readonly groups = new Map<number, Group>();
  readonly blacklist: Record<BlacklistType, BlacklistEntry[]> = { sms: [], mailing: [], voice: [] };
  readonly conversations: Conversation[] = [];
  readonly templates = new Map<number, WaTemplate>();
  /** WhatsApp senders registered on the account. */
  readonly waSenders = new Set<string>();
  /**
   * SMS senders the account has NOT verified: a send from one is refused with 115
   * (seed 003 line 9435), while every other sender of the account keeps sending.
   */
  unverifiedSenders = new Set<string>();
  private nextCampaign = 100_000;
  private nextSending = 200_000;
  private nextContact = 1_000;
  private nextGroup = 10;
  private nextMessage = 0;
  private byPhone: Map<string, NrsContact> | null = null;

  constructor(readonly ctx: SandboxContext) {}

  campaignId(): number {
    this.nextCampaign += 1;
    return this.nextCampaign;
  }

  sendingId(): number {
    this.nextSending += 1;
    return this.nextSending;
  }

  contactId(): number {
    this.nextContact += 1;
    return this.nextContact;
  }

  groupId(): number {
    this.nextGroup += 1;
    return this.nextGroup;
  }

  /** 13 upper-case characters like the seed's `XXXXXXXXXXXXX`, unique per sandbox. */
  messageId(): string {
    this.nextMessage += 1;
    return messageIdOf(this.nextMessage, this.ctx.rng.int(0, ID_RANDOM_RANGE - 1));
  }

  campaignByName(name: string): Campaign | undefined {
    for (const c of this.campaigns.values()) if (c.name === name) return c;
    return undefined;
  }

  isBlacklisted(type: BlacklistType, recipient: string): boolean {
    return this.blacklist[type].some((e) => e.recipient === recipient);
  }

  /** Looked up once per recipient of every send, so it goes through an index. */
  contactByPhone(phone: string): NrsContact | undefined {
    if (this.byPhone === null) {
      this.byPhone = new Map();
      for (const c of this.contacts.values()) {
        if (c.phone !== null && !this.byPhone.has(c.phone)) this.byPhone.set(c.phone, c);
      }
    }
    return this.byPhone.get(phone);
  }

  /** Replaces any earlier contact that had this id (demo data with the seed's ids). */
  putContact(contact: NrsContact): void {
    this.contacts.set(contact.id, contact);
    this.nextContact = Math.max(this.nextContact, contact.id);
    this.byPhone = null;
  }

  deleteContact(id: number): boolean {
    this.byPhone = null;
    return this.contacts.delete(id);
  }

  putGroup(group: Group): void {
    this.groups.set(group.id, group);
    this.nextGroup = Math.max(this.nextGroup, group.id);
  }
}
