import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, ownSimulatorAccount, setSandboxFaults, test } from './fixtures';
import { AppPage } from './pages/app';
import { ContactsPage } from './pages/contacts';

/** A tags-API account on the embedded simulator (the Sandbox account is 360nrs, which has no tags). */
const TAGS_ACCOUNT = 'Tags shop h11b';
const TAGS_KEY = 'sandbox-api-key';

async function tagsBaseUrl(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const accounts = await window.outpost.accounts.list();
    const sandbox = accounts.find((a) => a.sandbox);
    if (!sandbox) throw new Error('no Sandbox account');
    return sandbox.baseUrl.replace(/\/nrs$/, '/tags');
  });
}

async function ensureTagsAccount(page: Page): Promise<void> {
  const baseUrl = await tagsBaseUrl(page);
  await page.evaluate(
    async ({ name, baseUrl, secret }) => {
      const accounts = await window.outpost.accounts.list();
      if (accounts.some((a) => a.name === name)) return;
      const added = await window.outpost.accounts.add({ name, provider: 'tags', baseUrl, secret });
      if (!added.ok) throw new Error(added.message);
    },
    { name: TAGS_ACCOUNT, baseUrl, secret: TAGS_KEY },
  );
}

async function openContacts(page: Page, account?: string): Promise<ContactsPage> {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  await app.go('Contacts');
  const contacts = new ContactsPage(page);
  if (account) {
    await contacts.chooseAccount(account);
    await contacts.syncNow().click();
    await expect(contacts.status()).toContainText('Synced', { timeout: 20_000 });
  }
  await expect(contacts.rows().first()).toBeVisible({ timeout: 20_000 });
  return contacts;
}

test.afterEach(async ({ request }) => {
  await setSandboxFaults(request, '');
});

test('create, edit, and delete a contact, then Undo brings it back', async ({ page }) => {
  const contacts = await openContacts(page);
  await page.getByRole('button', { name: 'New contact' }).click();
  await contacts.field('First name').fill('Rosa');
  await contacts.field('Last name').fill('Quintanilla-h11b');
  await contacts.field('Phone number').fill('+34 611 411 101');
  await contacts.field('Book').fill('Clientes h11b');
  await contacts.dialog().getByRole('button', { name: 'Add contact' }).click();
  await expect(contacts.dialog()).toBeHidden();

  await contacts.search().fill('quintanilla');
  const row = contacts.row('Rosa Quintanilla-h11b');
  await expect(row).toBeVisible();
  await expect(row).toContainText('not yet synced');
  await expect(row).toContainText('+34611411101');

  await contacts.open('Rosa Quintanilla-h11b');
  await contacts.field('First name').fill('Rosalía');
  await contacts.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(contacts.row('Rosalía Quintanilla-h11b')).toBeVisible();

  await contacts.open('Rosalía Quintanilla-h11b');
  await contacts.dialog().getByRole('button', { name: 'Delete' }).click();
  await expect(contacts.row('Rosalía Quintanilla-h11b')).toHaveCount(0);
  await expect(contacts.undoBar()).toContainText('Deleted 1 contact.');
  await contacts.undoBar().getByRole('button', { name: 'Undo' }).click();
  await expect(contacts.row('Rosalía Quintanilla-h11b')).toBeVisible();
  await expect(page.getByTestId('contacts-notice')).toHaveText('1 contact is back.');

  // Sync: the contact reaches the provider and loses its badge.
  await contacts.syncNow().click();
  await expect(contacts.status()).toContainText('Synced', { timeout: 20_000 });
  await expect(contacts.row('Rosalía Quintanilla-h11b')).not.toContainText('not yet synced');
});

test('a tag added while the provider is unreachable waits, then syncs when it returns', async ({
  page,
  request,
}) => {
  await new AppPage(page).open({ language: 'en' });
  await ensureTagsAccount(page);
  const contacts = await openContacts(page, TAGS_ACCOUNT);
  const first = contacts.rows().first();
  const name = (
    (await first.getByRole('rowheader').getByRole('button').textContent()) ?? ''
  ).trim();
  const phone = ((await first.getByRole('cell').nth(1).textContent()) ?? '').replace(/\D/g, '');

  // Found by its number (names can repeat), then the provider goes away.
  await contacts.search().fill(phone);
  await expect(contacts.rows()).toHaveCount(1);
  await setSandboxFaults(request, 'reset-before=1');
  await contacts.rows().first().getByRole('checkbox').check();
  await page.getByRole('toolbar').getByRole('button', { name: 'Add a tag' }).click();
  await page.getByRole('textbox', { name: 'Tag to add' }).fill('h11b-offline');
  await page.getByRole('toolbar').getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('contacts-notice')).toContainText('Tag added to 1 contact');
  const row = contacts.row(name);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('h11b-offline');
  await expect(row).toContainText('not yet synced');
  await expect(contacts.sidebar().getByRole('button', { name: /h11b-offline/ })).toContainText('1');

  await contacts.syncNow().click();
  await expect(contacts.status()).toContainText('Could not sync', { timeout: 20_000 });
  await expect(row).toContainText('not yet synced');

  await setSandboxFaults(request, '');
  await contacts.syncNow().click();
  await expect(contacts.status()).toContainText('Synced', { timeout: 20_000 });
  await expect(row).not.toContainText('not yet synced');
  await expect(row).toContainText('h11b-offline');
  const atProvider = await request.get(`${await tagsBaseUrl(page)}/v1/contacts?tags=h11b-offline`, {
    headers: { 'x-api-key': TAGS_KEY },
  });
  const tagged = (await atProvider.json()) as { phoneNumber: string }[];
  expect(tagged.map((c) => c.phoneNumber.replace(/\D/g, ''))).toContain(phone);
});

test('a contact changed here and at the provider is shown side by side and resolved field by field', async ({
  page,
  request,
}) => {
  await new AppPage(page).open({ language: 'en' });
  // Its own simulator: no other spec's sync or edit touches these contacts.
  const account = await ownSimulatorAccount(page, request, {
    name: 'Tags conflicts ge2e',
    provider: 'tags',
  });
  const contacts = await openContacts(page, account.name);
  const target = contacts.rows().nth(2);
  const name = (
    (await target.getByRole('rowheader').getByRole('button').textContent()) ?? ''
  ).trim();
  const phone = ((await target.getByRole('cell').nth(1).textContent()) ?? '').replace(/\D/g, '');
  // The provider's id, read from the app's own record of the contact.
  const remoteId = await page.evaluate(
    async ({ accountId, phone }) => {
      const all = await window.outpost.contacts.page({ accountId, offset: 0, limit: 500 });
      const found = all.contacts.find((c) => c.phone.replace(/\D/g, '') === phone);
      if (!found) throw new Error(`no contact with the number ${phone}`);
      return (await window.outpost.contacts.get({ id: found.id }))?.remoteId as string;
    },
    { accountId: account.id, phone },
  );
  const url = `${account.baseUrl}/v1/contacts/${remoteId}`;
  const headers = { 'x-api-key': account.secret };
  const atProvider = async () =>
    (await (await request.get(url, { headers })).json()) as {
      name: string;
      customFields: Record<string, unknown>;
    };
  // Someone changes the name and the city at the provider...
  const remote = await atProvider();
  const put = await request.put(url, {
    headers,
    data: {
      ...remote,
      name: 'Provider ge2e',
      customFields: { ...remote.customFields, city: 'Sevilla (there)' },
    },
  });
  expect(put.ok()).toBe(true);
  // ...while both are changed here too.
  await contacts.search().fill(phone);
  await contacts.open(name);
  await contacts.field('Name').fill('Here ge2e');
  await contacts.field('Value of city').fill('Toledo (here)');
  await contacts.dialog().getByRole('button', { name: 'Save' }).click();
  await contacts.syncNow().click();
  await expect(contacts.status()).toContainText('conflict', { timeout: 20_000 });

  await contacts.search().fill('Here ge2e');
  await expect(contacts.row('Here ge2e')).toContainText('conflict');
  await contacts.open('Here ge2e');
  await contacts.dialog().getByRole('button', { name: 'Review' }).click();
  // Side by side, field by field: the name from the provider, the city from here.
  const table = page.getByTestId('conflict-table');
  // Named as the editor names it: the tags API keeps one whole name and no email.
  const nameRow = table.getByRole('row', { name: /^Name/ });
  await expect(nameRow).toContainText('Here ge2e');
  await expect(table.getByRole('row', { name: /^(First name|Last name|Email)/ })).toHaveCount(0);
  await expect(nameRow).toContainText('Provider ge2e');
  const cityRow = table.getByRole('row', { name: /^city/ });
  await expect(cityRow).toContainText('Toledo (here)');
  await expect(cityRow).toContainText('Sevilla (there)');
  await nameRow.getByRole('radio', { name: 'Provider ge2e' }).check();
  await cityRow.getByRole('radio', { name: 'Toledo (here)' }).check();
  await page.getByRole('button', { name: 'Keep my choices' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await contacts.search().fill('Provider ge2e');
  const merged = contacts.row('Provider ge2e');
  await expect(merged).toBeVisible();
  await expect(merged).not.toContainText('conflict');

  // The mix reaches the provider at the next sync: its name, our city.
  await contacts.syncNow().click();
  await expect(contacts.status()).toContainText('Synced', { timeout: 20_000 });
  await expect(merged).not.toContainText('not yet synced');
  const after = await atProvider();
  expect(after.name).toBe('Provider ge2e');
  expect(after.customFields.city).toBe('Toledo (here)');
});

for (const language of ['en', 'es'] as const) {
  test(`the Contacts view, its form and a selection, in ${language}, are axe-clean (screenshots)`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 800 },
      locale: language === 'es' ? 'es-ES' : 'en-GB',
    });
    const page = await context.newPage();
    const app = new AppPage(page);
    await app.open({ language });
    await ensureTagsAccount(page);
    await app.go(language === 'es' ? 'Contactos' : 'Contacts');
    const contacts = new ContactsPage(page);
    await contacts.chooseAccount(TAGS_ACCOUNT);
    await expect(contacts.rows().first()).toBeVisible({ timeout: 20_000 });
    await contacts.rows().nth(0).getByRole('checkbox').check();
    await contacts.rows().nth(1).getByRole('checkbox').check();
    await page.screenshot({ path: `docs/screenshots/contacts-manage-${language}.png` });
    const axe = async (label: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${label}: ${v.id} ${v.help} — ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
      expect(serious).toEqual([]);
    };
    await axe('list');
    await contacts.rows().nth(2).getByRole('rowheader').getByRole('button').click();
    await expect(contacts.dialog()).toBeVisible();
    await page.screenshot({ path: `docs/screenshots/contacts-editor-${language}.png` });
    await axe('editor');
    await page.keyboard.press('Escape');
    await context.close();
  });
}
