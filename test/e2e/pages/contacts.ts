import type { Page } from '@playwright/test';

export class ContactsPage {
  constructor(readonly page: Page) {}
  search() {
    return this.page.getByRole('searchbox', { name: /Search contacts|Buscar contactos/ });
  }
  table() {
    return this.page.getByRole('grid', { name: /^(Contacts|Contactos)$/ });
  }
  rows() {
    return this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell') });
  }
  syncNow() {
    return this.page.getByRole('button', { name: /Sync now|Sincronizar ahora/ }).first();
  }
  status() {
    return this.page.getByTestId('contacts-status');
  }
}
