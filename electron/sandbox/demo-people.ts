import type { Rng } from './prng';

/** A made-up person the demo data of every API is built from. */
export interface DemoPerson {
  firstName: string;
  lastName: string;
  /** International digits without '+', e.g. 34612345678. */
  phone: string;
  countryIso: 'ES' | 'PT' | 'GB';
  email: string;
  city: string;
  company: string;
  /** 0, 1 or 2: which of the three groups / books the person is in. */
  group: number;
  tags: string[];
  color: string;
  points: number;
  birthday: string;
}

const FIRST = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elena',
  'Fábio',
  'Gloria',
  'Hugo',
  'Inês',
  'Javier',
  'Lucía',
  'Marco',
  'Nuria',
  'Óscar',
  'Paula',
  'Rui',
  'Sara',
  'Tomás',
  'Úrsula',
  'Vera',
  'Amy',
  'Ben',
  'Chloe',
  'Dan',
];
const LAST = [
  'García',
  'Silva',
  'Martínez',
  'Santos',
  'López',
  'Ferreira',
  'Sánchez',
  'Pereira',
  'Romero',
  'Costa',
  'Navarro',
  'Oliveira',
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
];
const CITIES = {
  ES: ['Madrid', 'Valencia', 'Sevilla', 'Bilbao'],
  PT: ['Lisboa', 'Porto', 'Braga'],
  GB: ['London', 'Leeds'],
};
const COMPANIES = ['Acme SL', 'Bravo Lda', 'Cosmos Ltd', 'Delta SA', 'Eco Foods'];
const TAGS = ['customer', 'lead', 'vip', 'newsletter', 'event-2026'];
const COLORS = ['green', 'blue', 'red', 'yellow'];

/** `count` people, the same for the same seed; phone numbers are unique. */
export function demoPeople(rng: Rng, count: number): DemoPerson[] {
  const people: DemoPerson[] = [];
  const phones = new Set<string>();
  while (people.length < count) {
    const roll = rng.next();
    const countryIso = roll < 0.7 ? 'ES' : roll < 0.9 ? 'PT' : 'GB';
    const phone =
      countryIso === 'ES'
        ? `346${rng.int(10_000_000, 99_999_999)}`
        : countryIso === 'PT'
          ? `3519${rng.int(10_000_000, 99_999_999)}`
          : `447${rng.int(100_000_000, 999_999_999)}`;
    if (phones.has(phone)) continue;
    phones.add(phone);
    const firstName = rng.pick(FIRST);
    const lastName = rng.pick(LAST);
    const ascii = `${firstName}.${lastName}`
      .normalize('NFD')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase();
    people.push({
      firstName,
      lastName,
      phone,
      countryIso,
      email: `${ascii}${people.length}@example.com`,
      city: rng.pick(CITIES[countryIso]),
      company: rng.pick(COMPANIES),
      group: people.length % 3,
      tags: TAGS.filter(() => rng.next() < 0.3),
      color: rng.pick(COLORS),
      points: rng.int(0, 500_000) / 100,
      birthday: `19${rng.int(50, 99)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    });
  }
  return people;
}
