import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_FUNCTIONS_HINT, withCompileHint } from '../../../scripts/renderer-build/compile-hint';
import { withFirstScript } from '../../../scripts/renderer-build/first-answers-script';

describe("the start file's compile hint", () => {
  it('is the first line, once, and the code after it is unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (code) => {
        const hinted = withCompileHint(code);
        expect(hinted.startsWith(`${ALL_FUNCTIONS_HINT}\n`)).toBe(true);
        expect(hinted.slice(ALL_FUNCTIONS_HINT.length + 1)).toBe(code);
        expect(withCompileHint(hinted)).toBe(hinted);
      }),
    );
  });
});

/** index.html as Vite writes it, the first answers' chunk preloaded as an import of the start file. */
const page = (entry: string, first: string) => `<head>
    <title>Outpost</title>
    <script type="module" crossorigin src="./assets/${entry}"></script>
    <link rel="modulepreload" crossorigin href="./assets/${first}">
    <link rel="stylesheet" crossorigin href="./assets/index-BsGjbFXB.css">
  </head>`;

const fileName = (stem: string) =>
  fc.stringMatching(/^[\w-]{8}$/).map((hash) => `${stem}-${hash}.js`);

describe("index.html's first answers script", () => {
  it('runs before the start file (document order) and is no longer only preloaded', () => {
    fc.assert(
      fc.property(fileName('index'), fileName('first-answers'), (entry, first) => {
        const html = withFirstScript(page(entry, first), `./assets/${first}`);
        const scripts = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)">/g)];
        expect(scripts.map((m) => m[1])).toEqual([`./assets/${first}`, `./assets/${entry}`]);
        expect(html).not.toContain('modulepreload');
        expect(html).toContain('rel="stylesheet"');
      }),
    );
  });

  it('refuses a page without a module script instead of leaving the answers unasked', () => {
    expect(() => withFirstScript('<head></head>', './assets/first-answers-abcdefgh.js')).toThrow(
      /no module script/,
    );
  });
});
