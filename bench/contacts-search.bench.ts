/**
 * Contact search over 100,000 contacts (SQLite FTS5 for words, a trigram
 * index for phone digits): insert time, then p50/p95 of the queries people
 * type in the contacts screen; then the Contacts view's answer (`contacts.page`:
 * first 100 rows + exact count) per typed length, 1-6 characters, before
 * (lib/contact-page-before.ts) and after, in the same run.
 * Run: npx tsx bench/contacts-search.bench.ts
 */

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openAppDatabase } from '../electron/core/db/database';
import { writeTransaction } from '../electron/core/db/transaction';
import { contactPage, type PageQuery } from '../electron/core/sync/contacts/page';
import { searchContacts } from '../electron/core/sync/contacts/search';
import { tempDir } from '../test/helpers/temp-dir';
import { contactPageBefore } from './lib/contact-page-before';
import { machineLine, peakRssMiB, table, writeSection } from './lib/results';

const CONTACTS = 100_000;
const QUERIES_PER_KIND = 300;

const FIRST = [
  'Ana',
  'José',
  'María',
  'João',
  'Lucía',
  'Pedro',
  'Carmen',
  'Miguel',
  'Inês',
  'Pablo',
  'Sofía',
  'Rui',
  'Elena',
  'Tomás',
  'Beatriz',
  'Diego',
  'Marta',
  'Nuno',
  'Laura',
  'Hugo',
  'Clara',
  'Andrés',
  'Rita',
  'Javier',
  'Paula',
  'Sergio',
  'Teresa',
  'Álvaro',
  'Irene',
  'Gonçalo',
];
const LAST = [
  'García',
  'Silva',
  'Fernández',
  'Santos',
  'López',
  'Pereira',
  'Martínez',
  'Costa',
  'Sánchez',
  'Oliveira',
  'Romero',
  'Rodrigues',
  'Navarro',
  'Ferreira',
  'Torres',
  'Almeida',
  'Ruiz',
  'Sousa',
  'Díaz',
  'Carvalho',
  'Moreno',
  'Gomes',
  'Jiménez',
  'Lopes',
  'Muñoz',
  'Marques',
  'Álvarez',
  'Ribeiro',
];
const DOMAINS = ['gmail.com', 'outlook.es', 'sapo.pt', 'empresa.es', 'correo.example'];

/** Small deterministic generator (mulberry32), so every run searches the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const ascii = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

interface Person {
  phone: string;
  first: string;
  last: string;
  email: string;
}

function people(n: number, next: () => number): Person[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const phone = `${next() < 0.7 ? '346' : '3519'}${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
    return { phone, first, last, email: `${ascii(first)}.${ascii(last)}${i}@${pick(DOMAINS)}` };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const PAGE_QUERIES_PER_LENGTH = 12;

/**
 * What the Contacts view asks as each key is typed: the first 100 rows in
 * name order and the exact count. Letters are prefixes of "first last"
 * names, digits prefixes of numbers (with and without the '+' people type).
 * Before and after alternate query by query, so load hits both alike.
 */
function pageByLength(
  db: ReturnType<typeof openAppDatabase>,
  accountId: number,
  data: Person[],
  next: () => number,
): string {
  const pick = () => data[Math.floor(next() * data.length)] as Person;
  const rows: (string | number)[][] = [];
  const kinds: [string, (len: number) => string][] = [
    ['letters', (len) => `${ascii(pick().first)} ${ascii(pick().last)}`.slice(0, len).trim()],
    ['digits', (len) => pick().phone.slice(0, len)],
    ['"+" and digits', (len) => `+${pick().phone}`.slice(0, len + 1)],
    // Digits from inside the number ("6001"): their first one or two start no number here.
    ['digits from the middle', (len) => pick().phone.slice(3, 3 + len)],
  ];
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  for (const [kind, make] of kinds) {
    for (let len = 1; len <= 6; len++) {
      const before: number[] = [];
      const after: number[] = [];
      for (let i = 0; i < PAGE_QUERIES_PER_LENGTH; i++) {
        const q: PageQuery = {
          accountId,
          query: make(len),
          offset: 0,
          limit: 100,
          withTotal: true,
        };
        for (const [run, times] of [
          [contactPageBefore, before],
          [contactPage, after],
        ] as const) {
          const s = performance.now();
          run(db, q);
          times.push(performance.now() - s);
        }
      }
      before.sort((a, b) => a - b);
      after.sort((a, b) => a - b);
      const b50 = percentile(before, 50);
      const a50 = percentile(after, 50);
      rows.push([
        kind,
        len,
        b50.toFixed(2),
        (before.at(-1) as number).toFixed(2),
        a50.toFixed(2),
        (after.at(-1) as number).toFixed(2),
        `${(b50 / a50).toFixed(1)}×`,
      ]);
    }
  }
  return [
    `**contacts.page** (first 100 rows + exact count, name order) by typed length, ${PAGE_QUERIES_PER_LENGTH} queries each, before and after alternating; load average ${load} at the start.`,
    '',
    table(
      [
        'typed',
        'chars',
        'before p50 ms',
        'before max ms',
        'after p50 ms',
        'after max ms',
        'p50 ratio',
      ],
      rows,
    ),
  ].join('\n');
}

function main(): void {
  const dir = tempDir('outpost-bench-');
  const db = openAppDatabase(dir.path);
  try {
    const next = rng(20261122);
    const account = db
      .prepare(
        `INSERT INTO accounts (name, provider, base_url, secret_ref, created_at)
         VALUES ('Bench', 'nrs', 'http://127.0.0.1:1/nrs', 'env:X', 0) RETURNING id`,
      )
      .pluck()
      .get() as number;
    const data = people(CONTACTS, next);
    const insert = db.prepare(
      `INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name, email) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const t0 = performance.now();
    writeTransaction(db, () => {
      data.forEach((p, i) => {
        insert.run(account, String(i + 1), p.phone, p.first, p.last, p.email);
      });
    });
    const insertMs = performance.now() - t0;

    const pick = () => data[Math.floor(next() * data.length)] as Person;
    const kinds: [string, () => string][] = [
      ['name prefix ("mar")', () => ascii(pick().first).slice(0, 2 + Math.floor(next() * 3))],
      [
        'first + last prefix ("ana garc")',
        () => {
          const p = pick();
          return `${p.first} ${ascii(p.last).slice(0, 3)}`;
        },
      ],
      [
        'phone digits, 4-6 ("55544")',
        () => {
          const p = pick().phone;
          const len = 4 + Math.floor(next() * 3);
          const at = Math.floor(next() * (p.length - len));
          return p.slice(at, at + len);
        },
      ],
      [
        'phone typed with spaces ("+34 612 34")',
        () => {
          const p = pick().phone;
          return `+${p.slice(0, 2)} ${p.slice(2, 5)} ${p.slice(5, 7)}`;
        },
      ],
      ['email part ("pereira12")', () => pick().email.split(/[.@]/)[1] ?? 'x'],
      ['email domain ("sapo.pt")', () => pick().email.split('@')[1] ?? 'x'],
      ['one letter ("a")', () => ascii(pick().first).slice(0, 1)],
      // The recipients field as the first digits of a number are typed: with
      // its country code they start many numbers; as dialled at home ("6",
      // "61") they start none here (numbers are stored with the code).
      [
        'phone, 1-2 digits with the code ("34")',
        () => pick().phone.slice(0, 1 + Math.floor(next() * 2)),
      ],
      ['phone, 1-2 national digits ("6")', () => pick().phone.slice(2, 3 + Math.floor(next() * 2))],
    ];

    const rows: (string | number)[][] = [];
    for (const [label, make] of kinds) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < QUERIES_PER_KIND; i++) {
        const q = make();
        const s = performance.now();
        hits += searchContacts(db, q, { accountId: account, limit: 50 }).length;
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      rows.push([
        label,
        QUERIES_PER_KIND,
        percentile(times, 50).toFixed(2),
        percentile(times, 95).toFixed(2),
        (times.at(-1) as number).toFixed(2),
        (hits / QUERIES_PER_KIND).toFixed(1),
      ]);
    }
    const lengths = pageByLength(db, account, data, next);
    const results = table(
      ['query kind', 'queries', 'p50 ms', 'p95 ms', 'max ms', 'avg hits (limit 50)'],
      rows,
    );
    const summary = [
      `Inserted ${CONTACTS.toLocaleString('en')} contacts in one transaction (FTS5 + trigram triggers): ${Math.round(insertMs)} ms (${Math.round(CONTACTS / (insertMs / 1000)).toLocaleString('en')} contacts/s).`,
      `Peak RSS ${peakRssMiB()} MiB. Each query returns at most 50 rows with tags and pending flags, as the contacts screen asks.`,
    ].join('\n\n');
    console.log(machineLine());
    console.log(summary);
    console.log(results);
    console.log(lengths);
    writeSection(
      'contacts-search',
      'Contact search (SQLite FTS5, 100,000 contacts)',
      `${summary}\n\n${results}\n\n${lengths}`,
    );
  } finally {
    db.close();
    dir.remove();
  }
}

main();
