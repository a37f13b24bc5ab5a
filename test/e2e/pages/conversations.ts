import type { Page } from '@playwright/test';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ConversationsPage {
  constructor(readonly page: Page) {}
  threads() {
    return this.page.getByRole('listbox', { name: /^(Conversations|Conversaciones)$/ });
  }
  /** A thread of the list by the name or number it shows first. */
  thread(who: string) {
    return this.threads().getByRole('option', { name: new RegExp(`^${escape(who)},`) });
  }
  bubbles() {
    return this.page.getByTestId('bubble');
  }
  replyField(name: RegExp) {
    return this.page.getByRole('textbox', { name });
  }
}
