import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { ComposePage } from './pages/compose';

/*
 * Compose's first frame is drawn light (ui/AfterFirstFrame.tsx): the send
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
