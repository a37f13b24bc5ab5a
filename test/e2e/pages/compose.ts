import type { Page } from '@playwright/test';

export class ComposePage {
  constructor(readonly page: Page) {}
  /** The recipients combobox. */
  to() {
    return this.page.getByRole('combobox', { name: /^(To|Para)$/ });
  }
  chips() {
    return this.page.getByTestId('recipient-chip');
  }
  /** Types a number (or a name) and presses Enter: one chip. */
  async addRecipient(text: string): Promise<void> {
    await this.to().fill(text);
    await this.to().press('Enter');
  }
  /** Pastes text into the recipients field as a person would (one chip per number). */
  async paste(text: string): Promise<void> {
    await this.to().focus();
    // Runs in the page (no DOM types on this side of the suite).
    await this.page.evaluate((value) => {
      const g = globalThis as unknown as {
        document: { activeElement: { dispatchEvent(e: unknown): boolean } };
        DataTransfer: new () => { setData(t: string, v: string): void };
        ClipboardEvent: new (type: string, init: unknown) => unknown;
      };
      const data = new g.DataTransfer();
      data.setData('text/plain', value);
      g.document.activeElement.dispatchEvent(
        new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }
  audience() {
    return this.page.getByTestId('audience-summary');
  }
  from() {
    return this.page.getByRole('textbox', { name: /^(From|Remitente)$/ });
  }
  message() {
    return this.page.getByRole('textbox', { name: /^(Message|Mensaje)$/ });
  }
  account() {
    return this.page.getByRole('button', { name: /Send with|Enviar con/ });
  }
  async chooseAccount(name: string): Promise<void> {
    await this.account().click();
    await this.page.getByRole('option', { name }).click();
  }
  send() {
    return this.page.getByRole('button', { name: /^(Send|Enviar)/ });
  }
  meterEncoding() {
    return this.page.getByTestId('meter-encoding');
  }
  meterSegments() {
    return this.page.getByTestId('meter-segments');
  }
  meterDetail() {
    return this.page.getByTestId('meter-detail');
  }
  sentNotice() {
    return this.page.getByTestId('sent-notice');
  }
}
