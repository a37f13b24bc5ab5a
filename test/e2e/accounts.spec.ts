import { expect, test } from './fixtures';

test('adding a provider account checks its credentials first and names the field that is wrong', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Accounts' }).click();
  const table = page.getByTestId('accounts-table');
  const sandboxRow = table.locator('tr', { hasText: '(simulator)' });
  await expect(sandboxRow).toBeVisible();
  const baseUrl = (await sandboxRow.locator('td').nth(2).textContent()) ?? '';

  const form = page.getByRole('form', { name: 'Add a provider account' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Shop');
  await form.getByRole('textbox', { name: 'API address' }).fill(baseUrl);
  await form.getByRole('textbox', { name: 'API user name' }).fill('sandbox');
  await form.getByLabel('API password').fill('wrong-password');
  await form.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.locator('#account-secret-error')).toContainText(/password|credentials/i);
  await expect(table.locator('tr', { hasText: 'Shop' })).toHaveCount(0);

  await form.getByLabel('API password').fill('sandbox-api-password');
  await form.getByRole('button', { name: 'Check and add' }).click();
  await expect(form.getByRole('status')).toContainText('the provider accepted its credentials');
  await expect(table.locator('tr', { hasText: 'Shop' })).toContainText('Sending');
  // The secret is never shown again.
  await expect(page.locator('body')).not.toContainText('sandbox-api-password');
  await page.screenshot({ path: 'test/artifacts/e2e-accounts.png', fullPage: true });
});
