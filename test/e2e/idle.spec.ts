import { expect, ipcCalls, test } from './fixtures';
import { AppPage } from './pages/app';

test('an idle app makes no calls to the core: views wait for pushed events, nothing polls', async ({
  page,
  request,
}) => {
  const app = new AppPage(page);
  await app.open({ language: 'en' });
  for (const view of ['Contacts', 'New message']) {
    await app.go(view);
    await expect(app.heading()).toHaveText(view);
    // The view's snapshot is in; from now on only pushed events may change it.
    await page.waitForTimeout(500);
    const before = await app.bridgeCalls();
    const served = (await ipcCalls(request)).total;
    await page.waitForTimeout(3_000);
    // Counted on both ends: what the page sent, and what the server answered.
    expect(await app.bridgeCalls(), `calls sent while ${view} sat idle`).toBe(before);
    expect((await ipcCalls(request)).total, `calls served while ${view} sat idle`).toBe(served);
  }
});
