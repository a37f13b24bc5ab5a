import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_SIZE } from '../../../renderer/src/features/contacts/page-window';
import { type Contact, rowAt, useContacts } from '../../../renderer/src/features/contacts/store';
import type { RequestOf } from '../../../shared/ipc/contract';

type PageRequest = RequestOf<'contacts.page'>;
interface PageReply {
  offset: number;
  total: number | null;
  contacts: Contact[];
}

/** A contact whose name says which query and row it answers. */
const contact = (query: string, index: number): Contact => ({
  id: index + 1,
  accountId: 1,
  phone: `3460000${index}`,
  firstName: query || 'all',
  lastName: String(index),
  email: '',
  tags: [],
  pending: false,
  hasConflict: false,
});

/** A main process whose every `contacts.page` answer the test releases by hand, in any order. */
function fakeMain(totalOf: (query: string) => number) {
  const waiting: { request: PageRequest; answer: () => void }[] = [];
  const page = (request: PageRequest) =>
    new Promise<PageReply>((resolve) => {
      const query = request.query ?? '';
      const total = totalOf(query);
      const rows = Math.max(0, Math.min(request.limit ?? 0, total - request.offset));
      waiting.push({
        request,
        answer: () =>
          resolve({
            offset: request.offset,
            total: request.withTotal ? total : null,
            contacts: Array.from({ length: rows }, (_, i) => contact(query, request.offset + i)),
          }),
      });
    });
  const api = {
    contacts: {
      page,
      groups: async () => ({ books: [], tags: [] }),
      abilities: async () => ({}),
    },
  };
  /** Answers the first waiting call that matches, then lets the store's awaits run. */
  const answer = async (match: (r: PageRequest) => boolean) => {
    const i = waiting.findIndex((w) => match(w.request));
    if (i < 0) throw new Error('No such call is waiting.');
    const [call] = waiting.splice(i, 1);
    call?.answer();
    for (let k = 0; k < 5; k++) await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { api, waiting, answer };
}

const firstName = () => rowAt(useContacts.getState().pages, 0)?.firstName;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the contacts list store', () => {
  let main: ReturnType<typeof fakeMain>;
  beforeEach(async () => {
    main = fakeMain((q) => (q === '' ? 100_000 : q.length * 1_000));
    vi.stubGlobal('window', { outpost: main.api });
    useContacts.setState({ accountId: null, query: '', pages: {}, total: 0, loaded: false });
    useContacts.getState().setAccount(1);
    await settle();
    while (main.waiting.length > 0) await main.answer(() => true);
  });
  afterEach(async () => {
    // Nothing left hanging for the next test (the store is one for the whole file).
    while (main.waiting.length > 0) await main.answer(() => true);
    vi.unstubAllGlobals();
  });

  it('never lets an older query’s late answer replace a newer one', async () => {
    const { setQuery } = useContacts.getState();
    setQuery('m');
    await settle();
    setQuery('ma');
    setQuery('mar');
    const seen: (string | undefined)[] = [];
    const stop = useContacts.subscribe(() => seen.push(firstName()));
    await settle();
    // The answer to "m" arrives after the person typed on, then everything else in turn.
    await main.answer((r) => r.query === 'm');
    while (main.waiting.length > 0) await main.answer(() => true);
    stop();
    expect(useContacts.getState().total).toBe(3_000);
    expect(firstName()).toBe('mar');
    // Until "mar" was answered the list kept the result it had; "m" never showed.
    expect(seen.filter((f) => f !== 'all' && f !== 'mar')).toEqual([]);
    const { pages } = useContacts.getState();
    for (const rows of Object.values(pages))
      for (const row of rows) expect(row.firstName).toBe('mar');
  });

  it('shows the count and the first rows together, without waiting for the next page', async () => {
    const seen: { total: number; first: string | undefined }[] = [];
    const stop = useContacts.subscribe((s) =>
      seen.push({ total: s.total, first: rowAt(s.pages, 0)?.firstName }),
    );
    useContacts.getState().setQuery('lu');
    await settle();
    await main.answer((r) => r.query === 'lu' && r.withTotal === true);
    stop();
    // The first page alone is enough to show the result: the page after it is still unanswered.
    expect(
      main.waiting.some((w) => w.request.query === 'lu' && w.request.offset === PAGE_SIZE),
    ).toBe(true);
    expect(useContacts.getState().total).toBe(2_000);
    expect(firstName()).toBe('lu');
    // No moment showed the new count beside the old rows (or the other way round).
    for (const s of seen) expect(s.total === 2_000).toBe(s.first === 'lu');
  });

  it('asks for the page after the first only once the frame showing the result is drawn', async () => {
    const nextAsked = () =>
      main.waiting.some((w) => w.request.query === 'lu' && w.request.offset === PAGE_SIZE);
    const askedWhenShown: boolean[] = [];
    // React renders a store update in a microtask after it, still in the answer's task.
    const stop = useContacts.subscribe((s) => {
      if (s.total === 2_000) queueMicrotask(() => askedWhenShown.push(nextAsked()));
    });
    useContacts.getState().setQuery('lu');
    await settle();
    await main.answer((r) => r.query === 'lu' && r.withTotal === true);
    stop();
    // Sending it is work in the answer's task: it came before the rows were drawn.
    expect(askedWhenShown).toEqual([false]);
    expect(nextAsked()).toBe(true);
  });

  it('keeps a selection cleared by a new search, and an empty one untouched while typing', async () => {
    const { setQuery, setSelected } = useContacts.getState();
    setSelected([1, 2]);
    setQuery('a');
    expect(useContacts.getState().selected.size).toBe(0);
    // With nothing selected, a key typed changes nothing the bulk bar (and the view) shows.
    const empty = useContacts.getState().selected;
    const changed: string[] = [];
    const stop = useContacts.subscribe((s, before) => {
      for (const key of ['selected', 'total', 'allCount', 'loaded'] as const)
        if (s[key] !== before[key]) changed.push(key);
    });
    setQuery('ab');
    await settle();
    stop();
    expect(changed).toEqual([]);
    expect(useContacts.getState().selected).toBe(empty);
  });

  it('asks for the rows a scrolling list is heading to a page before the window needs them', async () => {
    const asked = () => main.waiting.map((w) => w.request.offset / PAGE_SIZE).sort((a, b) => a - b);
    const { showRange } = useContacts.getState();
    // Down from the top to rows 1,000..1,020 (page 10): pages 9 to 11 around it, and 12 ahead.
    showRange(1_000, 1_020);
    expect(asked()).toEqual([9, 10, 11, 12]);
    while (main.waiting.length > 0) await main.answer(() => true);
    // Back up to rows 700..720 (page 7): pages 6 to 8 around it, and 5 ahead, above.
    showRange(700, 720);
    expect(asked()).toEqual([5, 6, 7, 8]);
  });

  it('counts a new result when it lands, not a page of it', async () => {
    const before = useContacts.getState().resultId;
    useContacts.getState().setQuery('pe');
    await settle();
    expect(useContacts.getState().resultId).toBe(before);
    await main.answer((r) => r.query === 'pe' && r.withTotal === true);
    expect(useContacts.getState().resultId).toBe(before + 1);
    await main.answer((r) => r.query === 'pe');
    expect(useContacts.getState().resultId).toBe(before + 1);
  });
});
