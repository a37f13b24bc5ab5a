import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PassphraseFileVault,
  WrongPassphraseError,
} from '../../../electron/core/vault/passphrase-file-vault';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'vault-secrets.json');
});
afterEach(() => dir.remove());

const PASSPHRASE = 'correct horse battery';

describe('the passphrase-encrypted vault file', () => {
  it('gives back what was stored, from a new process’s point of view, in an owner-only file', () => {
    const ref = new PassphraseFileVault(file, () => PASSPHRASE).store('account-1', 'Zq7-secret');
    expect(ref).toBe('file:account-1');
    expect(new PassphraseFileVault(file, () => PASSPHRASE).read(ref)).toBe('Zq7-secret');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never holds a secret in plain text, in any encoding (property)', () => {
    const vault = new PassphraseFileVault(file, () => PASSPHRASE);
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 80, unit: 'grapheme' }), (secret) => {
        const ref = vault.store('k', secret);
        const bytes = readFileSync(file);
        expect(vault.read(ref)).toBe(secret);
        for (const form of [
          secret,
          Buffer.from(secret).toString('base64'),
          Buffer.from(secret).toString('hex'),
        ])
          expect(bytes.includes(form)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('says a wrong passphrase is wrong, and without one reads nothing', () => {
    const ref = new PassphraseFileVault(file, () => PASSPHRASE).store('a', 'secret-a');
    expect(() => new PassphraseFileVault(file, () => 'wrong passphrase').read(ref)).toThrow(
      WrongPassphraseError,
    );
    expect(new PassphraseFileVault(file, () => undefined).read(ref)).toBeUndefined();
  });

  it('detects an entry changed or moved to another name', () => {
    const vault = new PassphraseFileVault(file, () => PASSPHRASE);
    vault.store('a', 'secret-a');
    vault.store('b', 'secret-b');
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    parsed.secrets.b = parsed.secrets.a;
    writeFileSync(file, JSON.stringify(parsed));
    expect(() => vault.read('file:b')).toThrow();
    expect(vault.read('file:a')).toBe('secret-a');
  });

  it('refuses a short passphrase for a new file', () => {
    expect(() => new PassphraseFileVault(file, () => 'short').store('a', 'x')).toThrow(
      /at least 8 characters/,
    );
  });
});
