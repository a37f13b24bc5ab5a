import type { Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}
  tab(name: string | RegExp) {
    return this.page.getByRole('tab', { name });
  }
  accounts() {
    return this.page.getByRole('grid', { name: /Provider accounts|Cuentas del proveedor/ });
  }
  /** The row whose name is `name` (other specs add accounts such as "Tags shop h11b"). */
  accountRow(name: string) {
    return this.accounts()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
  async sandboxAddress(): Promise<string> {
    return (
      (await this.accounts()
        .getByRole('row')
        .filter({ hasText: '(simulator)' })
        .getByTestId('account-address')
        .textContent()) ?? ''
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
  /** One account's block under "Provider settings". */
  extras(accountName: string) {
    return this.page
      .getByTestId('account-extras')
      .getByRole('region')
      .filter({ has: this.page.getByRole('heading', { name: accountName }) });
  }
  /**
   * Without an OS credential store (as on this machine) secrets need the
   * passphrase file: chosen once per server run in the Data tab, the field empty afterwards.
   */
  async ensureSecretStore(): Promise<void> {
    await this.tab(/^(Data|Datos)$/).click();
    const vault = this.page.getByTestId('vault');
    await vault.waitFor();
    const field = vault.getByLabel(/^(Passphrase|Frase de contraseña)$/);
    if ((await field.count()) > 0) {
      await field.fill('correct horse battery');
      await field.press('Enter');
      await vault.getByText(/file encrypted with your passphrase|archivo cifrado/).waitFor();
      if ((await field.count()) > 0 && (await field.inputValue()) !== '')
        throw new Error('the passphrase stayed in its field');
    }
    await this.tab(/^(Accounts|Cuentas)$/).click();
  }
  backups() {
    return this.page.getByRole('grid', { name: /^(Backups|Copias de seguridad)$/ });
  }
  /** The toast saying this (several may be on screen at once). */
  toast(text: string | RegExp) {
    return this.page.locator('.toast').filter({ hasText: text });
  }
}
