import { Argument, type Command } from 'commander';
import { output } from '../context';
import type { GlobalOptions } from '../io';
import { VAULT_CHOICES } from '../secret-ref';

export function registerVaultCommand(program: Command, globals: () => GlobalOptions): void {
  const vault = program
    .command('vault')
    .description(
      'where account secrets are kept: the OS credential store or a passphrase file, shared with the app',
    );

  vault
    .command('status')
    .description('which store is in use, and whether a choice or the passphrase is needed')
    .action(async () => {
      const { openCliVault } = await import('../profile');
      const status = (await openCliVault(globals().dataDir)).status();
      output(globals(), status, status.sentence);
    });

  vault
    .command('use')
    .description(
      'choose where new secrets go (passphrase-file: OUTPOST_VAULT_PASSPHRASE or a terminal prompt)',
    )
    .addArgument(new Argument('<store>').choices(VAULT_CHOICES))
    .action(async (store: (typeof VAULT_CHOICES)[number]) => {
      const { openCliVault } = await import('../profile');
      const opened = await openCliVault(globals().dataDir);
      if (store === 'passphrase-file' && !opened.hasPassphrase() && process.stdin.isTTY) {
        const { promptPassphrase } = await import('../passphrase-prompt');
        opened.unlock(await promptPassphrase('Vault passphrase: '));
      }
      const status = opened.choose(store);
      output(globals(), status, status.sentence);
    });
}
