import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abiOfBinaryBytes } from '../../../scripts/electron-binding/binary-abi';

describe("reading an addon's ABI from its bytes", () => {
  it('finds the NODE_MODULE_VERSION in the registration symbol wherever it sits', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.uint8Array({ maxLength: 300 }),
        (before, abi, after) => {
          // Digits right after the symbol would belong to it, as in a real string table they never do.
          const tail = Buffer.concat([Buffer.from([0]), after]);
          const bytes = Buffer.concat([before, Buffer.from(`node_register_module_v${abi}`), tail]);
          const leading = Buffer.from(before).toString('latin1');
          fc.pre(!leading.includes('node_register_module_v'));
          expect(abiOfBinaryBytes(bytes)).toBe(String(abi));
        },
      ),
    );
  });

  it('reads the Node build this project installs as ABI 115 (Node 20)', async () => {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const addon = createRequire(__filename).resolve(
      'better-sqlite3/build/Release/better_sqlite3.node',
    );
    expect(abiOfBinaryBytes(readFileSync(addon))).toBe(process.versions.modules);
  });

  it('gives nothing for a file that is not an addon, or was cut short', () => {
    expect(abiOfBinaryBytes(Buffer.from('not an addon'))).toBeUndefined();
    expect(abiOfBinaryBytes(Buffer.from('\0node_register_modu'))).toBeUndefined();
  });
});
