import { expect, test } from './fixtures';

test('contacts sync from the provider and are searched locally; "Message" starts a draft', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('contacts-status')).toContainText(
    /Synced \d+ contacts from Sandbox/,
  );

  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('martínez');
  const rows = page.getByTestId('contacts-table').locator('tbody tr');
  await expect(rows.first()).toContainText('Martínez');
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText(/mart[ií]nez/i);

  const phone = (await rows.first().locator('td').nth(1).textContent()) ?? '';
  await rows.first().getByRole('button', { name: 'Message' }).click();
  await expect(page.getByRole('heading', { name: 'Compose' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'To', exact: true })).toHaveValue(phone);
  await page.screenshot({ path: 'test/artifacts/e2e-contacts-compose.png' });
});
