/** Types of scripts/cli-bundle.cjs for the TypeScript that uses it (tests, benchmarks). */
export declare const DEFAULT_OUT_DIR: string;
/** The entry file of the bundle in `outDir`. */
export declare function cliEntry(outDir?: string): string;
/** Whether the bundle in `outDir` exists and is newer than everything it is built from. */
export declare function isCliBundleCurrent(outDir?: string): boolean;
/** Builds the bundle into `outDir` (through a fresh folder swapped in); throws when the build fails. */
export declare function buildCliBundle(outDir?: string): void;
/** The entry file, rebuilt first when missing or stale. */
export declare function ensureCliBundle(outDir?: string): string;
