import type { APIRequestContext, Page } from '@playwright/test';
import { expect, type OwnAccount, ownSimulatorAccount, test } from './fixtures';
import { AppPage } from './pages/app';

/** This spec's own sender and numbers (on its own account, see `seeded`). */
const SENDER = 'REPORTS12B';
const SPAIN = [
  '+34 611 122 001',
  '+34 611 122 002',
  '+34 611 122 003',
  '+34 611 122 004',
  '+34 611 122 005',
];
const PORTUGAL = '+351 912 122 001';

let pageErrors: string[] = [];
test.beforeEach(({ page }) => {
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});
test.afterEach(() => {
  expect(pageErrors, 'no uncaught errors or CSP violations in the page').toEqual([]);
});

/** This file's own account on its own simulator, made and sent from once (the first test that needs it). */
let own: Promise<OwnAccount> | null = null;

/**
 * Six sends from this spec's sender (five to Spain, one to Portugal) on an
 * account of its own: no other spec's sends queue before them, and no other
 * spec's messages are in its figures, so the report must match them exactly.
 */
function seeded(page: Page, request: APIRequestContext): Promise<OwnAccount> {
  own ??= (async () => {
    const account = await ownSimulatorAccount(page, request, {
      name: 'Shop reports ge2e',
      provider: 'nrs',
    });
    await page.evaluate(
      async ({ accountId, sender, numbers }) => {
        for (const to of numbers)
          await window.outpost.outbox.send({
            accountId,
            to,
            from: sender,
            text: 'Your table is ready.',
          });
      },
      { accountId: account.id, sender: SENDER, numbers: [...SPAIN, PORTUGAL] },
    );
    return account;
  })();
  return own;
}

/** What the outbox says about this spec's messages, to compare the report with. */
async function outboxFigures(page: Page, accountId: number) {
  return page.evaluate(async (accountId) => {
    const rows = (await window.outpost.outbox.list({ limit: 500 })).filter(
      (m) => m.accountId === accountId,
    );
    const count = (states: string[]) => rows.filter((m) => states.includes(m.state)).length;
    return {
      sent: count(['accepted', 'delivered', 'failed', 'unknown']),
      delivered: count(['delivered']),
      failed: count(['failed']),
      waiting: count(['accepted', 'unknown']),
      acceptedByProvider: rows.filter((m) => m.providerMessageId !== null).length,
    };
  }, accountId);
}

const senderRow = (page: Page) =>
  page.getByTestId('report-sender-table').getByRole('row', { name: new RegExp(`^${SENDER}`) });

/** Opens Reports (Ctrl+7) on this spec's own account. */
async function openReports(page: Page, account: OwnAccount, label = 'Account'): Promise<void> {
  await page.keyboard.press('Control+7');
  await page
    .getByRole('button', { name: new RegExp(label) })
    .first()
    .click();
  await page.getByRole('option', { name: account.name }).click();
}

test('charts render with their tables, and the numbers match the sends', async ({
  page,
  request,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  const account = await seeded(page, request);
  // Let the outbox hand all six over and the account's own simulator report on them
  // (none waiting also holds before the first is handed over: all six must be out).
  await expect
    .poll(
      async () => {
        const { sent, waiting } = await outboxFigures(page, account.id);
        return { sent, waiting };
      },
      { timeout: 30_000 },
    )
    .toEqual({ sent: 6, waiting: 0 });
  const expected = await outboxFigures(page, account.id);
  expect(expected.sent).toBe(6);

  await openReports(page, account);
  await expect(app.heading()).toHaveText('Reports');
  for (const name of ['Messages per day', 'Spend', 'Delivery by country', 'Delivery by sender'])
    await expect(page.getByRole('application', { name, exact: true })).toBeVisible();

  // Each chart's table: real headers, and this sender's row says what the outbox says.
  const table = page.getByTestId('report-sender-table');
  for (const name of [
    'Sender',
    'Sent',
    'Delivered',
    'Not delivered',
    'No report yet',
    'Delivery rate',
    'Spend',
  ])
    await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
  // All six were accepted, one part each: 5 × €0.045 (Spain) + €0.039 (Portugal), the sandbox's prices.
  expect(expected.acceptedByProvider).toBe(6);
  const rate = expected.delivered / (expected.delivered + expected.failed);
  // One assertion over the whole row: every cell from the same drawing, and a failure shows them all.
  await expect(senderRow(page).getByRole('cell')).toHaveText([
    String(expected.sent),
    String(expected.delivered),
    String(expected.failed),
    '0',
    `${Math.round(rate * 1000) / 10}%`,
    '6',
    '€0.264',
  ]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('spend-note')).toContainText('price list read');
  await expect(
    page.getByTestId('report-country-table').getByRole('rowheader', { name: 'Portugal' }),
  ).toBeVisible();

  // The account sent nothing else: the headline figures and today's row are these six too.
  await expect(page.getByTestId('total-sent').locator('dd')).toHaveText(String(expected.sent));
  await expect(page.getByTestId('total-delivered').locator('dd')).toHaveText(
    String(expected.delivered),
  );
  await expect(page.getByTestId('total-spend').locator('dd')).toHaveText('€0.264');
  const todayRow = page.getByTestId('report-series-table').getByRole('row').nth(1);
  await expect(todayRow.getByRole('cell').first()).toHaveText(String(expected.sent));

  // The chart is reachable by keyboard (recharts' accessibility layer), and the range and grouping change the figures.
  await page.getByRole('radio', { name: 'Last 7 days' }).click();
  await expect(page.getByTestId('report-series-table').getByRole('row')).toHaveCount(8);
  await page.getByRole('radio', { name: 'Week' }).click();
  await expect(
    page.getByTestId('report-series-table').getByRole('columnheader', { name: 'Week from' }),
  ).toBeVisible();
  await expect(senderRow(page).getByRole('cell').first()).toHaveText(String(expected.sent));
  await page.getByRole('radio', { name: 'Day', exact: true }).click();
  const chart = page.getByRole('application', { name: 'Messages per day' });
  await chart.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(
    page.getByTestId('report-series').locator('.recharts-tooltip-wrapper'),
  ).toBeVisible();
});

test('Reports in English and Spanish, light and dark, for the README', async ({
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  for (const [language, theme] of [
    ['en', 'light'],
    ['es', 'light'],
    ['en', 'dark'],
  ] as const) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: language === 'es' ? 'es-ES' : 'en-GB',
    });
    const page = await context.newPage();
    await new AppPage(page).open({ language, theme });
    await openReports(page, await seeded(page, request), language === 'es' ? 'Cuenta' : 'Account');
    await expect(page.getByTestId('report-sender-table')).toBeVisible();
    await expect(page.getByTestId('spend-note')).toBeVisible();
    await page.screenshot({
      path: `docs/screenshots/reports-${language}${theme === 'dark' ? '-dark' : ''}.png`,
      fullPage: true,
    });
    await context.close();
  }
});
