import type { Page } from '@playwright/test';

export class ContactsPage {
  constructor(readonly page: Page) {}
  search() {
    return this.page.getByRole('searchbox', { name: /Search contacts|Buscar contactos/ });
  }
  table() {
    return this.page.getByRole('table', { name: /^(Contacts|Contactos)$/ });
  }
  /** The contact rows on screen (not the header, not the loading placeholders). */
  rows() {
    return this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader') });
  }
  row(name: string | RegExp) {
    return this.rows().filter({ has: this.page.getByRole('rowheader', { name }) });
  }
  /** Opens a contact's form from its name. */
  async open(name: string | RegExp): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: /^(Open|Abrir) / })
      .click();
  }
  syncNow() {
    return this.page.getByRole('button', { name: /Sync now|Sincronizar ahora/ }).first();
  }
  status() {
    return this.page.getByTestId('contacts-status');
  }
  account() {
    return this.page.getByRole('button', { name: /^Account|^Cuenta/ });
  }
  async chooseAccount(name: string): Promise<void> {
    await this.page
      .getByRole('button', { name: /Account|Cuenta/ })
      .first()
      .click();
    await this.page.getByRole('option', { name }).click();
  }
  dialog() {
    return this.page.getByRole('dialog');
  }
  field(label: string | RegExp) {
    return this.dialog().getByRole('textbox', { name: label, exact: true });
  }
  sidebar() {
    return this.page.getByRole('complementary', { name: /Books and tags|Agendas y etiquetas/ });
  }
  undoBar() {
    return this.page.getByTestId('undo-bar');
  }
}
