// Plausible contact details: example.ru sites and mailboxes (reserved for examples),
// phones with the city's real area code, addresses on common street names.
import type { Contacts } from '../../shared/exhibitor.ts';
import { int, pick, weighted, type Rng } from './random.ts';

interface City {
  name: string;
  /** Three-digit area code, so every phone reads "+7 (ddd) ddd-dd-dd". */
  code: string;
}

const CITIES: readonly (readonly [City, number])[] = [
  [{ name: 'Москва', code: '495' }, 10],
  [{ name: 'Москва', code: '499' }, 4],
  [{ name: 'Санкт-Петербург', code: '812' }, 5],
  [{ name: 'Казань', code: '843' }, 2],
  [{ name: 'Екатеринбург', code: '343' }, 2],
  [{ name: 'Новосибирск', code: '383' }, 2],
  [{ name: 'Нижний Новгород', code: '831' }, 2],
  [{ name: 'Самара', code: '846' }, 1],
  [{ name: 'Краснодар', code: '861' }, 1],
  [{ name: 'Ростов-на-Дону', code: '863' }, 1],
  [{ name: 'Пермь', code: '342' }, 1],
  [{ name: 'Воронеж', code: '473' }, 1],
  [{ name: 'Уфа', code: '347' }, 1],
  [{ name: 'Челябинск', code: '351' }, 1],
  [{ name: 'Томск', code: '382' }, 1],
  [{ name: 'Красноярск', code: '391' }, 1],
];

const STREETS = [
  'ул. Садовая', 'ул. Советская', 'проспект Мира', 'ул. Пушкина', 'ул. Гагарина', 'ул. Школьная',
  'ул. Профсоюзная', 'ул. Лесная', 'ул. Студенческая', 'ул. Набережная', 'Ленинградский проспект',
  'ул. Новаторов', 'ул. Академическая', 'ул. Строителей', 'проспект Победы', 'ул. Учительская',
  'ул. Университетская', 'ул. Центральная', 'пер. Библиотечный', 'ул. Молодёжная',
];

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(rng, 0, 9));
  return s;
}

function phone(rng: Rng, code: string): string {
  return `+7 (${code}) ${int(rng, 2, 9)}${digits(rng, 2)}-${digits(rng, 2)}-${digits(rng, 2)}`;
}

function address(rng: Rng, city: string): string {
  const office = rng() < 0.4 ? `, офис ${int(rng, 101, 540)}` : '';
  return `г. ${city}, ${pick(rng, STREETS)}, д. ${int(rng, 1, 120)}${office}`;
}

/** Contacts and head-office city; `fixedCity` is used by regional bodies with a capital of their own. */
export function makeContacts(rng: Rng, id: string, fixedCity?: string): { contacts: Contacts; city: string } {
  const city = fixedCity ? { name: fixedCity, code: `8${digits(rng, 2)}` } : weighted(rng, CITIES);
  return {
    city: city.name,
    contacts: {
      site: `https://${id}.example.ru`,
      email: `info@${id}.example.ru`,
      phone: phone(rng, city.code),
      address: address(rng, city.name),
    },
  };
}
