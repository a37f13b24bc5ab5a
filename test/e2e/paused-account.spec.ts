import { expect, test } from './fixtures';

test('a send from an address the provider does not allow pauses the account and says which IP to allow', async ({
  page,
}) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('/');
  await page.getByRole('link', { name: 'Accounts' }).click();
  const baseUrl =
    (await page
      .getByTestId('accounts-table')
      .locator('tr', { hasText: '(simulator)' })
      .locator('td')
      .nth(2)
      .textContent()) ?? '';

  // An account that sends from 127.0.0.2, which the simulated provider has not allowed.
  const form = page.getByRole('form', { name: 'Add a provider account' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Travel');
  await form.getByRole('textbox', { name: 'API address' }).fill(baseUrl);
  await form.getByRole('textbox', { name: 'API user name' }).fill('sandbox');
  await form.getByLabel('API password').fill('sandbox-api-password');
  await form.getByRole('textbox', { name: 'Send from address (optional)' }).fill('127.0.0.2');
  await form.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.locator('#account-localAddress-error')).toContainText(
    /IP address|not allowed|address/i,
  );
  await form.getByRole('button', { name: 'Save without checking' }).click();
  await expect(form.getByRole('status')).toContainText('without checking');

  await page.getByRole('link', { name: 'Compose' }).click();
  await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Travel' });
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('+34 666 555 111');
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Boarding at gate 12');
  await page.getByRole('button', { name: /Send/ }).click();
  await expect(page.getByTestId('sent-notice')).toBeVisible();

  await page.getByRole('link', { name: 'Outbox' }).click();
  const banner = page.getByTestId('paused-banner').filter({ hasText: 'Travel' });
  await expect(banner).toContainText('Allow 127.0.0.2', { timeout: 10_000 });
  const row = page.getByTestId('outbox-table').locator('tr', { hasText: 'Boarding at gate 12' });
  await expect(row.locator('[data-state]')).toHaveAttribute('data-state', 'queued');

  // Nothing changed at the provider, so "Retry now" keeps it paused and says why.
  await banner.getByRole('button', { name: 'Retry now' }).click();
  await expect(banner).toContainText('the provider still refuses');
  await page.screenshot({ path: 'test/artifacts/e2e-paused.png', fullPage: true });

  // The person drops the message instead (after confirming).
  await row.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.locator('[data-state]')).toHaveAttribute('data-state', 'cancelled');
});
