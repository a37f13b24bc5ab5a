import type { Command } from 'commander';
import type { GlobalOptions } from '../io';

/**
 * `account fields`, `account books` and `account balance`: what an account must
 * remember about its provider, and what its money buys. Core modules are loaded
 * inside each action so `outpost --help` stays cheap.
 */
export function registerAccountSettings(account: Command, globals: () => GlobalOptions): void {
  account
    .command('fields')
    .description(
      'action API: which provider custom-field id each local field name maps to (the API keys Custom by id)',
    )
    .requiredOption('--name <name>', 'the account')
    .option('--set <LOCAL=PROVIDER_ID...>', 'map a local field to an id; LOCAL= removes it')
    .addHelpText(
      'after',
      '\nThe ids are on the provider dashboard (the API cannot list them). Example:\n  outpost account fields --name Shop --set city=1 birthday=2\nPrints the whole mapping; --json prints {"name":N,"fields":{"city":"1",...}}.',
    )
    .action(async (o: { name: string; set?: string[] }) => {
      const { output, withContext } = await import('../context');
      const { UsageError } = await import('../errors');
      const { findAccountByName } = await import('../../core/accounts/repository');
      const { CustomFieldMapError, getCustomFieldMap, updateCustomFieldMap } = await import(
        '../../core/accounts/custom-fields'
      );
      const changes = Object.fromEntries(
        (o.set ?? []).map((p) => splitPair(p, '--set', UsageError)),
      );
      await withContext(globals(), ({ db }) => {
        const found = findAccountByName(db, o.name);
        if (found.provider !== 'action') {
          throw new UsageError(
            `"${found.name}" is a ${found.provider} account; only the action API keys custom fields by provider id`,
          );
        }
        let fields: Record<string, string>;
        try {
          fields = o.set
            ? updateCustomFieldMap(db, found.id, changes)
            : getCustomFieldMap(db, found.id);
        } catch (error) {
          if (error instanceof CustomFieldMapError) throw new UsageError(error.message);
          throw error;
        }
        const rows = Object.entries(fields).map(([k, v]) => `${k}\t${v}`);
        output(
          globals(),
          { name: found.name, fields },
          rows.length === 0
            ? `"${found.name}" maps no custom fields yet: add one with --set NAME=ID.`
            : ['local field\tprovider id', ...rows].join('\n'),
        );
      });
    });

  account
    .command('books')
    .description(
      'address-book API: the address books (group_id and a name) contacts can go into; the API cannot list them',
    )
    .requiredOption('--name <name>', 'the account')
    .option('--add <ID=NAME...>', 'add (or rename) a book by its group_id')
    .option('--remove <ID...>', 'forget a book (contacts already in it stay there)')
    .addHelpText(
      'after',
      '\nExample: outpost account books --name Books --add 1="My address book" 2=Customers\n--json prints {"name":N,"books":[{"id":"1","name":"My address book"},...]}.',
    )
    .action(async (o: { name: string; add?: string[]; remove?: string[] }) => {
      const { output, withContext } = await import('../context');
      const { UsageError } = await import('../errors');
      const { findAccountByName } = await import('../../core/accounts/repository');
      const { BookChoiceError, getAccountBooks, updateAccountBooks } = await import(
        '../../core/accounts/books'
      );
      const add = (o.add ?? []).map((p) => {
        const [id, name] = splitPair(p, '--add', UsageError);
        return { id, name };
      });
      await withContext(globals(), ({ db }) => {
        const found = findAccountByName(db, o.name);
        if (found.provider !== 'addressbook') {
          throw new UsageError(
            `"${found.name}" is a ${found.provider} account; its books come from the provider (\`contacts sync\`)`,
          );
        }
        let books: { id: string; name: string }[];
        try {
          books =
            o.add || o.remove
              ? updateAccountBooks(db, found.id, { add, remove: o.remove ?? [] })
              : getAccountBooks(db, found.id);
        } catch (error) {
          if (error instanceof BookChoiceError) throw new UsageError(error.message);
          throw error;
        }
        output(
          globals(),
          { name: found.name, books },
          books.length === 0
            ? `"${found.name}" has no address books yet: add one with --add ID=NAME.`
            : ['id\tname', ...books.map((b) => `${b.id}\t${b.name}`)].join('\n'),
        );
      });
    });

  account
    .command('balance')
    .description('the account balance in money, and the price per SMS part for a country')
    .requiredOption('--name <name>', 'the account')
    .option('--country <CC>', 'also the price per part to this country (ISO code, e.g. ES)')
    .addHelpText(
      'after',
      '\n--json prints {"name","balance","currency"} and, with --country, "price":{"countryIso","countryName","currency","min","max","networks":[{"network","pricePerPart"}]}.',
    )
    .action(async (o: { name: string; country?: string }) => {
      const { output, withContext } = await import('../context');
      const { UsageError } = await import('../errors');
      const { findAccountByName } = await import('../../core/accounts/repository');
      const { accountBalance } = await import('../../core/accounts/balance');
      if (o.country !== undefined && !/^[A-Za-z]{2}$/.test(o.country)) {
        throw new UsageError(
          `--country needs a two-letter country code such as ES, not "${o.country}"`,
        );
      }
      await withContext(globals(), async ({ db, pool }) => {
        const found = findAccountByName(db, o.name);
        const report = await accountBalance(pool.get(found.id), found.name, o.country, {
          signal: AbortSignal.timeout(15_000),
        });
        const money = (n: number) =>
          `${n.toLocaleString('en', { maximumFractionDigits: 4 })} ${report.currency}`;
        const p = report.price;
        output(
          globals(),
          {
            name: found.name,
            balance: report.balance,
            currency: report.currency,
            ...(p ? { price: p } : {}),
          },
          [
            `Balance of "${found.name}": ${money(report.balance)}.`,
            ...(p
              ? [
                  `One SMS part to ${p.countryName} (${p.countryIso}) costs ${p.min === p.max ? money(p.min) : `${money(p.min)} to ${money(p.max)}`} by network; the balance pays for about ${Math.floor(report.balance / p.max).toLocaleString('en')} parts there.`,
                ]
              : []),
          ].join('\n'),
        );
      });
    });
}

/** "a=b" into [a, b] (b may contain "="); anything else is a usage error. */
function splitPair(
  pair: string,
  flag: string,
  UsageError: new (message: string) => Error,
): [string, string] {
  const at = pair.indexOf('=');
  if (at <= 0) throw new UsageError(`${flag} takes NAME=VALUE pairs, not "${pair}"`);
  return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
}
