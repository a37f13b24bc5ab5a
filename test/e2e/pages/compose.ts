import type { Page } from '@playwright/test';

export class ComposePage {
  constructor(readonly page: Page) {}
  to() {
    return this.page.getByRole('textbox', { name: /^(To|Para)$/ });
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
