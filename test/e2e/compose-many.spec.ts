import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { ComposePage } from './pages/compose';

let pageErrors: string[] = [];
let compose: ComposePage;

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await new AppPage(page).open({ language: 'en' });
  compose = new ComposePage(page);
});

test.afterEach(() => {
  expect(pageErrors, 'no uncaught errors or CSP violations in the page').toEqual([]);
});

test('a book with a merge field: every member’s own message is in the outbox exactly once', async ({
  page,
}) => {
  // The embedded Sandbox's demo contacts and their books arrive by the first-run sync
  // (a book and its members may be in later than the contacts): "VIP" is typed once both are.
  await expect
    .poll(
      async () =>
        page.evaluate(async () => {
          const [account] = await window.outpost.accounts.list();
          const [found, groups] = await Promise.all([
            window.outpost.contacts.search({ query: '' }),
            window.outpost.contacts.groups({ accountId: account?.id ?? 0 }),
          ]);
          const vip = groups.books.find((b) => b.name === 'VIP customers');
          return found.total > 100 && (vip?.count ?? 0) > 0;
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
  await compose.to().fill('VIP');
  await page.getByRole('option', { name: /Book “VIP customers”/ }).click();
  await expect(compose.chips()).toContainText([/Book “VIP customers” \(\d+ contacts\)/]);
  await compose.message().fill('Hi , your table for tomorrow is ready.');
  await compose.message().press('Home');
  await compose.message().press('ArrowRight');
  await compose.message().press('ArrowRight');
  await compose.message().press('ArrowRight');
  await page.getByRole('button', { name: 'Insert field' }).click();
  await page.getByRole('menuitem', { name: '{first_name}' }).click();
  await expect(compose.message()).toHaveValue('Hi {first_name}, your table for tomorrow is ready.');
  await expect(page.getByTestId('merge-summary')).toContainText(
    'After merge: 1–1 segments per person',
  );
  await expect(page.getByTestId('preview-text')).toContainText(/Hi \p{L}+, your table/u);

  const expected = await page.evaluate(async () => {
    const [account] = await window.outpost.accounts.list();
    const groups = await window.outpost.contacts.groups({ accountId: account?.id ?? 0 });
    const vip = groups.books.find((b) => b.name === 'VIP customers');
    const r = await window.outpost.compose.resolve({
      accountId: account?.id ?? 0,
      bookIds: [vip?.id ?? 0],
    });
    if (!r.ok) throw new Error(r.message);
    return r.recipients
      .filter((x) => x.problem === null && x.suppressed === null)
      .map((x) => ({
        key: x.key,
        body: `Hi ${x.fields.first_name}, your table for tomorrow is ready.`,
      }));
  });
  expect(expected.length).toBeGreaterThan(5);
  await compose.send().click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Send to ${expected.length} people?`);
  await expect(dialog.getByTestId('confirm-summary')).toContainText(/About €|About .*€/);
  await dialog.getByRole('button', { name: `Send to ${expected.length}` }).click();
  await expect(compose.sentNotice()).toContainText(`Queued ${expected.length} messages as job`);
  const jobId = Number((await compose.sentNotice().textContent())?.match(/job (\d+)/)?.[1]);
  const queued = await page.evaluate(
    async (id) =>
      (await window.outpost.outbox.list({ jobId: id, limit: 500 })).map((m) => ({
        key: m.recipient,
        body: m.body,
      })),
    jobId,
  );
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  expect(queued.sort(byKey)).toEqual(expected.sort(byKey));
});

test('a pasted list: an invalid number is marked, a duplicate merged and said; cost beside the balance', async ({
  page,
}) => {
  await compose.paste('+34 611 000 101\n611000102\n12\n+34611000101');
  await expect(compose.chips()).toHaveCount(4);
  await expect(compose.chips().nth(0)).toContainText('+34611000101 · Spain · mobile');
  await expect(compose.chips().nth(2)).toContainText('12 · not a valid number');
  await expect(compose.chips().nth(3)).toContainText('already in the list (merged)');
  await expect(compose.audience()).toContainText(
    'Sending to 2 people · 1 left out · 1 duplicate merged',
  );
  await expect(page.getByTestId('audience-duplicates')).toContainText(
    '+34611000101: 2 times, sent once',
  );
  await compose.message().fill('See you tomorrow at 10.');
  await expect(page.getByTestId('cost-total')).toContainText(/Cost: .*€/);
  await expect(page.getByTestId('cost-balance')).toContainText(/Balance: .*€/);

  await page.getByTestId('audience-invalid').getByRole('button', { name: 'Remove them' }).click();
  await expect(compose.chips()).toHaveCount(3);
  await page
    .getByTestId('audience-duplicates')
    .getByRole('button', { name: 'Remove the repeated entries' })
    .click();
  await expect(compose.chips()).toHaveCount(2);
});

test('a suppressed number is shown with why and since when, and left out of the send', async ({
  page,
}) => {
  await page.evaluate(() =>
    window.outpost.suppressions.add({ phone: '+34611000201', reason: 'asked at the desk' }),
  );
  try {
    await compose.paste('+34611000201, +34611000202');
    await expect(compose.chips().nth(0)).toContainText('suppressed, left out');
    await expect(page.getByTestId('audience-suppressed')).toContainText(
      /\+34611000201: added to the suppression list by hand on/,
    );
    await compose.message().fill('Your results are ready.');
    await compose.send().click();
    await expect(compose.sentNotice()).toContainText('Queued message');
    await expect(compose.sentNotice()).toContainText('+34611000202');
    await expect(compose.sentNotice()).toContainText('1 recipient was left out.');
  } finally {
    await page.evaluate(() => window.outpost.suppressions.remove({ phone: '+34611000201' }));
  }
});

test('scheduled at the provider: said before and after sending, held there', async ({ page }) => {
  await compose.paste('+34611000301\n+34611000302');
  await compose.message().fill('Reminder: your appointment is tomorrow.');
  const at = new Date(Date.now() + 26 * 3_600_000);
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByLabel('Send at (optional)').fill(local);
  await expect(
    page.getByText(/Held by the provider: goes out on .* even if this computer is off\./),
  ).toBeVisible();
  await compose.send().click();
  await expect(page.getByTestId('sent-schedule')).toContainText('Scheduled at the provider for');
  const jobId = Number((await compose.sentNotice().textContent())?.match(/job (\d+)/)?.[1]);
  await expect
    .poll(
      async () =>
        page.evaluate(
          async (id) =>
            (await window.outpost.outbox.list({ jobId: id })).map((m) => m.displayState),
          jobId,
        ),
      { timeout: 15_000 },
    )
    .toEqual(['scheduled-at-provider', 'scheduled-at-provider']);
});

test('drafts: kept across a reload, named by their first words, deleted with Undo', async ({
  page,
}) => {
  await compose.paste('+34611000401');
  await compose.message().fill('Closed on Friday for the local holiday, open again Monday');
  const drafts = page.getByTestId('drafts');
  await expect(drafts).toContainText('Closed on Friday for the local…');
  await page.reload();
  await expect(compose.message()).toHaveValue(
    'Closed on Friday for the local holiday, open again Monday',
  );
  await drafts
    .getByRole('button', { name: 'Delete the draft “Closed on Friday for the local…”' })
    .click();
  await expect(page.getByTestId('draft-removed')).toContainText('deleted');
  await expect(compose.message()).toHaveValue('');
  await page.getByTestId('draft-removed').getByRole('button', { name: 'Undo' }).click();
  await drafts
    .getByRole('button', { name: 'Closed on Friday for the local…', exact: true })
    .click();
  await expect(compose.message()).toHaveValue(
    'Closed on Friday for the local holiday, open again Monday',
  );
  await expect(compose.chips()).toHaveCount(1);
});
