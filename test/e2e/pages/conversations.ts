import type { Page } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ConversationsPage {
  constructor(readonly page: Page) {}
  threads() {
    return this.page.getByRole('listbox', { name: /^(Conversations|Conversaciones)$/ });
  }
  /** A thread of the list by the name or number it shows first. */
  thread(who: string) {
    return this.threads().getByRole('option', { name: new RegExp(`^${escapeRegExp(who)}\\b`) });
  }
  bubbles() {
    return this.page.getByTestId('bubble');
  }
  /** A bubble's text (not its time or state). */
  bubbleText(text: RegExp) {
    return this.page.getByTestId('bubble').locator('> p').filter({ hasText: text });
  }
  replyField(name: RegExp) {
    return this.page.getByRole('textbox', { name });
  }
}
