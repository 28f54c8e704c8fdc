// Fictional but plausible names of Russian education-market exhibitors, built from word
// lists per category. Lists hold complete stems (brand names, agreeing adjective + noun
// pairs) so combinations never come out ungrammatical; no real brand is on them.
import type { CategoryId } from '../../shared/categories.ts';
import { agree, type Gender } from './grammar.ts';
import { pick, shuffle, type Rng } from './random.ts';
import { slugify } from './translit.ts';
import { REGIONS } from './regions.ts';

export interface NameEntry {
  name: string;
  /** Basis of the id and the example.ru site. */
  slug: string;
  /** One or two capital letters for the logo. */
  initials: string;
  /** Head-office city when the name implies one (regional bodies). */
  city?: string;
}

function initialsOf(text: string): string {
  const words = text
    .replace(/[«»"]/g, '')
    .split(/[\s-]+/)
    .filter((w) => /^[А-ЯЁа-яё]/.test(w));
  const letters = words.slice(0, 2).map((w) => w.charAt(0).toUpperCase());
  return letters.join('') || 'О';
}

/** "<prefix> «<brand>»", one brand per exhibitor. */
function branded(rng: Rng, prefixes: readonly string[], brands: readonly string[]): NameEntry[] {
  return shuffle(rng, brands).map((brand) => {
    const prefix = pick(rng, prefixes);
    return {
      name: prefix ? `${prefix} «${brand}»` : `«${brand}»`,
      slug: slugify(brand),
      initials: initialsOf(brand),
    };
  });
}

const PRESCHOOL_PREFIXES = [
  'Сеть детских садов', 'Частный детский сад', 'Центр раннего развития', 'Монтессори-сад',
  'Детский клуб', 'Билингвальный детский сад', 'Семейный детский сад', 'Сеть развивающих центров',
];
const PRESCHOOL_BRANDS = [
  'Радуга детства', 'Теремок-Плюс', 'Академия малышей', 'Солнечный круг', 'Капитошка',
  'Маленькая страна', 'Светлячок', 'Звёздочка', 'Почемучка', 'Лесная сказка', 'Город детства',
  'Кораблик', 'Семицветик', 'Мир открытий', 'Гномики', 'Ладушки', 'Совёнок', 'Первые шаги',
  'Забавушка', 'Колокольчик', 'Непоседы', 'Подсолнух', 'Весёлый паровозик', 'Знайка',
  'Детская гавань', 'Бусинки', 'Островок детства', 'Тёплый дом', 'Сказочный лес', 'Янтарик',
  'Жирафик', 'Вишенка', 'Мозаика детства', 'Ромашковое поле',
];

const SCHOOL_PREFIXES = [
  'Частная школа', 'Гимназия', 'Лицей', 'Международная школа', 'Школа полного дня',
  'Семейная школа', 'Центр олимпиадной подготовки', 'Образовательный центр', 'Инженерная школа',
  'Комбинат школьного питания', 'Фабрика школьной формы', 'Центр профориентации',
];
const SCHOOL_BRANDS = [
  'Эрудит', 'Ломоносовский дом', 'Вектор', 'Горизонт', 'Максимум', 'Перспектива', 'Кругозор',
  'Интеллект', 'Альма-Матер', 'Пятый элемент', 'Основа', 'Траектория', 'Созвездие',
  'Новая школа', 'Путь к знаниям', 'Ступени роста', 'Азимут', 'Гармония', 'Логос', 'Квадрат',
  'Открытие', 'Маяк', 'Призма', 'Дом знаний', 'Исток', 'Классика', 'Лидер', 'Меридиан',
  'Полярная звезда', 'Пифагор', 'Архимед', 'Парус', 'Ключ', 'Ковчег', 'Созидание', 'Росток',
  'Родник', 'Кристалл', 'Дельта', 'Омега', 'Атлант', 'Белая ладья', 'Сократ', 'Орбита',
  'Зелёная школа', 'Сотрудничество', 'Наследие', 'Синяя птица',
];

const ADDITIONAL_PREFIXES = [
  'Школа робототехники', 'Детская школа программирования', 'Шахматная школа',
  'Художественная студия', 'Детский технопарк', 'Языковой центр', 'Музыкальная школа',
  'Театральная студия', 'Научный клуб', 'Загородный лагерь', 'Школа юных инженеров',
  'Центр детского творчества',
];
const ADDITIONAL_BRANDS = [
  'РобоКвант', 'Битик', 'Гамбит', 'Палитра', 'Инженерия', 'Полиглот', 'Камертон', 'Маска',
  'Эврика', 'Сосновый бор', 'Юный конструктор', 'Шестерёнка', 'Лингвастарт', 'Нотка',
  'Кулисы', 'Галактика', 'Мастерская идей', 'Техноград', 'Пиксель', 'Байт', 'Ферзь',
  'Акварель', 'Скрипичный ключ', 'Арлекин', 'Лаборатория чудес', 'Берёзовая роща',
  'Изобретатель', 'Бумеранг', 'Спектр', 'Лингва-Мир', 'Эксперимент', 'Кубик', 'Мелодия',
  'Дебют', 'Радиус', 'Звёздный десант', 'Чемпион',
];

const EDTECH_PREFIXES = ['', '', 'Онлайн-школа', 'Студия онлайн-курсов', 'EdTech-компания', 'Сервис', 'Лаборатория'];
const EDTECH_ADJECTIVES = [
  'Умный', 'Цифровой', 'Открытый', 'Живой', 'Ясный', 'Облачный', 'Точный', 'Весёлый',
  'Добрый', 'Лёгкий', 'Быстрый', 'Новый', 'Большой', 'Главный',
];
const EDTECH_NOUNS: readonly [string, Gender][] = [
  ['класс', 'm'], ['урок', 'm'], ['задачник', 'm'], ['тренажёр', 'm'], ['учебник', 'm'],
  ['репетитор', 'm'], ['школа', 'f'], ['математика', 'f'], ['перемена', 'f'], ['физика', 'f'],
  ['грамматика', 'f'], ['слово', 'n'], ['решение', 'n'], ['чтение', 'n'],
];
const EDTECH_PHRASES = [
  'Лаборатория знаний', 'Мастерская урока', 'Фабрика задач', 'Академия навыков',
  'Территория знаний', 'Планета уроков', 'Остров знаний', 'Формула успеха', 'Кухня науки',
  'Мир формул', 'Город профессий', 'Карта знаний',
];

function edtechBrands(rng: Rng): string[] {
  const pairs: string[] = [];
  for (const adj of EDTECH_ADJECTIVES) {
    for (const [noun, gender] of EDTECH_NOUNS) pairs.push(`${agree(adj, gender)} ${noun}`);
  }
  // One adjective and one noun at most twice, so the list does not read as a pattern.
  const adjUse = new Map<string, number>();
  const nounUse = new Map<string, number>();
  const chosen: string[] = [...EDTECH_PHRASES];
  for (const pair of shuffle(rng, pairs)) {
    const [a = '', n = ''] = pair.split(' ');
    const stem = a.slice(0, -2);
    if ((adjUse.get(stem) ?? 0) >= 2 || (nounUse.get(n) ?? 0) >= 2) continue;
    adjUse.set(stem, (adjUse.get(stem) ?? 0) + 1);
    nounUse.set(n, (nounUse.get(n) ?? 0) + 1);
    chosen.push(pair);
  }
  return chosen;
}

const PLATFORM_PREFIXES = [
  'Образовательная платформа', 'Электронный журнал', 'Система дистанционного обучения',
  'LMS', 'Облачный сервис', 'Конструктор онлайн-курсов', 'Платформа видеоуроков',
  'Цифровая библиотека', 'Платформа олимпиад',
];
const PLATFORM_HEADS = ['Эду', 'Учи', 'Знай', 'Класс', 'Урок', 'Ум', 'Путь', 'Ключ', 'Шаг', 'Книго'];
const PLATFORM_TAILS = ['Сфера', 'Мост', 'Бук', 'Лайн', 'Хаб', 'Стрим', 'Тек', 'Граф', 'Поток', 'Точка'];

function platformBrands(rng: Rng): string[] {
  const heads = shuffle(rng, PLATFORM_HEADS);
  const tails = shuffle(rng, PLATFORM_TAILS);
  const out: string[] = [];
  // A Latin-square walk: every head and every tail is used equally often.
  for (let shift = 0; shift < tails.length; shift++) {
    heads.forEach((head, i) => out.push(head + (tails[(i + shift) % tails.length] ?? '')));
  }
  return out;
}

const EQUIPMENT_PREFIXES = [
  'ГК', 'Завод учебного оборудования', 'Школьная мебель', 'Торговый дом', 'Компания',
  'Производитель интерактивного оборудования', 'Лабораторные комплексы', 'Оснащение кабинетов',
];
const EQUIPMENT_BRANDS = [
  'Учебная техника', 'Лабтех', 'Класс-Оснащение', 'Эргошкола', 'Техноуч', 'Школьный стандарт',
  'Оптима-Класс', 'Спектр-Лаб', 'Интерактив-Системы', 'ТехноКласс', 'Робоконструктор',
  'Парта-М', 'Профоснащение', 'Лаборант', 'Полигон', 'Квант-Оборудование', 'Мультиборд',
  'Норма-Класс', 'Учснаб-Вектор', 'Школьный двор', 'Спортинвентарь-Школа',
  'Цифровая лаборатория', 'Химприбор-Учеба', 'Светлый класс', 'Акустика-Класс',
  'Мастерские будущего', 'Эргономика детства',
];

const PUBLISHER_PREFIXES = [
  'Издательство', 'Издательский дом', 'Группа издательств', 'Издательство учебной литературы',
  'Издательский центр',
];
const PUBLISHER_BRANDS = [
  'Просвещение-Центр', 'Азбука знаний', 'Учебная книга', 'Ступени', 'Школьный мир',
  'Вектор-Пресс', 'Словесник', 'Грамотей', 'Букварь-Центр', 'Новый учебник', 'Книжная полка',
  'Светоч', 'Кладезь', 'Учитель-Пресс', 'Академия детства', 'Слово и цифра', 'Глагол',
  'Параграф-Пресс', 'Пятёрка', 'Переплёт', 'Свиток', 'Страница', 'Хрестоматия',
];

/** Masculine geographic adjectives of fictional institutions. */
const REGION_ADJECTIVES = [
  'Северо-Западный', 'Приволжский', 'Уральский', 'Сибирский', 'Балтийский', 'Дальневосточный',
  'Южный', 'Волжский', 'Среднерусский', 'Приокский', 'Камский', 'Донской', 'Поморский',
  'Енисейский', 'Ладожский', 'Заокский', 'Верхневолжский', 'Черноморский', 'Столичный',
  'Северный', 'Восточный', 'Центральный',
];
const FIELD_ADJECTIVES = [
  'технологический', 'гуманитарный', 'педагогический', 'инженерный', 'экономический',
  'медицинский', 'аграрный', 'политехнический', 'лингвистический', 'транспортный',
  'социальный', 'индустриальный', 'горный', 'архитектурно-строительный', 'информационный',
];
const HIGHER_KINDS: readonly [string, Gender][] = [
  ['университет', 'm'], ['университет', 'm'], ['институт', 'm'], ['академия', 'f'],
];

function higherNames(rng: Rng): NameEntry[] {
  const out: NameEntry[] = [];
  const usedPair = new Set<string>();
  for (const region of shuffle(rng, REGION_ADJECTIVES)) {
    // Two institutions per region at most, in different fields.
    for (const field of shuffle(rng, FIELD_ADJECTIVES).slice(0, 2)) {
      if (usedPair.has(field + region)) continue;
      usedPair.add(field + region);
      const [kind, gender] = pick(rng, HIGHER_KINDS);
      const name = `${agree(region, gender)} ${agree(field, gender)} ${kind}`;
      out.push({ name, slug: slugify(name), initials: initialsOf(name) });
    }
  }
  return shuffle(rng, out);
}

const COLLEGE_FIELDS = [
  'информационных технологий', 'сервиса и туризма', 'строительства и архитектуры',
  'транспорта и логистики', 'электроники и приборостроения', 'гостиничного дела',
  'медицинских технологий', 'дизайна и моды', 'энергетики', 'машиностроения', 'агротехнологий',
  'связи', 'креативных индустрий', 'пищевых технологий', 'нефти и газа',
];
const COLLEGE_KINDS = ['колледж', 'колледж', 'техникум'];

function professionalNames(rng: Rng): NameEntry[] {
  const out: NameEntry[] = [];
  const regions = shuffle(rng, REGION_ADJECTIVES);
  const fields = shuffle(rng, COLLEGE_FIELDS);
  regions.forEach((region, i) => {
    const kind = pick(rng, COLLEGE_KINDS);
    const name = i % 5 === 4
      ? `${region} политехнический ${kind}`
      : `${region} ${kind} ${fields[i % fields.length] ?? ''}`;
    out.push({ name, slug: slugify(name), initials: initialsOf(name) });
  });
  const extra = ['Центр опережающей профессиональной подготовки', 'Академия рабочих профессий', 'Межрегиональный центр компетенций'];
  const brands = ['Мастер', 'Профи', 'Умелец', 'Старт в профессию', 'Рабочая смена', 'Навык'];
  for (const brand of shuffle(rng, brands)) {
    const name = `${pick(rng, extra)} «${brand}»`;
    out.push({ name, slug: slugify(brand), initials: initialsOf(brand) });
  }
  return shuffle(rng, out);
}

const REGION_BODIES: readonly [string, string][] = [
  ['Министерство образования', 'minobr'],
  ['Департамент образования и науки', 'depobr'],
  ['Институт развития образования', 'iro'],
  ['Центр оценки качества образования', 'tsoko'],
  ['Региональный центр поддержки одарённых детей', 'rtsod'],
  ['Центр непрерывного повышения мастерства педагогов', 'tsnppm'],
  ['Региональный модельный центр дополнительного образования', 'rmts'],
  ['Центр цифровой трансформации образования', 'tsto'],
];

function regionNames(rng: Rng): NameEntry[] {
  const out: NameEntry[] = [];
  // Walk bodies per region in turn so each region shows up with several bodies.
  REGIONS.forEach((region, r) => {
    REGION_BODIES.forEach(([body, code], b) => {
      if ((r + b) % 3 !== 0) return;
      out.push({
        name: `${body} ${region.genitive}`,
        slug: `${code}-${region.slug}`,
        initials: initialsOf(region.genitive),
        city: region.city,
      });
    });
  });
  return shuffle(rng, out);
}

/** Every candidate name of a category, in a seeded order; callers take as many as they need. */
export function candidateNames(category: CategoryId, rng: Rng): NameEntry[] {
  switch (category) {
    case 'preschool':
      return branded(rng, PRESCHOOL_PREFIXES, PRESCHOOL_BRANDS);
    case 'school':
      return branded(rng, SCHOOL_PREFIXES, SCHOOL_BRANDS);
    case 'additional':
      return branded(rng, ADDITIONAL_PREFIXES, ADDITIONAL_BRANDS);
    case 'regions':
      return regionNames(rng);
    case 'higher':
      return higherNames(rng);
    case 'professional':
      return professionalNames(rng);
    case 'edtech':
      return branded(rng, EDTECH_PREFIXES, edtechBrands(rng));
    case 'platforms':
      return branded(rng, PLATFORM_PREFIXES, platformBrands(rng));
    case 'equipment':
      return branded(rng, EQUIPMENT_PREFIXES, EQUIPMENT_BRANDS);
    case 'publishers':
      return branded(rng, PUBLISHER_PREFIXES, PUBLISHER_BRANDS);
  }
}
