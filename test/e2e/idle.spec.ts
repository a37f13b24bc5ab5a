import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';

test('an idle app makes no calls to the core: views wait for pushed events, nothing polls', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  for (const view of ['Contacts', 'New message']) {
    await app.go(view);
    await expect(app.heading()).toHaveText(view);
    // The view's snapshot is in; from now on only pushed events may change it.
    await page.waitForTimeout(500);
    const before = await app.bridgeCalls();
    await page.waitForTimeout(3_000);
    expect(await app.bridgeCalls(), `calls while ${view} sat idle`).toBe(before);
  }
});
