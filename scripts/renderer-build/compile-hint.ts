import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint: a script whose first line is this comment has
 * every function compiled eagerly, while it streams in, off the main thread,
 * instead of each one on its first call (the first render's React DOM
 * functions: bench/RESULTS.md, r10-hrs and r11-hst).
 */
export const ALL_FUNCTIONS_HINT = '//# allFunctionsCalledOnLoad';

/** The chunk's code with the hint on its first line (V8 reads it only there). */
export function withCompileHint(code: string): string {
  return code.startsWith(ALL_FUNCTIONS_HINT) ? code : `${ALL_FUNCTIONS_HINT}\n${code}`;
}

/**
 * Puts the hint on the renderer's entry chunk (the start file) only: the lazy
 * views' chunks keep lazy compiling. It runs once the chunks are minified
 * (the minifier drops comments), so the hint is the file's first bytes.
 */
export function compileHintPlugin(): Plugin {
  return {
    name: 'outpost:compile-hint',
    apply: 'build',
    enforce: 'post',
    // The hint is added after the names are hashed: without this, a build with it and one
    // without would give the start file the same name (and a browser's cache the wrong one).
    augmentChunkHash(chunk) {
      return chunk.isEntry ? ALL_FUNCTIONS_HINT : undefined;
    },
    generateBundle: {
      // After Vite's own post step, which puts its preload map first in the chunk.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = withCompileHint(chunk.code);
      },
    },
  };
}
