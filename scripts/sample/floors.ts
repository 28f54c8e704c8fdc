// The sample floors of the fair: which categories stand where, and the hall each floor gets.
import type { CategoryId } from '../../shared/categories.ts';
import type { LocalText } from '../../shared/text.ts';
import type { AlleySpec, HallSpec, PortalSpec } from './layout.ts';

export interface FloorPlan {
  hall: Omit<HallSpec, 'portals'>;
  /** Exhibitors on this floor per category, in the order they fill the hall (north to south). */
  exhibitors: readonly (readonly [CategoryId, number])[];
}

const alley = (width: number, ru?: string, en?: string): AlleySpec =>
  ru && en ? { width, name: { ru, en } } : { width };

const RING = (ru = 'Кольцевая аллея', en = 'Ring alley'): AlleySpec => alley(5, ru, en);
const MAIN = alley(8, 'Главная аллея', 'Main alley');

export const FLOORS: readonly FloorPlan[] = [
  {
    hall: {
      id: 'school',
      title: { ru: 'Дошкольное и общее образование', en: 'Preschool and school education' },
      category: 'school',
      order: 1,
      width: 150,
      height: 100,
      background: { style: 'parquet', tint: '#efe3cf' },
      wallDepth: 3,
      wallRows: false,
      ring: RING(),
      rows: [
        alley(6, 'Аллея дошкольного образования', 'Preschool alley'),
        alley(6, 'Аллея общего образования', 'School alley'),
        alley(6, 'Аллея дополнительного образования', 'Extracurricular alley'),
        alley(6, 'Аллея регионов', 'Regions alley'),
      ],
      cross: [alley(5), alley(5), MAIN, alley(5), alley(5)],
      main: 2,
      standPrefix: 'sc',
    },
    exhibitors: [['preschool', 30], ['school', 45], ['additional', 35], ['regions', 30]],
  },
  {
    hall: {
      id: 'higher',
      title: { ru: 'Высшее и профессиональное образование', en: 'Higher and vocational education' },
      category: 'higher',
      order: 2,
      width: 120,
      height: 64,
      background: { style: 'marble', tint: '#e4e8ee' },
      wallDepth: 3,
      wallRows: false,
      ring: RING(),
      rows: [alley(6, 'Аллея университетов', 'Universities alley'), alley(6, 'Аллея колледжей', 'Colleges alley')],
      cross: [alley(5), MAIN, alley(5)],
      main: 1,
      standPrefix: 'hi',
    },
    exhibitors: [['higher', 35], ['professional', 25]],
  },
  {
    hall: {
      id: 'edtech',
      title: { ru: 'EdTech и цифровые платформы', en: 'EdTech and digital platforms' },
      category: 'edtech',
      order: 3,
      width: 108,
      height: 64,
      background: { style: 'concrete', tint: '#dfe6ea' },
      wallDepth: 3,
      wallRows: false,
      ring: RING(),
      rows: [alley(6, 'Аллея онлайн-обучения', 'Online learning alley'), alley(6, 'Аллея платформ', 'Platforms alley')],
      cross: [alley(5), MAIN, alley(5)],
      main: 1,
      standPrefix: 'et',
    },
    exhibitors: [['edtech', 30], ['platforms', 25]],
  },
  {
    hall: {
      id: 'equipment',
      title: { ru: 'Оборудование и издательства', en: 'Equipment and publishers' },
      category: 'equipment',
      order: 4,
      width: 94,
      height: 64,
      background: { style: 'carpet', tint: '#d9dde8' },
      wallDepth: 3,
      wallRows: false,
      ring: RING(),
      rows: [alley(6, 'Аллея оснащения школ', 'School equipment alley'), alley(6, 'Аллея издательств', 'Publishers alley')],
      cross: [alley(5), MAIN, alley(5)],
      main: 1,
      standPrefix: 'eq',
    },
    exhibitors: [['equipment', 25], ['publishers', 20]],
  },
];

function floorWord(order: number): LocalText {
  return { ru: `${order} этаж`, en: `floor ${order}` };
}

/** Stairs between neighbouring floors and a lift from every floor to every other one. */
export function portalsFor(index: number, floors: readonly FloorPlan[]): PortalSpec[] {
  const out: PortalSpec[] = [];
  const self = floors[index]?.hall;
  if (!self) throw new Error(`no floor ${index}`);
  const prev = floors[index - 1]?.hall;
  const next = floors[index + 1]?.hall;
  if (prev) {
    const w = floorWord(prev.order);
    out.push({ id: 'stairs-down', kind: 'stairs', to: { floor: prev.id, portal: 'stairs-up' }, title: { ru: `Лестница на ${w.ru}`, en: `Stairs to ${w.en}` } });
  }
  if (next) {
    const w = floorWord(next.order);
    out.push({ id: 'stairs-up', kind: 'stairs', to: { floor: next.id, portal: 'stairs-down' }, title: { ru: `Лестница на ${w.ru}`, en: `Stairs to ${w.en}` } });
  }
  for (const other of floors) {
    if (other.hall.id === self.id) continue;
    const w = floorWord(other.hall.order);
    out.push({
      id: `lift-to-${other.hall.id}`,
      kind: 'lift',
      to: { floor: other.hall.id, portal: `lift-to-${self.id}` },
      title: { ru: `Лифт на ${w.ru}: ${other.hall.title.ru}`, en: `Lift to ${w.en}: ${other.hall.title.en}` },
    });
  }
  return out;
}
