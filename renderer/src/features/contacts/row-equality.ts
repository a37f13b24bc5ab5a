/*
 * When a contacts row needs rendering again. Every answer from main is new
 * objects, even for contacts that did not change: a refresh after one edit,
 * a sync, or a new search whose first rows are the old one's gave every row
 * on screen a new object, and React's memo (which compares by identity)
 * rendered all of them again. A row compares what it shows instead.
 */
import type { Contact } from './store';

function sameField(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

/**
 * The same contact with the same fields, whichever fields a contact has (a
 * field added to the reply is compared too); a missing row is only the same
 * as another missing one.
 */
export function sameContact(a: Contact | undefined, b: Contact | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof Contact)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => sameField(a[k], b[k]));
}

/** A row renders again only when its contact's fields or another of its props (by identity) changed. */
export function sameRowProps<P extends { contact: Contact | undefined }>(
  before: Readonly<P>,
  after: Readonly<P>,
): boolean {
  if (!sameContact(before.contact, after.contact)) return false;
  const keys = Object.keys(after) as (keyof P)[];
  if (keys.length !== Object.keys(before).length) return false;
  return keys.every((k) => k === 'contact' || Object.is(before[k], after[k]));
}
