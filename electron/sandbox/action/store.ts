/** State of the Action API simulator (seed 000). */
export interface ActionContact {
  idContact: number;
  Number: string;
  Email: string | null;
  Fname: string | null;
  Lname: string | null;
  Custom: Record<string, string>;
  Opportunitie: boolean;
  automations: number[];
}

export interface Automation {
  id: number;
  /** The seed: "the automation must be turned on and with nodes to be able to work". */
  on: boolean;
  nodes: number;
}

export class ActionStore {
  readonly contacts = new Map<number, ActionContact>();
  readonly automations = new Map<number, Automation>();
  /**
   * The account's custom fields, id -> label, as its dashboard would show them.
   * The API cannot list them (seed 000), so a person copies the ids into Outpost.
   */
  readonly customFields = new Map<string, string>([
    ['1', 'City'],
    ['2', 'Birthday'],
    ['3', 'Plan'],
    ['4', 'Company'],
  ]);
  /** Calls placed through `type: CALL` (not SMS, so not in the ledger). */
  readonly calls: { id: string; number: string; text: string; at: number }[] = [];
  private nextContact = 1_000;
  private nextMessage = 0;

  contactId(): number {
    this.nextContact += 1;
    return this.nextContact;
  }

  messageId(prefix: 'sms' | 'call'): string {
    this.nextMessage += 1;
    return `${prefix}-${this.nextMessage.toString().padStart(8, '0')}`;
  }

  put(contact: ActionContact): void {
    this.contacts.set(contact.idContact, contact);
    this.nextContact = Math.max(this.nextContact, contact.idContact);
  }
}
