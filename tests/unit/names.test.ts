// Display names: look-alike staff names are refused (compared on a confusable skeleton),
// ordinary Russian and English names pass unchanged.
import { describe, expect, it } from 'vitest';
import { NAME_MAX, cleanName, impersonatesStaff, nameSkeleton } from '../../shared/names.ts';
import { cleanName as fromProtocol } from '../../shared/protocol.ts';

describe('cleanName', () => {
  it('refuses staff names written with look-alike letters, spacing or punctuation', () => {
    const disguised = [
      'Модерaтор', // Latin a among Cyrillic letters
      'Ѕtaff', // Cyrillic Ѕ (U+0405)
      'S t a f f',
      's.t.a.f.f',
      's_t-a*f!f',
      'ｓｔａｆｆ', // fullwidth
      'ＳＴＡＦＦ',
      '𝐬𝐭𝐚𝐟𝐟', // mathematical bold
      'ѕтаff', // Cyrillic ѕ, т, а
      'Stäff', // an accent does not make another word
      'st\u200baff', // zero-width space
      'st\u00adaff', // soft hyphen
      'Adm1n',
      'adrnin', // rn reads as m
      'ΑDMIN', // Greek capital alpha
      'Оrganiser', // Cyrillic О
      'MMCO', // the Latin letters that spell «ММСО»
      'М М С О',
      'Оргкомитет ярмарки',
      'Администрaтор',
      'сотрудник стенда',
    ];
    for (const name of disguised) expect(cleanName(name), name).toBeNull();
  });

  it('refuses a reserved stem inside a longer word: "Mia Staffordshire" gets a guest name', () => {
    // Decided: spaces are dropped before comparing, so word boundaries cannot count; a false
    // refusal costs a visitor their chosen name, a false pass lets them pose as staff.
    expect(cleanName('Mia Staffordshire')).toBeNull();
    expect(cleanName('Staffan')).toBeNull();
    expect(cleanName('Administration')).toBeNull();
  });

  it('lets ordinary Russian and English names through unchanged', () => {
    const ordinary = [
      'Анна',
      'Борис',
      'Вера',
      'Ёжик',
      'Йоханнес',
      'Мария Иванова',
      'Наталья',
      'Дмитрий',
      'Ольга 2005',
      'Mia',
      'John Smith',
      'Sophie',
      'Admiral Nelson',
      'Madina',
      'Stanislav',
      'Taffy',
      'Анна 🐱',
    ];
    for (const name of ordinary) expect(cleanName(name), name).toBe(name);
  });

  it('trims, collapses spaces, drops invisible characters and cuts at NAME_MAX', () => {
    expect(cleanName('  Анна   Петрова  ')).toBe('Анна Петрова');
    expect(cleanName('Ан\u200dна\u202e')).toBe('Анна');
    expect(cleanName('\u200b \u2060')).toBeNull();
    expect(cleanName('я'.repeat(40))).toBe('я'.repeat(NAME_MAX));
    // A cut through an emoji does not leave half of it.
    const cut = cleanName('a'.repeat(NAME_MAX - 1) + '🐱');
    expect(cut).toBe('a'.repeat(NAME_MAX - 1));
  });

  it('is the same function through shared/protocol.ts', () => {
    expect(fromProtocol).toBe(cleanName);
  });
});

describe('nameSkeleton', () => {
  it('gives look-alikes one skeleton and keeps different names apart', () => {
    expect(nameSkeleton('Модерaтор')).toBe(nameSkeleton('модератор'));
    expect(nameSkeleton('Ѕtaff')).toBe(nameSkeleton('staff'));
    expect(nameSkeleton('ＳＴＡＦＦ')).toBe('staff');
    expect(nameSkeleton('Анна')).not.toBe(nameSkeleton('Анка'));
    expect(impersonatesStaff('Гость 1234')).toBe(false);
  });
});
