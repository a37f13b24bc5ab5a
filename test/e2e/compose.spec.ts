import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { ComposePage } from './pages/compose';
import { ConversationsPage } from './pages/conversations';
import { OutboxPage } from './pages/outbox';

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

test('the segment counter follows the text as it is typed', async () => {
  await compose.message().fill('Hello from Outpost');
  await expect(compose.meterEncoding()).toHaveText('GSM-7');
  await expect(compose.meterSegments()).toHaveText('1');
  await expect(compose.meterDetail()).toContainText('18 septets · 142 left in this part');

  await compose.message().fill('x'.repeat(161));
  await expect(compose.meterSegments()).toHaveText('2');

  await compose.message().fill('See you at 8 🎉');
  await expect(compose.meterEncoding()).toHaveText('UCS-2 (Unicode)');
  await expect(compose.page.getByTestId('forcing-chars')).toContainText('“🎉” at 14');

  // Hindi: every grapheme forces Unicode; the hint names the first eight and counts the rest.
  await compose.message().fill('नमस्ते दुनिया, आपका पार्सल');
  await expect(compose.page.getByTestId('forcing-chars')).toHaveText(
    'Not in GSM-7, so the message is sent as Unicode: “न” at 1, “म” at 2, “स्ते” at 3, “दु” at 8, “नि” at 10, “या” at 12, “आ” at 16, “प” at 17 and 4 more.',
  );
});

test('text from an input method or inserted whole reaches the counter and the draft', async ({
  page,
}) => {
  await compose.message().fill('Hola ');
  await expect(compose.meterDetail()).toContainText('5 septets');
  // An IME: the composition is shown in the box, then committed as one insertion.
  const ime = await page.context().newCDPSession(page);
  await ime.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await ime.send('Input.insertText', { text: '你好' });
  await expect(compose.message()).toHaveValue('Hola 你好');
  await expect(compose.meterEncoding()).toHaveText('UCS-2 (Unicode)');
  await expect(compose.meterDetail()).toContainText('7 characters');
  // Text inserted without keystrokes (as a paste or a drop puts it).
  await page.keyboard.insertText(' amigo');
  await expect(compose.meterDetail()).toContainText('13 characters');
  await page.reload();
  await expect(compose.message()).toHaveValue('Hola 你好 amigo');
  await expect(compose.meterDetail()).toContainText('13 characters');
});

test('smart punctuation can be replaced to get back to GSM-7, and undone', async ({ page }) => {
  await compose.message().fill('We’re open “today” — come by…');
  await expect(compose.meterEncoding()).toHaveText('UCS-2 (Unicode)');
  await page.getByTestId('gsm-suggestion').getByRole('button', { name: 'Replace' }).click();
  await expect(compose.message()).toHaveValue(`We're open "today" - come by...`);
  await expect(compose.meterEncoding()).toHaveText('GSM-7');
  await page.getByRole('button', { name: 'Undo replacement' }).click();
  await expect(compose.message()).toHaveValue('We’re open “today” — come by…');
});

test('from the keyboard only: Ctrl+N, a refused number, Ctrl+Enter, the outbox and the thread', async ({
  page,
}) => {
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { name: 'Contacts' })).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'New message' })).toBeVisible();
  await expect(compose.to()).toBeFocused();
  await page.keyboard.type('12');
  // Tab leaves the field (closing its suggestions); what was typed stays as a chip.
  await page.keyboard.press('Tab');
  await compose.message().fill('Your order has shipped.');
  // "12" became a chip marked invalid (never dropped); sending refuses, naming it.
  await expect(compose.chips().filter({ hasText: '12' })).toContainText('not a valid number');
  await compose.message().press('Control+Enter');
  await expect(compose.to()).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText(/None of the 1 recipients can be sent to; for example 12/),
  ).toBeVisible();

  await compose.chips().filter({ hasText: '12' }).getByRole('button', { name: 'Remove' }).click();
  await compose.to().fill('+34 666 555 444');
  await compose.to().press('Tab');
  await compose.message().press('Control+Enter');
  await expect(compose.sentNotice()).toContainText('Queued message');
  await page.getByRole('button', { name: 'Show in the outbox' }).click();

  const outbox = new OutboxPage(page);
  // Pushed events move the row on (no polling): the embedded Sandbox accepts, then delivers.
  await expect(outbox.state('Your order has shipped')).toHaveAttribute(
    'data-state',
    /accepted|delivered/,
    { timeout: 10_000 },
  );
  await outbox.row('Your order has shipped').getByRole('button', { name: '+34666555444' }).click();
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(new ConversationsPage(page).bubbles().last()).toContainText(
    'Your order has shipped.',
  );
});

test('the draft survives a reload', async ({ page }) => {
  await compose.message().fill('Half-written thought');
  await page.reload();
  await expect(compose.message()).toHaveValue('Half-written thought');
});

test('Ctrl+K finds a conversation by its digits and opens it', async ({ page }) => {
  await page.evaluate(async () => {
    const [account] = await window.outpost.accounts.list();
    if (!account) throw new Error('no account');
    await window.outpost.outbox.send({
      accountId: account.id,
      to: '+34611222333',
      from: 'SHOP',
      text: 'Quick search me',
    });
  });
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search contacts and conversations' });
  await expect(search).toBeFocused();
  await search.fill('611222');
  await page.getByRole('menuitem', { name: '+34611222333' }).click();
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(new ConversationsPage(page).bubbles().last()).toContainText('Quick search me');
});
