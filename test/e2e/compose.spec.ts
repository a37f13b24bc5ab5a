import { expect, test } from './fixtures';

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/');
  await page.evaluate('localStorage.clear()');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Compose' })).toBeVisible();
});

test('the segment counter follows the text as it is typed', async ({ page }) => {
  const message = page.getByRole('textbox', { name: 'Message', exact: true });
  const meter = page.getByTestId('segment-meter');

  await message.fill('Hello from Outpost');
  await expect(page.getByTestId('meter-encoding')).toHaveText('GSM-7');
  await expect(page.getByTestId('meter-segments')).toHaveText('1');
  await expect(meter).toContainText('18 septets · 142 left in this part');

  await message.fill('x'.repeat(161));
  await expect(page.getByTestId('meter-segments')).toHaveText('2');

  await message.fill('See you at 8 🎉');
  await expect(page.getByTestId('meter-encoding')).toHaveText('UCS-2 (Unicode)');
  await expect(page.getByTestId('forcing-chars')).toContainText('“🎉” at 14');
});

test('smart punctuation can be replaced to get back to GSM-7, and undone', async ({ page }) => {
  const message = page.getByRole('textbox', { name: 'Message', exact: true });
  await message.fill('We’re open “today” — come by…');
  await expect(page.getByTestId('meter-encoding')).toHaveText('UCS-2 (Unicode)');
  await page.getByTestId('gsm-suggestion').getByRole('button', { name: 'Replace' }).click();
  await expect(message).toHaveValue(`We're open "today" - come by...`);
  await expect(page.getByTestId('meter-encoding')).toHaveText('GSM-7');
  await page.getByRole('button', { name: 'Undo replacement' }).click();
  await expect(message).toHaveValue('We’re open “today” — come by…');
});

test('a bad number is refused at the field, and a good send reaches the provider', async ({
  page,
}) => {
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('12');
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Your order has shipped.');
  await page.getByRole('button', { name: /Send/ }).click();
  await expect(page.locator('#to-error')).toContainText('"12" is not usable');
  await expect(page.getByRole('textbox', { name: 'To', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await page.getByRole('textbox', { name: 'To', exact: true }).fill('+34 666 555 444');
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Control+Enter');
  await expect(page.getByTestId('sent-notice')).toContainText('Queued message');
  await page.getByRole('button', { name: 'Show in the outbox' }).click();

  const row = page.getByTestId('outbox-table').locator('tr', { hasText: 'Your order has shipped' });
  await expect(row).toBeVisible();
  // The app's outbox sends it to the embedded Sandbox provider.
  await expect(row.locator('[data-state]')).toHaveAttribute('data-state', /accepted|delivered/, {
    timeout: 10_000,
  });
  await page.screenshot({ path: 'test/artifacts/e2e-outbox.png', fullPage: true });

  await row.getByRole('button', { name: /^\+34666555444$/ }).click();
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(page.getByTestId('bubble').last()).toContainText('Your order has shipped.');
});

test('the draft survives a reload', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Half-written thought');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue(
    'Half-written thought',
  );
});

test.afterEach(() => {
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
});
