import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { ComposePage } from './pages/compose';
import { OutboxPage } from './pages/outbox';
import { SettingsPage } from './pages/settings';

test('a send from an address the provider does not allow pauses the account and says which IP to allow', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  await app.go('Settings');
  const settings = new SettingsPage(page);
  const baseUrl = await settings.sandboxAddress();

  // An account that sends from 127.0.0.2, which the simulated provider has not allowed.
  await settings.field('Name').fill('Travel');
  await settings.field('API address').fill(baseUrl);
  await settings.field('API user name').fill('sandbox');
  await settings.addForm().getByLabel('API password').fill('sandbox-api-password');
  await settings.field('Send from address (optional)').fill('127.0.0.2');
  await settings.addForm().getByRole('button', { name: 'Check and add' }).click();
  await expect(settings.field('Send from address (optional)')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await settings.addForm().getByRole('button', { name: 'Save without checking' }).click();
  await expect(settings.toast('without checking')).toBeVisible();

  await app.go('New message');
  const compose = new ComposePage(page);
  await compose.chooseAccount('Travel');
  await compose.addRecipient('+34 666 555 111');
  await compose.message().fill('Boarding at gate 12');
  await compose.send().click();
  await expect(compose.sentNotice()).toBeVisible();

  await app.go('Outbox');
  const outbox = new OutboxPage(page);
  // The pause arrives as a pushed event: the banner appears without any polling.
  const banner = outbox.banner('Travel');
  await expect(banner).toContainText('Allow 127.0.0.2', { timeout: 10_000 });
  await expect(outbox.state('Boarding at gate 12')).toHaveAttribute('data-state', 'queued');

  // Nothing changed at the provider, so "Retry now" keeps it paused and says why.
  await banner.getByRole('button', { name: 'Retry now' }).click();
  await expect(banner).toContainText('the provider still refuses');

  // The person drops the message instead, after confirming in a dialog.
  await outbox.row('Boarding at gate 12').getByRole('button', { name: 'Cancel' }).click();
  await outbox.dialog().getByRole('button', { name: 'Drop it' }).click();
  await expect(outbox.state('Boarding at gate 12')).toHaveAttribute('data-state', 'cancelled');

  // Travel has a message now: removing it is refused, and says why.
  await app.go('Settings');
  await settings.accountRow('Travel').getByRole('button', { name: 'Remove' }).click();
  await page
    .getByRole('alertdialog', { name: 'Remove this account?' })
    .getByRole('button', { name: 'Remove it' })
    .click();
  await expect(settings.toast('so it was kept')).toBeVisible();
  await expect(settings.accountRow('Travel')).toHaveCount(1);
});
