/** State of the Tags API simulator (seed 002). */
export interface TagsContact {
  id: string;
  name: string;
  phoneNumber: string;
  location: { id: string; title: string } | null;
  stage: string;
  notes: string;
  customFields: Record<string, unknown>;
  tags: string[];
}

export class TagsStore {
  /** Insertion order is the listing order. */
  readonly contacts = new Map<string, TagsContact>();
  readonly locations = new Map<string, string>();
  /**
   * The channels each contact can be reached on, for the listing's `channel`
   * filter (seed 002 line 26). The seed's contact has no such field, so it is
   * kept beside the contact and never shown; a contact not listed here is
   * reachable by SMS only (it has a phone number).
   */
  readonly channels = new Map<string, readonly string[]>();

  channelsOf(id: string): readonly string[] {
    return this.channels.get(id) ?? ['sms'];
  }
  private nextContact = 0;

  contactId(): string {
    do this.nextContact += 1;
    while (this.contacts.has(`ct_${this.nextContact.toString().padStart(6, '0')}`));
    return `ct_${this.nextContact.toString().padStart(6, '0')}`;
  }
}
