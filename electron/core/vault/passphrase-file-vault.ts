import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretVault } from './vault';

export const FILE_PREFIX = 'file:';
export const FILE_FORMAT = 'outpost-vault-1';
/** A passphrase shorter than this is refused when the file is first made. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** scrypt cost: 2^15 × 8 × 128 B = 32 MiB and about 0.1 s here, once per process. */
const KDF = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
/** A known plaintext sealed with the key, so a wrong passphrase is told apart from a damaged entry. */
const CHECK_NAME = '__check__';

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

interface VaultFile {
  format: typeof FILE_FORMAT;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  check: Sealed;
  secrets: Record<string, Sealed>;
}

export class WrongPassphraseError extends Error {
  constructor(file: string) {
    super(`The passphrase does not open the vault file ${file}.`);
    this.name = 'WrongPassphraseError';
  }
}

function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new Error(`The vault passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

function seal(key: Buffer, name: string, plain: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The entry's name is authenticated too, so entries cannot be swapped in the file.
  cipher.setAAD(Buffer.from(name));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function open(key: Buffer, name: string, sealed: Sealed): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(name));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([
    decipher.update(Buffer.from(sealed.data, 'base64')),
    decipher.final(),
  ]).toString('utf8');
}

/**
 * The fallback where no OS credential store answers: secrets encrypted with
 * AES-256-GCM under a key derived from the person's passphrase with scrypt,
 * in one owner-only file. Never plain text: without the passphrase nothing
 * in the file can be read or changed unnoticed.
 */
export class PassphraseFileVault implements SecretVault {
  private derived: { salt: string; passphrase: string; key: Buffer } | undefined;

  constructor(
    readonly file: string,
    private readonly passphrase: () => string | undefined,
  ) {}

  private load(): VaultFile | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    const parsed = JSON.parse(text) as VaultFile;
    if (parsed.format !== FILE_FORMAT)
      throw new Error(`${this.file} is not an Outpost vault file.`);
    return parsed;
  }

  private keyFor(vault: VaultFile, passphrase: string): Buffer {
    const { salt, N, r, p } = vault.kdf;
    if (this.derived?.salt !== salt || this.derived.passphrase !== passphrase) {
      const key = scryptSync(passphrase, Buffer.from(salt, 'base64'), 32, { ...KDF, N, r, p });
      this.derived = { salt, passphrase, key };
    }
    return this.derived.key;
  }

  /** The key of the file, checked against its sealed known value. */
  private unlock(vault: VaultFile, passphrase: string): Buffer {
    const key = this.keyFor(vault, passphrase);
    try {
      open(key, CHECK_NAME, vault.check);
    } catch {
      throw new WrongPassphraseError(this.file);
    }
    return key;
  }

  private create(passphrase: string): VaultFile {
    checkNewPassphrase(passphrase);
    const salt = randomBytes(16).toString('base64');
    const kdf = { name: 'scrypt' as const, N: KDF.N, r: KDF.r, p: KDF.p, salt };
    const draft: VaultFile = {
      format: FILE_FORMAT,
      kdf,
      check: { iv: '', tag: '', data: '' },
      secrets: {},
    };
    return { ...draft, check: seal(this.keyFor(draft, passphrase), CHECK_NAME, FILE_FORMAT) };
  }

  /** Throws WrongPassphraseError when `passphrase` does not open an existing file. */
  verify(passphrase: string): void {
    const vault = this.load();
    if (vault) this.unlock(vault, passphrase);
    else checkNewPassphrase(passphrase);
  }

  read(ref: string): string | undefined {
    if (!ref.startsWith(FILE_PREFIX)) return undefined;
    const passphrase = this.passphrase();
    const vault = this.load();
    if (!passphrase || !vault) return undefined;
    const name = ref.slice(FILE_PREFIX.length);
    const sealed = vault.secrets[name];
    if (!sealed) return undefined;
    return open(this.unlock(vault, passphrase), name, sealed);
  }

  store(key: string, secret: string): string {
    const passphrase = this.passphrase();
    if (!passphrase) {
      throw new Error('The vault file needs its passphrase: set OUTPOST_VAULT_PASSPHRASE.');
    }
    const vault = this.load() ?? this.create(passphrase);
    vault.secrets[key] = seal(this.unlock(vault, passphrase), key, secret);
    // Written whole to a temporary file and renamed, so a crash never leaves half a vault.
    const partial = `${this.file}.partial`;
    writeFileSync(partial, JSON.stringify(vault), { mode: 0o600 });
    renameSync(partial, this.file);
    return `${FILE_PREFIX}${key}`;
  }
}
