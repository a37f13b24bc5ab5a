import type { Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}
  tab(name: string | RegExp) {
    return this.page.getByRole('tab', { name });
  }
  accounts() {
    return this.page.getByRole('grid', { name: /Provider accounts|Cuentas del proveedor/ });
  }
  accountRow(name: string) {
    return this.accounts().getByRole('row').filter({ hasText: name });
  }
  async sandboxAddress(): Promise<string> {
    return (
      (await this.accountRow('(simulator)').getByTestId('account-address').textContent()) ?? ''
    );
  }
  addForm() {
    return this.page.getByRole('form', { name: /Add a provider account|Añadir una cuenta/ });
  }
  field(name: string | RegExp) {
    return this.addForm().getByRole('textbox', { name, exact: true });
  }
  async chooseOption(label: RegExp, option: string): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
  /** The toast saying this (several may be on screen at once). */
  toast(text: string | RegExp) {
    return this.page.locator('.toast').filter({ hasText: text });
  }
}
