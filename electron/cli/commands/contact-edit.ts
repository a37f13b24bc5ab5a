import type { Command } from 'commander';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';

interface FieldOptions {
  phone?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  book?: string;
  field?: string[];
  defaultCountry?: string;
}

/**
 * `contacts add` and `contacts edit`: offline contact changes, checked against
 * the provider's rules now (address books, custom fields, tags) and sent at the
 * next `contacts sync`.
 */
export function registerContactEdits(contacts: Command, globals: () => GlobalOptions): void {
  const common = (c: Command) =>
    c
      .option('--first-name <text>', 'first name')
      .option('--last-name <text>', 'last name')
      .option('--email <address>', 'email')
      .option(
        '--field <NAME=VALUE...>',
        'a custom field (action API: mapped with `account fields`)',
      )
      .option('--default-country <CC>', 'country for a number written without a country code');

  common(
    contacts
      .command('add')
      .description('add a contact; it reaches the provider at the next `contacts sync`')
      .requiredOption('--account <name>', 'the account')
      .requiredOption('--phone <number>', 'the phone number')
      .option(
        '--book <book>',
        'address book: an id or name from `account books` (address-book API)',
      )
      .option('--tag <tag...>', 'tags (tags API)')
      .option('--opportunity', 'also open an opportunity (action API `Opportunitie`)'),
  ).action(
    async (
      o: FieldOptions & { account: string; phone: string; tag?: string[]; opportunity?: boolean },
    ) => {
      const { output, withContext } = await import('../context');
      const { findAccountByName } = await import('../../core/accounts/repository');
      const { createContactOffline } = await import('../../core/sync/contacts/edit');
      const phone = await phoneOf(o.phone, o.defaultCountry);
      await withContext(globals(), ({ db }) => {
        const account = findAccountByName(db, o.account);
        const id = asUsage(() =>
          createContactOffline(db, account.id, {
            phone,
            ...names(o),
            ...(o.field ? { customFields: fieldsOf(o.field) } : {}),
            ...(o.book ? { bookIds: [o.book], bookNames: [o.book] } : {}),
            ...(o.tag ? { tags: o.tag } : {}),
            ...(o.opportunity ? { opportunity: true } : {}),
          }),
        );
        output(
          globals(),
          { id, account: account.name, phone },
          `Added contact ${id}; run \`contacts sync\` to send it to the provider.`,
        );
      });
    },
  );

  common(
    contacts
      .command('edit')
      .description(
        'change a contact (offline too); it reaches the provider at the next `contacts sync`',
      )
      .requiredOption('--id <id>', 'the contact, as `contacts list --json` shows it')
      .option('--phone <number>', 'a new phone number')
      .option('--book <book>', 'move to this address book (address-book API)')
      .option('--add-tag <tag...>', 'tags to add (tags API)')
      .option('--remove-tag <tag...>', 'tags to remove (tags API)'),
  ).action(async (o: FieldOptions & { id: string; addTag?: string[]; removeTag?: string[] }) => {
    const { output, withContext } = await import('../context');
    const { editContact } = await import('../../core/sync/contacts/edit');
    const id = Number(o.id);
    if (!Number.isInteger(id) || id < 1)
      throw new UsageError(`--id must be a contact id, not "${o.id}"`);
    const phone = o.phone === undefined ? undefined : await phoneOf(o.phone, o.defaultCountry);
    await withContext(globals(), ({ db }) => {
      asUsage(() =>
        editContact(db, id, {
          ...(phone ? { phone } : {}),
          ...names(o),
          ...(o.field ? { customFields: fieldsOf(o.field) } : {}),
          ...(o.book ? { bookId: o.book } : {}),
          ...(o.addTag ? { addTags: o.addTag } : {}),
          ...(o.removeTag ? { removeTags: o.removeTag } : {}),
        }),
      );
      output(
        globals(),
        { id, pending: true },
        `Changed contact ${id}; run \`contacts sync\` to send it to the provider.`,
      );
    });
  });
}

function names(o: FieldOptions) {
  return {
    ...(o.firstName !== undefined ? { firstName: o.firstName } : {}),
    ...(o.lastName !== undefined ? { lastName: o.lastName } : {}),
    ...(o.email !== undefined ? { email: o.email } : {}),
  };
}

/** "--field a=b c=d" into { a: 'b', c: 'd' }. */
function fieldsOf(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((p) => {
      const at = p.indexOf('=');
      if (at <= 0) throw new TypeError(`--field takes NAME=VALUE pairs, not "${p}"`);
      return [p.slice(0, at).trim(), p.slice(at + 1)];
    }),
  );
}

async function phoneOf(input: string, defaultCountry?: string): Promise<string> {
  const { normalizePhone } = await import('../../../shared/phone');
  const phone = normalizePhone(
    input,
    defaultCountry ? { defaultCountry: defaultCountry.toUpperCase() } : {},
  );
  if (!phone.ok) throw new UsageError(`The number "${input}" is not usable: ${phone.message}`);
  return phone.provider;
}

/** The provider's rules and the book choice are the person's to fix: usage errors (exit 2). */
function asUsage<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'ContactRuleError' || name === 'BookChoiceError' || error instanceof TypeError) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
}
