import type { Page } from '@playwright/test';

export class ConversationsPage {
  constructor(readonly page: Page) {}
  threads() {
    return this.page.getByRole('listbox', { name: /People you wrote to|Personas a las que/ });
  }
  bubbles() {
    return this.page.getByTestId('bubble');
  }
}
