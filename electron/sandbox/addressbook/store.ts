/** State of the Address-book API simulator (seed 001). */
export interface AbContact {
  id: number;
  group_id: number;
  phone_number: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  custom_1: string | null;
  custom_2: string | null;
  custom_3: string | null;
  custom_4: string | null;
}

export class AddressBookStore {
  /** Address book id → name. */
  readonly books = new Map<number, string>();
  readonly contacts = new Map<number, AbContact>();
  private nextContact = 200_000;

  contactId(): number {
    this.nextContact += 1;
    return this.nextContact;
  }

  put(contact: AbContact): void {
    this.contacts.set(contact.id, contact);
  }
}
