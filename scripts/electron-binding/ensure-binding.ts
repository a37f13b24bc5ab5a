import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ELECTRON_BINDING_DIR, ELECTRON_BINDING_FILE } from '../../electron/main/native-binding';
import { abiOfBinary } from './binary-abi';
import { buildFromSourceCommand } from './build-from-source';
import { decide } from './decide';
import { type AttemptFailure, causeOf, failureSentence } from './failure';
import { fetchPrebuiltCommand } from './fetch-prebuilt';
import { type BindingFiles, installBinding } from './install-binding';
import { copyPackage } from './package-copy';
import { type Command, childEnv, type RunCommand } from './run-command';
import { type BindingMethod, readStamp } from './stamp';
import { StepFailure } from './step-failure';
import { type BindingTarget, type Machine, readTarget } from './target';

export interface StepDeps {
  projectRoot: string;
  machine: Machine;
  run: RunCommand;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Where the throw-away copy of the package is made. */
  tmpDir: string;
  /** Where node-gyp keeps Electron's headers between builds. */
  headersDir: string;
  tools: { node: string; prebuildInstall: string; nodeGyp: string };
  now: () => number;
}

export type StepOutcome =
  | { ok: true; made: BindingMethod | 'nothing' }
  | { ok: false; sentence: string };

export function bindingFiles(projectRoot: string): BindingFiles {
  const dir = join(projectRoot, ...ELECTRON_BINDING_DIR);
  return { dir, binary: join(dir, ELECTRON_BINDING_FILE), stamp: join(dir, 'stamp.json') };
}

/** Makes the Electron build of better-sqlite3 when it is missing or stale; otherwise does nothing. */
export async function ensureElectronBinding(deps: StepDeps): Promise<StepOutcome> {
  const started = deps.now();
  try {
    const target = readTarget(deps.projectRoot, deps.machine);
    const files = bindingFiles(deps.projectRoot);
    const label = `better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (ABI ${target.abi}, ${target.platform}-${target.arch})`;
    const decision = decide(target, {
      binaryExists: existsSync(files.binary),
      binaryAbi: abiOfBinary(files.binary),
      stamp: readStamp(files.stamp),
    });
    if (!decision.make) {
      deps.log(`${label} is up to date (checked in ${elapsed(deps, started)}).`);
      return { ok: true, made: 'nothing' };
    }
    deps.log(`${label}: ${decision.reason}.`);
    const made = await makeBinding(deps, target, files);
    deps.log(
      `${label} ${made === 'prebuilt' ? 'fetched' : 'built'} in ${elapsed(deps, started)}: ${files.binary}`,
    );
    return { ok: true, made };
  } catch (error) {
    if (error instanceof StepFailure) return { ok: false, sentence: error.message };
    throw error;
  }
}

async function makeBinding(
  deps: StepDeps,
  target: BindingTarget,
  files: BindingFiles,
): Promise<BindingMethod> {
  const started = deps.now();
  const work = mkdtempSync(join(deps.tmpDir, 'outpost-electron-'));
  try {
    const copy = copyPackage(join(deps.projectRoot, 'node_modules', 'better-sqlite3'), work);
    const produced = join(copy, 'build', 'Release', ELECTRON_BINDING_FILE);
    const env = childEnv(deps.env);
    const install = (method: BindingMethod) => {
      const seconds = Math.round((deps.now() - started) / 100) / 10;
      const madeAt = new Date(deps.now()).toISOString();
      installBinding(files, produced, { ...target, method, madeAt, seconds });
      return method;
    };

    deps.log('Fetching the prebuilt binary better-sqlite3 publishes for this Electron release…');
    const fetch = fetchPrebuiltCommand(deps.tools, copy, target, env);
    const fetched = await attempt(deps, fetch, produced, target);
    if (fetched === undefined) return install('prebuilt');

    deps.log(
      "No usable prebuilt binary; compiling from source against Electron's headers (2 to 3 minutes of compiling)…",
    );
    rmSync(join(copy, 'build'), { recursive: true, force: true });
    const build = buildFromSourceCommand(deps.tools, copy, target, deps.headersDir, env);
    const built = await attempt(deps, build, produced, target);
    if (built === undefined) return install('source');
    throw new StepFailure(failureSentence(target, fetched, built));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs one way of getting the binary; undefined when it left a file of the right ABI. */
async function attempt(
  deps: StepDeps,
  command: Command,
  produced: string,
  target: BindingTarget,
): Promise<AttemptFailure | undefined> {
  deps.log(`  $ ${[command.program, ...command.args].join(' ')}   (in ${command.cwd})`);
  const started = deps.now();
  const result = await deps.run(command);
  deps.log(
    `  (${result.exitCode === 0 ? 'done' : `failed, exit ${result.exitCode}`} after ${elapsed(deps, started)})`,
  );
  if (result.exitCode !== 0) return { cause: causeOf(result.output) };
  const foundAbi = abiOfBinary(produced);
  if (foundAbi === undefined) return { cause: 'no-output' };
  if (foundAbi !== target.abi) return { cause: 'wrong-abi', foundAbi };
  return undefined;
}

function elapsed(deps: StepDeps, since: number): string {
  const seconds = (deps.now() - since) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.floor(seconds % 60)} s`;
}
