import type { Db } from '../core/db/connection';
import type { VaultService } from '../core/vault/vault-service';
import { sqliteAddonPath } from './sqlite-addon';

// Loaded inside the functions, so a command that never opens the profile pays nothing.

/**
 * Opens the profile as the app does (private folder, damage check, backup
 * before a migration), says any notice once on stderr, and makes the daily
 * backup when the newest is older than a day (after a full check of the file).
 */
export async function openCliDatabase(
  dataDir: string,
  options: { dailyBackup?: boolean; scan?: boolean } = {},
): Promise<Db> {
  const [{ openProfileDatabase }, { backupIfDue, isBackupDue }] = await Promise.all([
    import('../core/db/database'),
    import('../core/db/backups'),
  ]);
  const daily = options.dailyBackup !== false && isBackupDue(dataDir);
  // The whole-file check costs a read of the file: once a day, with the backup it protects.
  const nativeBinding = sqliteAddonPath();
  const { db, notices } = openProfileDatabase(dataDir, {
    scan: options.scan ?? daily,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  for (const notice of notices) process.stderr.write(`outpost: ${notice}\n`);
  try {
    if (daily) await backupIfDue(db, dataDir);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * The vault the app uses too (OS credential store, passphrase file, and
 * `env:` references). When the passphrase file is the store and no
 * OUTPOST_VAULT_PASSPHRASE is set, a terminal is asked for it.
 */
export async function openCliVault(dataDir: string): Promise<VaultService> {
  const [{ VaultService, PASSPHRASE_ENV }, { KeyringCredentialStore }] = await Promise.all([
    import('../core/vault/vault-service'),
    import('../core/vault/credential-store'),
  ]);
  const vault = new VaultService({ dataDir, credentials: new KeyringCredentialStore() });
  if (vault.needsPassphrase() && !process.env[PASSPHRASE_ENV] && process.stdin.isTTY) {
    const { promptPassphrase } = await import('./passphrase-prompt');
    vault.unlock(await promptPassphrase('Vault passphrase: '));
  }
  return vault;
}
