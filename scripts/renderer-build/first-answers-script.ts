import type { Plugin, Rollup } from 'vite';

/** The chunk of renderer/src/app/first-answers.ts (a codeSplitting group in electron.vite.config.ts). */
export const FIRST_ANSWERS_CHUNK = 'first-answers';

/** Module scripts run in document order, once the page is parsed: this one goes first. */
export function withFirstScript(html: string, src: string): string {
  const preload = new RegExp(`\\s*<link rel="modulepreload"[^>]*href="${literally(src)}"[^>]*>`);
  const tag = `<script type="module" crossorigin src="${src}"></script>`;
  const withoutPreload = html.replace(preload, '');
  const at = withoutPreload.indexOf('<script type="module"');
  if (at < 0) throw new Error('index.html has no module script to put the first answers before.');
  return `${withoutPreload.slice(0, at)}${tag}\n    ${withoutPreload.slice(at)}`;
}

function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * index.html loads the first answers' chunk as a script of its own, not only as
 * an import of the start file: the start file's imports run only once it is
 * downloaded and compiled, this small file runs as soon as the page is parsed.
 * Both load it by the same address, so the browser evaluates it once.
 */
export function firstAnswersScriptPlugin(): Plugin {
  return {
    name: 'outpost:first-answers-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c): c is Rollup.OutputChunk => c.type === 'chunk' && c.name === FIRST_ANSWERS_CHUNK,
        );
        if (!chunk) throw new Error(`The build made no ${FIRST_ANSWERS_CHUNK} chunk.`);
        return withFirstScript(html, `./${chunk.fileName}`);
      },
    },
  };
}
