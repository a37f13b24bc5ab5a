import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { SettingsPage } from './pages/settings';

test('adding an account checks its credentials first, names the wrong field, and never shows the secret again', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  await app.go('Settings');
  const settings = new SettingsPage(page);
  await settings.ensureSecretStore();
  const baseUrl = await settings.sandboxAddress();

  await settings.field('Name').fill('Shop');
  await settings.field('API address').fill(baseUrl);
  await settings.field('API user name').fill('sandbox');
  await settings.addForm().getByLabel('API password').fill('wrong-password');
  await settings.addForm().getByRole('button', { name: 'Check and add' }).click();
  await expect(settings.addForm().getByLabel('API password')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(settings.addForm()).toContainText(/password|credentials/i);
  await expect(settings.accountRow('Shop')).toHaveCount(0);

  await settings.addForm().getByLabel('API password').fill('sandbox-api-password');
  await settings.addForm().getByRole('button', { name: 'Check and add' }).click();
  await expect(settings.toast('the provider accepted its credentials')).toBeVisible();
  await expect(settings.accountRow('Shop')).toContainText('Sending');
  // Write-only: the field is empty after saving and the secret is nowhere on the page.
  await expect(settings.addForm().getByLabel('API password')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('sandbox-api-password');

  // "Test" asks the provider again; "Remove" asks first, and Escape leaves the account alone.
  await settings.accountRow('Shop').getByRole('button', { name: 'Test' }).click();
  await expect(settings.toast('the provider accepts its credentials')).toBeVisible();
  await settings.accountRow('Shop').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Remove this account?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings.accountRow('Shop')).toHaveCount(1);
  await settings.accountRow('Shop').getByRole('button', { name: 'Remove' }).click();
  await page
    .getByRole('alertdialog', { name: 'Remove this account?' })
    .getByRole('button', { name: 'Remove it' })
    .click();
  await expect(settings.toast('was removed')).toBeVisible();
  await expect(settings.accountRow('Shop')).toHaveCount(0);
});

test('the language follows the system at first start, can be changed, and is kept across restarts', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open({ language: null });
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(app.heading()).toHaveText('Nuevo mensaje');

  await app.go('Ajustes');
  const settings = new SettingsPage(page);
  await settings.tab('Preferencias').click();
  await settings.chooseOption(/Idioma/, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.heading()).toHaveText('Settings');

  await page.reload();
  await expect(app.heading()).toHaveText('New message');
  await context.close();
});

test('the theme follows the system, and a choice in Settings overrides it', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open({ language: 'en', theme: 'system' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.go('Settings');
  const settings = new SettingsPage(page);
  await settings.tab('Preferences').click();
  // React Aria keeps the real input visually hidden: the person clicks its label.
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Light', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});

test('About shows what the core says about the app and the database, and F5 refreshes it', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  await page.keyboard.press('Control+8');
  await new SettingsPage(page).tab('About').click();
  const info = page.getByTestId('app-info');
  await expect(info).toContainText(/0\.\d+\.\d+/);
  await expect(info).toContainText('Data folder');
  const health = page.getByTestId('db-health');
  await expect(health).toContainText('WAL');
  await expect(health).toContainText('FULL');
  await expect(health).toContainText('(up to date)');
  const messagesRow = health.getByRole('row', { name: /^messages/ });
  const before = Number(
    ((await messagesRow.locator('td').textContent()) ?? 'NaN').replace(/,/g, ''),
  );

  // Something else (the CLI, another window) queues a message while the tab is open.
  await page.evaluate(async () => {
    const [account] = await window.outpost.accounts.list();
    if (!account) throw new Error('no account');
    await window.outpost.outbox.send({
      accountId: account.id,
      to: '+34666555000',
      from: 'SHOP',
      text: 'Refresh me',
    });
  });
  await page.keyboard.press('F5');
  await expect(messagesRow.locator('td')).toHaveText((before + 1).toLocaleString('en-GB'));
});

test('an address-book account lists its address books; one can be added, and removing one asks first', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  await app.go('Settings');
  const settings = new SettingsPage(page);

  await settings.ensureSecretStore();
  // The embedded simulator speaks only 360nrs, so the account is saved without checking it.
  await settings.field('Name').fill('Books');
  await settings.chooseOption(/Provider/, 'Address-book API');
  await settings.field('API address').fill('http://127.0.0.1:9/');
  await settings.addForm().getByLabel('Bearer token').fill('sandbox-token');
  await settings.addForm().getByRole('button', { name: 'Check and add' }).click();
  await settings.addForm().getByRole('button', { name: 'Save without checking' }).click();
  await expect(settings.toast('without checking')).toBeVisible();

  const books = settings.extras('Books');
  await expect(books).toContainText('No address books yet');
  // The Sandbox (360nrs) shows its balance instead, in money (other specs add 360nrs accounts of their own).
  await expect(settings.extras('Sandbox').getByTestId('account-balance')).toHaveText(
    /^Balance: .*\d/,
  );

  await books.getByRole('textbox', { name: 'Address book id' }).fill('42');
  await books.getByRole('textbox', { name: 'Address book name' }).fill('Customers');
  await books.getByRole('button', { name: 'Add address book' }).click();
  await expect(books.getByRole('list', { name: 'Address books' })).toContainText('Customers');
  await expect(books.getByRole('textbox', { name: 'Address book id' })).toHaveValue('');

  // Kept by the core: a reload shows it again.
  await page.reload();
  await app.go('Settings');
  await expect(settings.extras('Books').getByRole('listitem')).toContainText(['Customers']);

  await settings
    .extras('Books')
    .getByRole('button', { name: 'Remove address book Customers' })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove this address book?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings.extras('Books').getByRole('listitem')).toHaveCount(1);
  await settings
    .extras('Books')
    .getByRole('button', { name: 'Remove address book Customers' })
    .click();
  await dialog.getByRole('button', { name: 'Remove it' }).click();
  await expect(settings.extras('Books')).toContainText('No address books yet');
});

test('Data: "Back up now" adds a backup at the top, and "Restore…" asks first and says it happens at the next start', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  await app.go('Settings');
  const settings = new SettingsPage(page);
  await settings.tab('Data').click();
  await expect(page.getByTestId('vault')).toContainText(/Account secrets are kept|No place/);

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(settings.toast('Backed up')).toBeVisible();
  const rows = settings.backups().getByRole('row').filter({ hasText: 'By you' });
  const before = await rows.count();
  expect(before).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(before + 1);
  // Newest first: the first data row is one made by the person.
  await expect(settings.backups().getByRole('row').nth(1)).toContainText('By you');

  await settings
    .backups()
    .getByRole('row')
    .nth(1)
    .getByRole('button', { name: /^Restore the backup of/ })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText(
    'when Outpost next starts, after a backup of the current data',
  );
  await dialog.getByRole('button', { name: 'Keep the current data' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('backups')).not.toContainText('At the next start');

  await settings
    .backups()
    .getByRole('row')
    .nth(1)
    .getByRole('button', { name: /^Restore the backup of/ })
    .click();
  await dialog.getByRole('button', { name: 'Restore at next start' }).click();
  await expect(settings.toast('will be restored when Outpost next starts')).toBeVisible();
  await expect(page.getByTestId('backups')).toContainText('At the next start Outpost restores');
});
