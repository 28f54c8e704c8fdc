// Fictional regions and their capitals, so regional education bodies never impersonate
// a real ministry.

export interface Region {
  /** Genitive form used after the body's name: "Министерство образования Заокской области". */
  genitive: string;
  slug: string;
  city: string;
}

export const REGIONS: readonly Region[] = [
  { genitive: 'Заокской области', slug: 'zaokskaya', city: 'Заокск' },
  { genitive: 'Верхнекамского края', slug: 'verkhnekamskij', city: 'Верхнекамск' },
  { genitive: 'Северо-Уральской области', slug: 'severo-uralskaya', city: 'Североуральск' },
  { genitive: 'Приладожского края', slug: 'priladozhskij', city: 'Приладожск' },
  { genitive: 'Среднеенисейской области', slug: 'sredneenisejskaya', city: 'Среднеенисейск' },
  { genitive: 'Верхневолжской области', slug: 'verkhnevolzhskaya', city: 'Верхневолжск' },
  { genitive: 'Южно-Донского края', slug: 'yuzhno-donskoj', city: 'Южнодонск' },
  { genitive: 'Беломорской области', slug: 'belomorskaya', city: 'Новопоморск' },
  { genitive: 'Приокского края', slug: 'priokskij', city: 'Приокск' },
  { genitive: 'Западно-Сибирской области', slug: 'zapadno-sibirskaya', city: 'Новоилимск' },
  { genitive: 'Янтарного края', slug: 'yantarnyj', city: 'Янтарногорск' },
  { genitive: 'Предгорной области', slug: 'predgornaya', city: 'Предгорск' },
];
