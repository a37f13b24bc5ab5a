import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { ElectronStub } from './electron-stub';

export const root = resolve(__dirname, '..', '..');
export const mainBundle = join(root, 'out', 'main', 'index.js');
/** Where `npm start` has the step put the Electron build (see electron/main/native-binding.ts). */
export const devBindingPath = join(
  root,
  'node_modules',
  '.outpost-electron',
  'better_sqlite3.node',
);

const requireHere = createRequire(__filename);
const nodeBuild = requireHere.resolve('better-sqlite3/build/Release/better_sqlite3.node');

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const originalLoad = moduleInternals._load;

export interface LoadedBundle {
  /** The addon paths the bundle asked better-sqlite3 to load, in order. */
  askedBindings: string[];
  restore: () => void;
}

/**
 * Loads out/main/index.js with `electron` replaced by the stub. The bundle's
 * request for the Electron-ABI addon is recorded and answered by `binding`
 * (by default the Node build: an Electron build could not load in this Node).
 */
export function loadMainBundle(
  stub: ElectronStub,
  binding: (path: string) => unknown = () => originalLoad(nodeBuild, null, false),
): LoadedBundle {
  const askedBindings: string[] = [];
  moduleInternals._load = (request, parent, isMain) => {
    if (request === 'electron') return stub.module;
    if (request.endsWith('better_sqlite3.node') && request !== nodeBuild) {
      askedBindings.push(request);
      return binding(request);
    }
    return originalLoad(request, parent, isMain);
  };
  delete requireHere.cache[mainBundle];
  requireHere(mainBundle);
  return {
    askedBindings,
    restore: () => {
      moduleInternals._load = originalLoad;
    },
  };
}

/** Waits (bounded) until `done` holds, for the bundle's asynchronous start-up. */
export async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const stop = Date.now() + ms;
  while (!done() && Date.now() < stop) await new Promise((r) => setTimeout(r, 20));
}
