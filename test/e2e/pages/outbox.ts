import type { Page } from '@playwright/test';

export class OutboxPage {
  constructor(readonly page: Page) {}
  table() {
    return this.page.getByRole('grid', { name: /Messages|Mensajes/ });
  }
  row(text: string) {
    return this.table().getByRole('row').filter({ hasText: text });
  }
  state(text: string) {
    return this.row(text).locator('[data-state]');
  }
  banner(account: string) {
    return this.page.getByTestId('paused-banner').filter({ hasText: account });
  }
  dialog() {
    return this.page.getByRole('alertdialog', {
      name: /Drop this message|Send again|Descartar|Enviar de nuevo/,
    });
  }
}
