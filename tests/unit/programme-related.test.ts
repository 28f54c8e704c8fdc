// Stage two's join: webinars and master classes beside programme events by shared topics
// (tags and cluster titles against webinar titles and stand categories), and programme events
// on a stand's topics, ordered for a visitor at a given time.
import { describe, expect, it } from 'vitest';
import type { Cluster, ProgrammeEvent } from '../../shared/programme/schema.ts';
import {
  type StandSource,
  eventsForStand,
  prepareEvents,
  prepareWebinars,
  sameTopic,
  stemOf,
  topicsOfEvent,
  topicsOfText,
  webinarsBeside,
  webinarsOnTopics,
} from '../../shared/programme/related.ts';
import type { Webinar } from '../../shared/standContent.ts';

const H = 3_600_000;
const T0 = Date.parse('2026-11-27T12:00:00+03:00');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function webinar(id: string, title: string, startMs: number, over: Partial<Webinar> = {}): Webinar {
  return { id, kind: 'webinar', title, speaker: 'Спикер', start: iso(startMs), durationMin: 60, link: 'https://example.org/w', ...over };
}

function event(id: string, tags: string[], cluster: string, startMs: number): ProgrammeEvent {
  return { id, title: { ru: id }, start: iso(startMs), duration: 45, format: 'lecture', language: 'ru', cluster, stage: 'main', tags, speakers: [] };
}

const CLUSTERS: Cluster[] = [
  { id: 'preschool', title: { ru: 'Дошкольное образование' } },
  { id: 'maths', title: { ru: 'Математическое образование' } },
];

const STANDS: StandSource[] = [
  {
    exhibitorId: 'math-school',
    name: 'Школа «Вектор»',
    category: 'school',
    webinars: [
      webinar('oge', 'Подготовка к ОГЭ по математике: типичные ошибки', T0 + 2 * H),
      webinar('literacy', 'Функциональная грамотность: задания для 5–9 классов', T0 - 5 * H, { recording: 'https://example.org/r' }),
    ],
    place: { floorId: 'school', standId: 's1' },
  },
  { exhibitorId: 'kindergarten', name: 'Детский сад', category: 'preschool', webinars: [webinar('games', 'Сенсорные игры своими руками', T0 + H)] },
  { exhibitorId: 'other-school', name: 'Школа «Орбита»', category: 'school', webinars: [webinar('oge', 'Подготовка к ОГЭ по математике: типичные ошибки', T0 + 3 * H)] },
];

describe('topics', () => {
  it('cuts Russian words to stems and leaves common words out', () => {
    expect(stemOf('Математике')).toBe('математик');
    expect(stemOf('грамотность')).toBe('грамотн');
    expect(stemOf('ёлка')).toBe('елк');
    expect(topicsOfText('Функциональная грамотность: задания для 5–9 классов')).toEqual(['функциональн', 'грамотн', 'зада', 'класс']);
    expect(topicsOfText('Образование для всех')).toEqual([]);
  });

  it('joins a stem with its longer forms, but not short stems by prefix', () => {
    expect(sameTopic('математик', 'математ')).toBe(true);
    expect(sameTopic('школ', 'школьн')).toBe(true);
    expect(sameTopic('мир', 'мирн')).toBe(false);
    expect(sameTopic('школ', 'шахмат')).toBe(false);
  });

  it('takes an event’s topics from its tags and its cluster’s title', () => {
    expect(topicsOfEvent(event('e', ['математика', 'олимпиады'], 'maths', T0), CLUSTERS[1])).toEqual(['математик', 'олимпиад', 'математическ']);
  });
});

describe('webinars beside an event', () => {
  const webinars = prepareWebinars(STANDS);

  it('finds the webinars on the event’s topics, those still ahead first and one per title', () => {
    const [e] = prepareEvents([event('maths-1', ['математика', 'грамотность'], 'maths', T0)], CLUSTERS);
    const found = webinarsOnTopics(e!.topics, webinars, T0, 5);
    expect(found.map((f) => `${f.exhibitorId}/${f.webinar.id}`)).toEqual(['math-school/oge', 'math-school/literacy']);
    expect(found[0]).toMatchObject({ exhibitorName: 'Школа «Вектор»', place: { floorId: 'school', standId: 's1' }, score: 2 });
    expect(found[0]!.topics).toEqual(['математик']);
  });

  it('falls back to webinars of stands in the event’s category when no title fits', () => {
    const [e] = prepareEvents([event('pre-1', ['адаптация'], 'preschool', T0)], CLUSTERS);
    const found = webinarsOnTopics(e!.topics, webinars, T0, 5);
    expect(found.map((f) => f.webinar.id)).toEqual(['games']);
    expect(found[0]!.score).toBe(1);
  });

  it('finds nothing for an event without topics', () => {
    expect(webinarsOnTopics([], webinars, T0, 5)).toEqual([]);
  });

  it('lists for the schedule each webinar whose own title fits events, with those events', () => {
    const events = prepareEvents(
      [event('maths-1', ['математика'], 'maths', T0), event('maths-2', ['олимпиады'], 'maths', T0 + H), event('pre-1', ['игра'], 'preschool', T0)],
      CLUSTERS,
    );
    const beside = webinarsBeside(events, webinars, T0);
    expect(beside.map((b) => [`${b.exhibitorId}/${b.webinar.id}`, b.events])).toEqual([
      ['kindergarten/games', ['pre-1']],
      ['math-school/oge', ['maths-1']],
      ['other-school/oge', ['maths-1']],
    ]);
  });
});

describe('programme events on a stand’s topics', () => {
  it('ranks events not over first (a rarer shared topic first, then soonest), then ended ones (newest first)', () => {
    const events = prepareEvents(
      [
        event('past-old', ['математика'], 'maths', T0 - 48 * H),
        event('past-new', ['математика'], 'maths', T0 - 24 * H),
        event('later', ['грамотность'], 'maths', T0 + 5 * H),
        event('soon', ['математика'], 'maths', T0 + H),
        event('unrelated', ['игра'], 'preschool', T0 + H),
      ],
      CLUSTERS,
    );
    const found = eventsForStand(STANDS[0]!, events, T0, 10);
    // "грамотность" reaches one event, "математика" three: the one says more about the stand.
    expect(found.map((f) => f.id)).toEqual(['later', 'soon', 'past-new', 'past-old']);
    expect(eventsForStand(STANDS[0]!, events, T0, 2).map((f) => f.id)).toEqual(['later', 'soon']);
    const sameTopics = prepareEvents([event('b-late', ['математика'], 'maths', T0 + 3 * H), event('a-soon', ['математика'], 'maths', T0 + H)], CLUSTERS);
    expect(eventsForStand(STANDS[0]!, sameTopics, T0, 10).map((f) => f.id)).toEqual(['a-soon', 'b-late']);
  });
});
