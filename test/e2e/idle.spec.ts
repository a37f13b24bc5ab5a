import { expect, ipcCalls, test } from './fixtures';
import { AppPage, type BridgeTraffic } from './pages/app';

/**
 * A view's calls may answer an event the core pushed (a contact edit made
 * earlier being pushed by the background sync, say), never a timer: each call
 * must come shortly after an event, and a few per event at most.
 */
const ANSWER_WITHIN_MS = 1_000;
const CALLS_PER_EVENT = 8;

function unprompted(traffic: BridgeTraffic[]): BridgeTraffic[] {
  const events = traffic.filter((entry) => entry.kind === 'event').map((entry) => entry.at);
  return traffic.filter(
    (entry) =>
      entry.kind === 'call' &&
      !events.some((at) => at <= entry.at && entry.at - at <= ANSWER_WITHIN_MS),
  );
}

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
    const since = await app.pageNow();
    const served = (await ipcCalls(request)).total;
    await page.waitForTimeout(3_000);
    const traffic = await app.bridgeTraffic(since);
    const calls = traffic.filter((entry) => entry.kind === 'call');
    const events = traffic.filter((entry) => entry.kind === 'event');
    expect(unprompted(traffic), `calls sent while ${view} sat idle, with no event`).toEqual([]);
    expect(calls.length, `calls for ${events.length} events`).toBeLessThanOrEqual(
      CALLS_PER_EVENT * events.length,
    );
    // Counted on both ends: the server answered what the page sent, and nothing else.
    expect((await ipcCalls(request)).total - served, `calls served while ${view} sat idle`).toBe(
      calls.length,
    );
  }
});
