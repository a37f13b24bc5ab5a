import { BINDING_STEP_COMMAND } from '../../electron/main/native-binding';
import type { BindingTarget } from './target';

/** Why one way of getting the binary (download or compile) did not give a usable file. */
export type AttemptFailure =
  | { cause: 'network' | 'toolchain' | 'not-published' | 'no-output' | 'other' }
  | { cause: 'wrong-abi'; foundAbi: string };

const NETWORK =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|fetch failed|network/i;
// node-gyp's own error lines (its info lines also say "find Python", so only ERR! counts).
const TOOLCHAIN =
  /gyp ERR! find (Python|VS)|not found: (make|g\+\+|c\+\+|cc|clang\+\+)|(make|g\+\+|c\+\+|cc|clang\+\+): (command )?not found|No Xcode or CLT/i;
const NOT_PUBLISHED = /No prebuilt binaries found|404/i;

/**
 * Reads a failed command's output for the few causes a person can act on.
 * node-gyp looks for Python before it downloads headers and compiles after, so
 * output that shows a network failure never got as far as the compiler.
 */
export function causeOf(output: string): 'network' | 'toolchain' | 'not-published' | 'other' {
  if (NETWORK.test(output)) return 'network';
  if (TOOLCHAIN.test(output)) return 'toolchain';
  if (NOT_PUBLISHED.test(output)) return 'not-published';
  return 'other';
}

function fetchPart(failure: AttemptFailure, target: BindingTarget): string {
  switch (failure.cause) {
    case 'network':
      return 'the prebuilt binary could not be downloaded (no connection to its host)';
    case 'not-published':
      return `no prebuilt binary is published for ${target.platform}-${target.arch}`;
    case 'wrong-abi':
      return `the downloaded binary is for ABI ${failure.foundAbi}`;
    default:
      return 'the prebuilt binary could not be installed';
  }
}

function toolchain(platform: string): string {
  if (platform === 'win32') return 'Python 3 and the Visual Studio C++ build tools';
  if (platform === 'darwin') return 'Python 3 and the Xcode Command Line Tools';
  return 'python3, make and a C++ compiler';
}

function buildPartAndRemedy(failure: AttemptFailure, fetch: AttemptFailure, target: BindingTarget) {
  switch (failure.cause) {
    case 'network':
      return {
        part: "the source build could not download Electron's headers",
        remedy: 'connect this machine to the internet',
      };
    case 'toolchain':
      return {
        part: `the source build needs ${toolchain(target.platform)}, which are missing`,
        remedy:
          fetch.cause === 'network'
            ? 'connect to the internet (for the prebuilt binary) or install those build tools'
            : 'install those build tools',
      };
    case 'wrong-abi':
      return {
        part: `the source build made a binary for ABI ${failure.foundAbi} (a nodedir or target setting points node-gyp at other headers)`,
        remedy: 'remove that setting from .npmrc or the environment',
      };
    default:
      return {
        part: 'the source build failed (its output is above)',
        remedy: 'fix what that output names',
      };
  }
}

/** The one sentence the step ends with when neither way gave a usable binary. */
export function failureSentence(
  target: BindingTarget,
  fetch: AttemptFailure,
  build: AttemptFailure,
): string {
  const { part, remedy } = buildPartAndRemedy(build, fetch, target);
  return (
    `Could not make better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (ABI ${target.abi}): ` +
    `${fetchPart(fetch, target)} and ${part}; ${remedy}, then run \`npm start\` again (or \`${BINDING_STEP_COMMAND}\` on its own).`
  );
}
