// Learning tracks: the builder orders recordings, then upcoming events by time, then webinars,
// then stands; the level prefers its formats; edits (move, remove, add, tick) and "make it
// mine" are pure; bodies are checked by their schemas.
import { describe, expect, it } from 'vitest';
import { type StandSource, prepareWebinars, topicsOfEvent } from '../../shared/programme/related.ts';
import type { Format } from '../../shared/programme/schema.ts';
import type { EventState } from '../../shared/programme/state.ts';
import {
  NewTrackBody,
  TrackEditBody,
  type TrackEventSource,
  type TrackItem,
  addItem,
  buildTrack,
  copiedItems,
  moveItem,
  refKey,
  removeItem,
  setDone,
  topicChoices,
  trackProgress,
} from '../../shared/programme/tracks.ts';
import type { Webinar } from '../../shared/standContent.ts';

const H = 3_600_000;
const NOW = Date.parse('2026-04-15T12:00:00+03:00');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function ev(id: string, tags: string[], state: EventState, startMs: number, format: Format = 'lecture'): TrackEventSource {
  return { event: { id, start: iso(startMs), format }, state, topics: topicsOfEvent({ tags }) };
}
const webinar = (id: string, title: string, startMs: number, over: Partial<Webinar> = {}): Webinar => ({
  id,
  kind: 'masterclass',
  title,
  speaker: 'Спикер',
  start: iso(startMs),
  durationMin: 60,
  link: 'https://example.org/w',
  ...over,
});

const STANDS: StandSource[] = [
  { exhibitorId: 'reading-club', name: 'Клуб чтения', category: 'publishers', webinars: [webinar('club', 'Чтение вслух: клуб для подростков', NOW + 26 * H)] },
  {
    exhibitorId: 'library',
    name: 'Библиотека',
    category: 'publishers',
    webinars: [
      webinar('old', 'Чтение с экрана: что мы знаем', NOW - 30 * H),
      webinar('recorded', 'Чтение и грамотность: запись', NOW - 50 * H, { recording: 'https://example.org/r' }),
      webinar('soon', 'Чтение на уроке литературы', NOW + 2 * H),
    ],
  },
  { exhibitorId: 'robots', name: 'Роботы', category: 'equipment', webinars: [webinar('bots', 'Урок робототехники', NOW + H)] },
];

const EVENTS: TrackEventSource[] = [
  ev('rec-late', ['чтение'], 'recording-ready', NOW - 5 * H),
  ev('rec-early', ['чтение', 'грамотность'], 'recording-ready', NOW - 30 * H),
  ev('ended-no-rec', ['чтение'], 'ended', NOW - 3 * H),
  ev('live-now', ['чтение'], 'live', NOW - 0.25 * H),
  ev('up-later', ['чтение'], 'upcoming', NOW + 30 * H),
  ev('up-soon', ['грамотность'], 'upcoming', NOW + 2 * H, 'panel'),
  ev('robots', ['робототехника'], 'upcoming', NOW + H),
];

const SOURCES = { events: EVENTS, webinars: prepareWebinars(STANDS), stands: STANDS };
const keys = (items: TrackItem[]) => items.map(refKey);

describe('buildTrack', () => {
  it('orders recordings, then upcoming and live events by time, then webinars by time, then stands', () => {
    const items = buildTrack(['чтение', 'грамотность'], 'beginner', SOURCES, NOW);
    expect(keys(items)).toEqual([
      'event:rec-early',
      'event:rec-late',
      'event:live-now',
      'event:up-soon',
      'event:up-later',
      'webinar:library/recorded',
      'webinar:library/soon',
      'webinar:reading-club/club',
      'stand:library',
      'stand:reading-club',
    ]);
    expect(items.every((i) => !i.done)).toBe(true);
  });

  it('keeps to the limits, taking the best fits (topics, then the level’s formats)', () => {
    const limits = { recordings: 1, events: 1, webinars: 1, stands: 1 };
    // Both topics beat one; among equals a panel suits an expert better than a lecture.
    expect(keys(buildTrack(['чтение', 'грамотность'], 'beginner', SOURCES, NOW, limits))).toEqual([
      'event:rec-early',
      'event:live-now',
      'webinar:library/recorded',
      'stand:library',
    ]);
    expect(keys(buildTrack(['чтение', 'грамотность'], 'expert', SOURCES, NOW, limits))[1]).toBe('event:up-soon');
  });

  it('leaves out what is over without a recording, and what is off the topics', () => {
    const items = keys(buildTrack(['чтение'], 'practitioner', SOURCES, NOW));
    expect(items).not.toContain('event:ended-no-rec');
    expect(items).not.toContain('webinar:library/old');
    expect(items).not.toContain('event:robots');
    expect(items).not.toContain('stand:robots');
    expect(buildTrack(['для'], 'beginner', SOURCES, NOW)).toEqual([]);
  });
});

describe('track edits', () => {
  const items: TrackItem[] = [
    { kind: 'event', eventId: 'a', done: true },
    { kind: 'webinar', exhibitorId: 'x', webinarId: 'w', done: false },
    { kind: 'stand', exhibitorId: 'x', done: false },
  ];

  it('moves an item up and down, clamped at the ends', () => {
    expect(keys(moveItem(items, 2, -1))).toEqual(['event:a', 'stand:x', 'webinar:x/w']);
    expect(keys(moveItem(items, 0, 1))).toEqual(['webinar:x/w', 'event:a', 'stand:x']);
    expect(keys(moveItem(items, 0, -1))).toEqual(keys(items));
    expect(keys(moveItem(items, 5, 1))).toEqual(keys(items));
  });

  it('removes, adds once, ticks and counts progress', () => {
    expect(keys(removeItem(items, 'webinar:x/w'))).toEqual(['event:a', 'stand:x']);
    expect(addItem(items, { kind: 'stand', exhibitorId: 'x' })).toEqual(items);
    expect(addItem(items, { kind: 'event', eventId: 'b' }).at(-1)).toEqual({ kind: 'event', eventId: 'b', done: false });
    const ticked = setDone(items, 'stand:x', true);
    expect(trackProgress(ticked)).toEqual({ done: 2, total: 3 });
    expect(trackProgress([])).toEqual({ done: 0, total: 0 });
  });

  it('copies a track with nothing ticked, in the same order', () => {
    expect(copiedItems(items)).toEqual(items.map((i) => ({ ...i, done: false })));
  });
});

describe('track bodies and topics', () => {
  it('accepts a good new-track body and refuses bad ones with a reason', () => {
    expect(NewTrackBody.parse({ topics: [' чтение '], level: 'expert' })).toEqual({ topics: ['чтение'], level: 'expert' });
    expect(NewTrackBody.safeParse({ topics: [], level: 'expert' }).error?.issues[0]?.message).toBe('pick at least one topic');
    expect(NewTrackBody.safeParse({ topics: ['a'], level: 'guru' }).success).toBe(false);
    expect(NewTrackBody.safeParse({ topics: ['a'], level: 'expert', owner: 'x' }).success).toBe(false);
  });

  it('refuses an edit with an item twice or an unknown kind', () => {
    const twice = { items: [{ kind: 'event', eventId: 'a', done: false }, { kind: 'event', eventId: 'a', done: true }] };
    expect(TrackEditBody.safeParse(twice).error?.issues[0]?.message).toBe('an item appears twice');
    expect(TrackEditBody.safeParse({ items: [{ kind: 'film', id: 'a', done: false }] }).success).toBe(false);
    expect(TrackEditBody.safeParse({ items: [{ kind: 'event', eventId: 'A B', done: false }] }).success).toBe(false);
  });

  it('offers the programme’s tags as topics, the most used first', () => {
    expect(topicChoices([{ tags: ['чтение', 'игра'] }, { tags: ['игра'] }, { tags: [] }])).toEqual(['игра', 'чтение']);
  });
});
