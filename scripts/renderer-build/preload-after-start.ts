import type { Plugin } from 'vite';

interface Chunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
}

/**
 * A build step of the renderer: `<link rel="modulepreload">` in index.html
 * for a lazy chunk the start asks for right after its first frame (and the
 * chunks it imports), so the browser fetches and compiles them beside the
 * start file instead of after the first commit; they are still evaluated
 * only when imported. `moduleSuffix` names the chunk by its module's path.
 */
export function preloadAfterStartPlugin(moduleSuffix: string): Plugin {
  return {
    name: 'outpost-preload-after-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = (context.bundle ?? {}) as unknown as Record<
          string,
          Chunk | { type: 'asset' }
        >;
        const chunks = Object.values(bundle).filter((item): item is Chunk => item.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const root = chunks.find((c) => c.facadeModuleId?.endsWith(moduleSuffix));
        if (!root) throw new Error(`No chunk for ${moduleSuffix}: its preload would be lost.`);
        const files = new Set<string>();
        const visit = (chunk: Chunk) => {
          if (chunk.isEntry || files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          for (const name of chunk.imports) {
            const imported = byName.get(name);
            if (imported) visit(imported);
          }
        };
        visit(root);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
