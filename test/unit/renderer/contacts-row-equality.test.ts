import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameContact, sameRowProps } from '../../../renderer/src/features/contacts/row-equality';
import type { Contact } from '../../../renderer/src/features/contacts/store';

const contacts = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  accountId: fc.integer({ min: 1, max: 5 }),
  phone: fc.string(),
  firstName: fc.string(),
  lastName: fc.string(),
  email: fc.string(),
  tags: fc.array(fc.string(), { maxLength: 4 }),
  pending: fc.boolean(),
  hasConflict: fc.boolean(),
});

/** The same contact as main sends it again: equal fields, new objects. */
const resent = (c: Contact): Contact => ({ ...c, tags: [...c.tags] });

/** One field of `c` changed to something else. */
const edits = contacts.chain((c) =>
  fc.constantFrom(...(Object.keys(c) as (keyof Contact)[])).chain((field) => {
    const value = c[field];
    const other =
      typeof value === 'number'
        ? fc.integer().filter((v) => v !== value)
        : typeof value === 'boolean'
          ? fc.constant(!value)
          : typeof value === 'string'
            ? fc.string().filter((v) => v !== value)
            : fc
                .array(fc.string(), { maxLength: 4 })
                .filter((v) => JSON.stringify(v) !== JSON.stringify(value));
    return other.map((v) => ({ before: c, after: { ...resent(c), [field]: v } as Contact }));
  }),
);

/** Which rows of a screen render again when its contacts are replaced by `next` (the list's memo). */
function rowsRendered(current: Contact[], next: Contact[]): number[] {
  const props = (c: Contact, index: number) => ({ contact: c, index, active: index === 0 });
  return next
    .map((c, i) => (sameRowProps(props(current[i] as Contact, i), props(c, i)) ? -1 : i))
    .filter((i) => i >= 0);
}

describe('when a contacts row renders again', () => {
  it('not for the same contact sent again as a new object', () => {
    fc.assert(
      fc.property(contacts, (c) => {
        expect(sameContact(c, resent(c))).toBe(true);
      }),
    );
  });

  it('whenever any field it has changed', () => {
    fc.assert(
      fc.property(edits, ({ before, after }) => {
        expect(sameContact(before, after)).toBe(false);
      }),
    );
  });

  it('when its page arrives, or it goes back to loading', () => {
    fc.assert(
      fc.property(contacts, (c) => {
        expect(sameContact(undefined, c)).toBe(false);
        expect(sameContact(c, undefined)).toBe(false);
        expect(sameContact(undefined, undefined)).toBe(true);
      }),
    );
  });

  it('after a refresh, only the row whose contact was edited renders', () => {
    fc.assert(
      fc.property(
        fc.array(contacts, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        edits,
        (screen, at, { after }) => {
          const i = at % screen.length;
          const refreshed = screen.map(resent);
          refreshed[i] = { ...after, id: (screen[i] as Contact).id };
          const edited = !sameContact(screen[i], refreshed[i]);
          expect(rowsRendered(screen, refreshed)).toEqual(edited ? [i] : []);
        },
      ),
    );
  });

  it('when its place, focus or selection changes, even with the same contact', () => {
    fc.assert(
      fc.property(contacts, fc.boolean(), (c, selected) => {
        const row = { contact: c, index: 3, active: false, selected };
        expect(sameRowProps(row, { ...row, contact: resent(c) })).toBe(true);
        expect(sameRowProps(row, { ...row, index: 4 })).toBe(false);
        expect(sameRowProps(row, { ...row, active: true })).toBe(false);
        expect(sameRowProps(row, { ...row, selected: !selected })).toBe(false);
      }),
    );
  });
});
