import { expect, test } from './fixtures';

test('the app shell shows app.info and db.health from the real core', async ({ page }) => {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });

  await page.goto('/');
  await page.getByRole('link', { name: 'System' }).click();
  await expect(page.getByRole('heading', { name: 'System' })).toBeVisible();

  const info = page.getByTestId('app-info');
  await expect(info).toContainText('Version');
  await expect(info).toContainText(/0\.\d+\.\d+/);
  await expect(info).toContainText('outpost-e2e-');

  const health = page.getByTestId('db-health');
  await expect(health).toContainText('WAL');
  await expect(health).toContainText('FULL');
  await expect(health).toContainText('(up to date)');
  // At least the embedded Sandbox account, created because no provider was configured.
  await expect(health.getByRole('row', { name: /accounts/ })).toContainText(/accounts[1-9]/);
  await expect(health.getByRole('row', { name: /drafts/ })).toBeVisible();

  await page.screenshot({ path: 'test/artifacts/e2e-shell.png', fullPage: true });
  expect(failures, 'no errors or CSP violations in the page').toEqual([]);
});

test('the refresh key reloads the panels with what changed meanwhile', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Compose' })).toBeVisible();
  await page.keyboard.press('Control+6');
  const messagesRow = page.getByTestId('db-health').getByRole('row', { name: /^messages/ });
  await expect(messagesRow).toBeVisible();
  const before = Number((await messagesRow.locator('td').textContent()) ?? 'NaN');

  // Something else (another window, the CLI) queues a message while the panel is open.
  await page.evaluate(`(async () => {
    const [account] = await window.outpost.accounts.list();
    await window.outpost.outbox.send({ accountId: account.id, to: '+34666555000', from: 'SHOP', text: 'Refresh me' });
  })()`);
  await expect(messagesRow.locator('td')).toHaveText(String(before));

  await page.keyboard.press('F5');
  await expect(messagesRow.locator('td')).toHaveText(String(before + 1));
  await expect(page.getByTestId('app-info')).toContainText('Schema version');
});
