import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { webUrl } from './web-url';

/*
 * `npm run web`'s bridge sends a call when it is made, as Electron's preload
 * does, so the start view's questions reach the core while the page is still
 * busy running its start code, and the answers are waiting when it is done.
 */

/**
 * Runs in the page: makes a call, then, without giving the page's task back
 * to the browser, asks the server (synchronously) whether the call reached it.
 */
const CALL_WHILE_BUSY = `(async (callsUrl) => {
  const total = () => {
    const request = new XMLHttpRequest();
    request.open('GET', callsUrl, false);
    request.send();
    return JSON.parse(request.responseText).total;
  };
  const before = total();
  const answer = window.outpost.settings.get();
  let reached = false;
  for (let i = 0; i < 200 && !reached; i += 1) reached = total() > before;
  await answer;
  return reached;
})`;

test('a call made while the page is busy reaches the core before the page is free again', async ({
  page,
}) => {
  await new AppPage(page).open({ language: 'en' });
  const url = webUrl();
  const callsUrl = `${url.origin}/__bridge/calls?token=${url.searchParams.get('token')}`;
  const reached = await page.evaluate(`${CALL_WHILE_BUSY}(${JSON.stringify(callsUrl)})`);
  expect(reached).toBe(true);
});
