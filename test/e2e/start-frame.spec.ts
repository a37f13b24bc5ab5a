import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { ComposePage } from './pages/compose';

/*
 * Compose's first frame is drawn light (compose/first-frame/): the send
 * options and "Insert field" follow right after. What a user sees of that:
 * nothing jumps, what they type at once is kept, and the options arrive.
 */

interface FrameLog {
  /** The Send button's top at each DOM change, and whether the Encoding field was there. */
  frames: { sendTop: number; options: boolean }[];
  typed: boolean;
}

/** Runs in the page before its scripts: logs each DOM change and types "Hi" the moment the message box exists. */
const WATCH_START = `(() => {
  const log = { frames: [], typed: false };
  window.__frameLog = log;
  new MutationObserver(() => {
    const form = document.querySelector('form.compose');
    if (!form) return;
    const send = form.querySelector('.actions button');
    const options = [...form.querySelectorAll('.field-label')].some((l) => l.textContent === 'Encoding');
    if (send) log.frames.push({ sendTop: send.getBoundingClientRect().top, options });
    const area = form.querySelector('textarea');
    if (area && !log.typed) {
      log.typed = true;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      setter.call(area, 'Hi');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

for (const width of [1280, 700]) {
  test(`${width} px wide: nothing below the message moves when the rest of Compose arrives, and early typing is kept`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript({ content: WATCH_START });
    await new AppPage(page).open({ language: 'en' });
    const compose = new ComposePage(page);
    await expect(page.getByRole('button', { name: /Encoding/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Insert field/ })).toBeVisible();
    await expect(compose.message()).toHaveValue('Hi');
    await expect(compose.meterDetail()).toContainText('2 septets');
    const log = await page.evaluate(
      () => (window as unknown as { __frameLog: FrameLog }).__frameLog,
    );
    const last = log.frames.at(-1);
    expect(last?.options).toBe(true);
    for (const frame of log.frames)
      expect(Math.abs(frame.sendTop - (last?.sendTop ?? 0)), JSON.stringify(frame)).toBeLessThan(3);
  });
}

/*
 * The account picker and "To" are light stand-ins in the first frame
 * (features/compose/first-frame/); React Aria's controls replace them a
 * moment later. What a user does to a stand-in in that moment is kept.
 */

/** Runs in the page before its scripts: acts on the first stand-in of `selector` the moment it exists. */
function actOnStandIn(selector: string, act: 'type' | 'press'): string {
  return `(() => {
    const log = { acted: false };
    window.__standIn = log;
    new MutationObserver(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el || log.acted || el.hasAttribute('data-rac')) return;
      log.acted = true;
      if (${JSON.stringify(act)} === 'press') return el.click();
      el.focus();
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(el, '+34 666');
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.setSelectionRange(3, 3);
    }).observe(document, { subtree: true, childList: true });
  })();`;
}

const acted = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __standIn: { acted: boolean } }).__standIn.acted);

test('what is typed into To before React Aria arrives stays, with the focus and the caret', async ({
  page,
}) => {
  await page.addInitScript({
    content: actOnStandIn('form.compose input[role="combobox"]', 'type'),
  });
  await new AppPage(page).open({ language: 'en' });
  const to = new ComposePage(page).to();
  await expect(page.getByRole('button', { name: /Insert field/ })).toBeVisible();
  expect(await acted(page)).toBe(true);
  await expect(to).toHaveAttribute('data-rac', '');
  await expect(to).toHaveValue('+34 666');
  await expect(to).toBeFocused();
  expect(
    await to.evaluate((el) => (el as unknown as { selectionStart: number }).selectionStart),
  ).toBe(3);
  // The real field goes on from there: typing at the caret, Enter makes the chip.
  await page.keyboard.type('0');
  await expect(to).toHaveValue('+340 666');
});

test('the account picker pressed before React Aria arrives opens its list when it does', async ({
  page,
}) => {
  await page.addInitScript({ content: actOnStandIn('form.compose button.select-button', 'press') });
  await new AppPage(page).open({ language: 'en' });
  await expect(page.getByRole('option', { name: /Sandbox/ })).toBeVisible();
  expect(await acted(page)).toBe(true);
  await page.getByRole('option', { name: /Sandbox/ }).click();
  await expect(new ComposePage(page).account()).toContainText('Sandbox');
});
