import { gzipSync } from 'node:zlib';

/**
 * What the renderer loads before its first view: the entry chunk and every
 * chunk it imports statically (the browser fetches them all before the entry
 * runs), with the CSS they bring. Written by the build (start-bundle-plugin.ts)
 * to START_BUNDLE_REPORT, read by the budget check and the start benchmark.
 */
export interface StartBundleReport {
  /** Every start file with its size on disk and gzipped. */
  files: { file: string; bytes: number; gzipBytes: number }[];
  /** Rendered bytes per npm package (or per source folder) inside the start chunks, largest first. */
  packages: { name: string; bytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
}

/** Where the report goes (outside out/renderer, so it is never served; electron-builder skips it). */
export const START_BUNDLE_REPORT = 'out/bundle-report/renderer-start.json';

/** The parts of a Rollup/Rolldown output chunk this report reads. */
export interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: string[];
  code: string;
  modules: Record<string, { renderedLength: number }>;
  viteMetadata?: { importedCss: Set<string> };
}
export interface AssetInfo {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}

/** `node_modules/@scope/name/...` → `@scope/name`; a project file → its folder two levels down (`renderer/src/features`). */
export function packageOf(moduleId: string): string {
  // The last node_modules in the path is the package itself (nested installs have several).
  const inModules = [...moduleId.matchAll(/node_modules[\\/]((@[^\\/]+[\\/])?[^\\/]+)/g)].at(-1);
  if (inModules?.[1]) return inModules[1].replace('\\', '/');
  const parts = moduleId.replace(/\\/g, '/').split('/');
  const at = parts.findIndex((p) => p === 'renderer' || p === 'shared');
  return at >= 0 ? parts.slice(at, at + 3).join('/') : (parts.at(-1) ?? moduleId);
}

export function startBundleReport(
  bundle: Record<string, ChunkInfo | AssetInfo>,
): StartBundleReport {
  const chunks = new Map<string, ChunkInfo>();
  for (const item of Object.values(bundle))
    if (item.type === 'chunk') chunks.set(item.fileName, item);
  const start = new Set<string>();
  const visit = (file: string) => {
    if (start.has(file)) return;
    start.add(file);
    for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const css = new Set<string>();
  for (const file of start)
    for (const sheet of chunks.get(file)?.viteMetadata?.importedCss ?? []) css.add(sheet);

  const files = [...start, ...css].map((file) => {
    const item = bundle[file];
    const content = item?.type === 'chunk' ? item.code : (item?.source ?? '');
    const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  const byPackage = new Map<string, number>();
  for (const file of start)
    for (const [id, info] of Object.entries(chunks.get(file)?.modules ?? {})) {
      const name = packageOf(id);
      byPackage.set(name, (byPackage.get(name) ?? 0) + info.renderedLength);
    }
  return {
    files: files.sort((a, b) => b.bytes - a.bytes),
    packages: [...byPackage]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}
