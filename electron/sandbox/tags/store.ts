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
  private nextContact = 0;

  contactId(): string {
    do this.nextContact += 1;
    while (this.contacts.has(`ct_${this.nextContact.toString().padStart(6, '0')}`));
    return `ct_${this.nextContact.toString().padStart(6, '0')}`;
  }
}
