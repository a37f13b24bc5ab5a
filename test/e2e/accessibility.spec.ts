import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app';
import { SettingsPage } from './pages/settings';

/**
 * Every view, in English and Spanish, light and dark: axe-core finds no
 * serious or critical violation (in dark, of the colour rules: see axeClean). The light runs also write the README's
 * screenshots to docs/screenshots/ (English and Spanish; dark for two views).
 * The page's CSP blocks injected scripts, so only this context bypasses it.
 */
const VIEWS = [
  { id: 'compose', key: '1' },
  { id: 'outbox', key: '2' },
  { id: 'conversations', key: '3' },
  { id: 'contacts', key: '4' },
  { id: 'bulk', key: '5' },
  { id: 'jobs', key: '6' },
  { id: 'reports', key: '7' },
  { id: 'settings', key: '8' },
] as const;
const DARK_SHOTS = new Set(['compose', 'outbox']);

async function seed(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const accounts = await window.outpost.accounts.list();
    const account = accounts.find((a) => a.sandbox) ?? accounts[0];
    if (!account) throw new Error('no account');
    await window.outpost.contacts.sync({ accountId: account.id });
    const texts = [
      ['+34 612 345 678', 'Hola Lucía, tu pedido ya está listo para recoger en la tienda.'],
      [
        '+34 699 111 222',
        'Recordatorio: cita mañana a las 10:30 en la clínica. Responde NO para cancelar.',
      ],
      ['+351 912 345 678', 'A sua encomenda foi enviada. Obrigado!'],
    ];
    for (const [to, text] of texts)
      await window.outpost.outbox.send({
        accountId: account.id,
        to: to ?? '',
        from: 'TIENDA',
        text: text ?? '',
      });
  });
}

/**
 * The themes differ only in CSS variables (`<html data-theme>`): the DOM, names
 * and roles are the same, so the dark runs check what colours decide, and the
 * light runs every rule. That halves axe's time in the dark runs.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function axeClean(page: Page, label: string, theme: 'light' | 'dark'): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (theme === 'dark' ? builder.withRules(COLOUR_RULES) : builder).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious, `axe on ${label}`).toEqual([]);
}

async function openIn(browser: Browser, language: 'en' | 'es', theme: 'light' | 'dark') {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 800 },
    locale: language === 'es' ? 'es-ES' : 'en-GB',
  });
  const page = await context.newPage();
  await new AppPage(page).open({ language, theme });
  return { context, page };
}

let seeded = false;

for (const language of ['en', 'es'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every view is axe-clean in ${language}, ${theme} theme`, async ({ browser }) => {
      // axe's contrast rule is slow on a loaded machine: a generous budget, one test per combination.
      test.setTimeout(240_000);
      const { context, page } = await openIn(browser, language, theme);
      if (!seeded) {
        await seed(page);
        seeded = true;
      }
      for (const view of VIEWS) {
        await page.keyboard.press(`Control+${view.key}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // Let the first snapshot land (and the sandbox deliver) before looking.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        if (theme === 'light' || (language === 'en' && DARK_SHOTS.has(view.id))) {
          const suffix = theme === 'light' ? language : `${language}-dark`;
          await page.screenshot({ path: `docs/screenshots/${view.id}-${suffix}.png` });
        }
        // A short list is as telling as a long one, and axe takes far less time over it.
        if (view.id === 'contacts')
          await page.getByRole('searchbox').fill(language === 'es' ? 'martínez' : 'garcía');
        await axeClean(page, `${view.id} (${language}, ${theme})`, theme);
      }
      // The Settings tabs and the quick search dialog too.
      const settings = new SettingsPage(page);
      for (const [tab, name] of [
        [/Preferences|Preferencias/, 'preferences'],
        [/^(Data|Datos)$/, 'data'],
        [/About|Acerca de/, 'about'],
      ] as const) {
        await settings.tab(tab).click();
        await page.waitForTimeout(200);
        await axeClean(page, `settings ${name} (${language}, ${theme})`, theme);
        if (theme === 'light')
          await page.screenshot({ path: `docs/screenshots/settings-${name}-${language}.png` });
      }
      await page.keyboard.press('Control+k');
      await page.keyboard.type(language === 'es' ? 'mar' : 'gar');
      await expect(page.getByRole('menuitem').first()).toBeVisible();
      await axeClean(page, `quick search (${language}, ${theme})`, theme);
      if (theme === 'light')
        await page.screenshot({ path: `docs/screenshots/quick-search-${language}.png` });
      await context.close();
    });
  }
}
