import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { ComposePage } from './pages/compose';
import { ContactsPage } from './pages/contacts';

/** The app in English on Contacts, with the first rows of the list shown. */
async function openContactsList(page: Page): Promise<ContactsPage> {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  await app.go('Contacts');
  const contacts = new ContactsPage(page);
  await expect(contacts.rows().nth(2)).toBeVisible({ timeout: 15_000 });
  return contacts;
}

test('the demo contacts are there, searched locally; "Message" starts a draft to one', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  await app.go('Contacts');
  const contacts = new ContactsPage(page);
  // At first run the embedded Sandbox's demo contacts are synced; syncing again is one click.
  if (await contacts.syncNow().isEnabled()) await contacts.syncNow().click();
  await expect(contacts.rows().first()).toBeVisible({ timeout: 15_000 });

  await contacts.search().fill('martínez');
  await expect(contacts.rows().first()).toContainText('Martínez');
  const count = await contacts.rows().count();
  for (let i = 0; i < count; i++)
    await expect(contacts.rows().nth(i)).toContainText(/mart[ií]nez/i);

  await contacts
    .rows()
    .first()
    .getByRole('button', { name: /^Message / })
    .click();
  await expect(app.heading()).toHaveText('New message');
  // The contact becomes the one recipient chip, named by the contact.
  await expect(new ComposePage(page).chips()).toHaveCount(1);
});

test('the list works by keyboard: arrows move between rows, Space selects, Enter opens', async ({
  page,
}) => {
  const contacts = await openContactsList(page);
  await contacts.rows().first().focus();
  await page.keyboard.press('ArrowDown');
  const second = contacts.rows().nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press('Space');
  await expect(second).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Space');
  await expect(second).not.toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Contact' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(contacts.dialog()).toBeHidden();
});

test('Page Down, Page Up and End keep the focused row in view, clear of the sticky header', async ({
  page,
}) => {
  const contacts = await openContactsList(page);
  const header = contacts.table().getByRole('row').first();
  const scroller = page.locator('.clist-scroller');
  /** The focused row lies wholly between the header's bottom and the scroller's bottom. */
  const focusedInView = async () => {
    const focused = page.locator('.clist-item:focus');
    await expect(focused).toHaveCount(1);
    // Scrolling may still be settling: read the boxes until they agree or the expect times out.
    await expect
      .poll(async () => {
        const [row, head, box] = await Promise.all([
          focused.boundingBox(),
          header.boundingBox(),
          scroller.boundingBox(),
        ]);
        if (!row || !head || !box) return false;
        return row.y >= head.y + head.height - 1 && row.y + row.height <= box.y + box.height + 1;
      })
      .toBe(true);
  };
  await contacts.rows().first().focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
  await focusedInView();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await focusedInView();
  await page.keyboard.press('End');
  await focusedInView();
  await expect(page.locator('.clist-item:focus')).toHaveAttribute('aria-rowindex', /^\d+$/);
  await page.keyboard.press('Home');
  await focusedInView();
  await expect(page.locator('.clist-item:focus')).toHaveAttribute('data-index', '0');
});

test('every phone number in the list is shown whole, at full width and in a narrow window', async ({
  page,
}) => {
  await openContactsList(page);
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 });
    const cells = page.locator('[data-testid="contacts-table"] .clist-item .clist-phone');
    await expect(cells.first()).toBeVisible();
    // A cut number ends in an ellipsis: its text is wider than its cell.
    const cut = await cells.evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent),
    );
    expect(cut, `at ${width} px`).toEqual([]);
    expect(await cells.count()).toBeGreaterThan(5);
    // The heading stands over its column.
    const heading = await page.getByRole('columnheader', { name: 'Phone' }).boundingBox();
    const cell = await cells.first().boundingBox();
    expect(Math.abs((heading?.x ?? 0) - (cell?.x ?? -99)), `at ${width} px`).toBeLessThan(1);
    expect(Math.abs((heading?.width ?? 0) - (cell?.width ?? -99)), `at ${width} px`).toBeLessThan(
      1,
    );
  }
});

test('the rows lie one under the other in their order, none over another, also scrolled', async ({
  page,
}) => {
  await openContactsList(page);
  const scroller = page.locator('.clist-scroller');
  /** Each rendered row starts where the row before it (by index) ends. */
  const stacked = () =>
    page.locator('[data-testid="contacts-table"] .clist-item').evaluateAll((els) => {
      const rows = els
        .map((el) => ({ index: Number(el.dataset.index), box: el.getBoundingClientRect() }))
        .sort((a, b) => a.index - b.index);
      return (
        rows.length > 5 &&
        rows.every((r, i) => {
          const before = rows[i - 1];
          return (
            !before || (r.index === before.index + 1 && Math.abs(r.box.top - before.box.bottom) < 1)
          );
        })
      );
    });
  for (const top of [0, 200, 100_000]) {
    await scroller.evaluate((el, to) => {
      el.scrollTop = to;
    }, top);
    await expect.poll(stacked, `scrolled to ${top}`).toBe(true);
  }
});
