import type { Command } from 'commander';
import { output, withContext, withDatabase } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';
import { progressBar } from '../progress';
import { registerContactEdits } from './contact-edit';

// What each subcommand does is imported inside its action (electron/cli/README.md).
const repository = () => import('../../core/accounts/repository');
const sync = () => import('../../core/sync');

const REFUSALS = new Set([
  'BulkOptionError',
  'CsvFileError',
  'BookChoiceError',
  'ContactRuleError',
  'ImportChoiceError',
]);

/** A refusal of the file or of the choices is bad usage (exit 2), said in one sentence. */
async function usageOnRefusal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && REFUSALS.has(error.name)) throw new UsageError(error.message);
    throw error;
  }
}

export function registerContactsCommand(program: Command, globals: () => GlobalOptions): void {
  const contacts = program
    .command('contacts')
    .description('contact books, synced with the provider');

  contacts
    .command('sync')
    .description('push offline edits, then pull the provider’s contact books')
    .requiredOption('--account <name>', 'the account')
    .action((o: { account: string }) =>
      withContext(globals(), async ({ db, pool }) => {
        const [{ findAccountByName }, { syncContacts }] = await Promise.all([repository(), sync()]);
        const account = findAccountByName(db, o.account);
        const bar = progressBar('Pulling contacts');
        const report = await syncContacts(db, account.id, pool.get(account.id), (p) =>
          bar.update(p.contactsSoFar, p.total ?? null),
        );
        bar.done();
        if (report.push.stopped) throw new Error(report.push.stopped.message);
        const pull = report.pull;
        if (pull && !pull.supported) {
          throw new UsageError(
            `The ${account.provider} API offers no way to list contacts, so "${account.name}" cannot be synced`,
          );
        }
        output(
          globals(),
          report,
          `Pushed ${report.push.pushed} change(s)${report.push.conflicts ? `, ${report.push.conflicts} conflict(s)` : ''}; pulled ${pull?.contacts ?? 0} contacts in ${pull?.books ?? 0} books (${pull?.inserted ?? 0} new, ${pull?.updated ?? 0} changed, ${pull?.removed ?? 0} removed).`,
        );
      }),
    );

  contacts
    .command('list')
    .description('list contacts, or search them by name, phone digits or email')
    .option('--search <query>', 'what to look for')
    .option('--account <name>', 'only this account’s contacts')
    .option('--limit <n>', 'at most this many', '50')
    .action((o: { search?: string; account?: string; limit: string }) =>
      withDatabase(globals(), async ({ db }) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new UsageError(`--limit must be a positive whole number, not "${o.limit}"`);
        const [{ findAccountByName }, { listContacts, searchContacts }] = await Promise.all([
          repository(),
          sync(),
        ]);
        const accountId = o.account ? findAccountByName(db, o.account).id : undefined;
        const options = { limit, ...(accountId === undefined ? {} : { accountId }) };
        const found = o.search ? searchContacts(db, o.search, options) : listContacts(db, options);
        const human =
          found.length === 0
            ? 'No contacts found.'
            : found
                .map(
                  (c) =>
                    `${c.phone}\t${[c.firstName, c.lastName].filter(Boolean).join(' ')}\t${c.email}${c.pending ? '\t(not yet at the provider)' : ''}${c.hasConflict ? '\t(CONFLICT)' : ''}`,
                )
                .join('\n');
        output(globals(), found, human);
      }),
    );

  contacts
    .command('import')
    .description(
      'add the contacts of a CSV file as the app does (a re-import adds nothing); they reach the provider at the next `contacts sync`',
    )
    .requiredOption('--account <name>', 'the account the contacts belong to')
    .requiredOption(
      '--csv <file>',
      'the CSV file (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab)',
    )
    .option('--phone-column <column>', 'the column holding the numbers (name or 1-based number)')
    .option('--default-country <CC>', 'country for numbers written without a country code')
    .option(
      '--book <book>',
      `the contact book: a 360nrs group by name, existing or new (default "Imported by Outpost"), or an address-book account's book id or name (see \`account books\`)`,
    )
    .option('--tag <tag>', 'a tags account: the tag every imported contact gets')
    .option(
      '--no-add-existing',
      'leave contacts that already exist out of the book or tag (by default they join it)',
    )
    .action(
      (o: {
        account: string;
        csv: string;
        phoneColumn?: string;
        defaultCountry?: string;
        book?: string;
        tag?: string;
        addExisting: boolean;
      }) =>
        withDatabase(globals(), async ({ db }) => {
          const [{ findAccountByName }, { importContactsFile }, { importSummary }] =
            await Promise.all([
              repository(),
              import('../../core/contacts-import/import-file'),
              import('./contacts-import-summary'),
            ]);
          const account = findAccountByName(db, o.account);
          const done = await usageOnRefusal(() =>
            importContactsFile(db, account.id, o.csv, {
              addExisting: o.addExisting,
              ...(o.book !== undefined ? { book: o.book } : {}),
              ...(o.tag !== undefined ? { tag: o.tag } : {}),
              ...(o.phoneColumn ? { phoneColumn: o.phoneColumn } : {}),
              ...(o.defaultCountry ? { defaultCountry: o.defaultCountry.toUpperCase() } : {}),
            }),
          );
          const summary = importSummary(done);
          output(globals(), summary.json, summary.text);
        }),
    );

  registerContactEdits(contacts, globals);
}
