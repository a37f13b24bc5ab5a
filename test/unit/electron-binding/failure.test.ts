import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttemptFailure,
  causeOf,
  failureSentence,
} from '../../../scripts/electron-binding/failure';

const target = {
  electron: '45.4.1',
  abi: '150',
  betterSqlite3: '12.11.1',
  platform: 'linux',
  arch: 'x64',
};

describe('reading why a download or build failed', () => {
  it('sees no network in what prebuild-install and node-gyp print offline (as measured here)', () => {
    expect(causeOf('prebuild-install warn install getaddrinfo ENOTFOUND github.com')).toBe(
      'network',
    );
    expect(
      causeOf(
        [
          'gyp info find Python using Python version 3.11.7 found at "/usr/bin/python3"',
          'gyp http GET https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz',
          'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
          'gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad',
        ].join('\n'),
      ),
    ).toBe('network');
  });

  it('sees a missing toolchain only in error lines, not in node-gyp info lines', () => {
    expect(
      causeOf('gyp ERR! find Python Python is not set from command line or npm configuration'),
    ).toBe('toolchain');
    expect(causeOf('make: not found\ngyp ERR! build error')).toBe('toolchain');
    expect(causeOf('/bin/sh: 1: g++: not found')).toBe('toolchain');
    expect(causeOf('gyp info find Python using Python version 3.11.7\nerror: expected ;')).toBe(
      'other',
    );
  });

  it('tells a binary that is not published from a network failure', () => {
    expect(
      causeOf(
        'prebuild-install warn install No prebuilt binaries found (target=45.4.1 runtime=electron arch=riscv64)',
      ),
    ).toBe('not-published');
  });
});

describe('the sentence the step ends with', () => {
  const failure = fc.oneof(
    fc.constantFrom<AttemptFailure>(
      { cause: 'network' },
      { cause: 'toolchain' },
      { cause: 'not-published' },
      { cause: 'no-output' },
      { cause: 'other' },
    ),
    fc
      .integer({ min: 1, max: 999 })
      .map((abi): AttemptFailure => ({ cause: 'wrong-abi', foundAbi: String(abi) })),
  );

  it('is one sentence that names the target, the problem and the command to run, for every pair of causes', () => {
    fc.assert(
      fc.property(
        failure,
        failure,
        fc.constantFrom('linux', 'darwin', 'win32'),
        (fetch, build, platform) => {
          const sentence = failureSentence({ ...target, platform }, fetch, build);
          expect(sentence).toMatch(
            /^Could not make better-sqlite3 12\.11\.1 for Electron 45\.4\.1 \(ABI 150\): /,
          );
          expect(sentence).toMatch(
            /, then run `npm start` again \(or `npx tsx scripts\/electron-binding\/main\.ts` on its own\)\.$/,
          );
          // One sentence: no full stop before the end except inside version numbers and file names.
          expect(sentence.slice(0, -1)).not.toMatch(/\.\s/);
        },
      ),
    );
  });

  it('names the build tools of the platform when the compiler is missing', () => {
    expect(
      failureSentence(
        { ...target, platform: 'win32' },
        { cause: 'network' },
        { cause: 'toolchain' },
      ),
    ).toContain(
      'Python 3 and the Visual Studio C++ build tools, which are missing; connect to the internet (for the prebuilt binary) or install those build tools',
    );
    expect(failureSentence(target, { cause: 'not-published' }, { cause: 'toolchain' })).toContain(
      'no prebuilt binary is published for linux-x64 and the source build needs python3, make and a C++ compiler, which are missing; install those build tools,',
    );
  });
});
