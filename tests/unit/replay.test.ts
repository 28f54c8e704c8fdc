// The replay mapping between a recording's positions and the event's wall clock (its segments'
// program date-times), including a sender that dropped and came back, and the chapters the
// questions answered live make.
import { describe, expect, it } from 'vitest';
import {
  type ReplayQuestion,
  type TimeAnchor,
  anchorsOf,
  chaptersOf,
  conversationAt,
  countUpTo,
  currentChapter,
  mediaAt,
  wallAt,
} from '../../shared/replay.ts';

const T0 = Date.parse('2026-04-15T09:00:00Z');
// Three 2 s segments, then the sender was gone 10 s, then two more (a discontinuity).
const ANCHORS: TimeAnchor[] = [
  { media: 0, wall: T0, duration: 2 },
  { media: 2, wall: T0 + 2000, duration: 2 },
  { media: 4, wall: T0 + 4000, duration: 1 },
  { media: 5, wall: T0 + 15_000, duration: 2 },
  { media: 7, wall: T0 + 17_000, duration: 2 },
];

const q = (id: number, patch: Partial<ReplayQuestion>): ReplayQuestion => ({
  id,
  text: `q${id}`,
  name: null,
  votes: 0,
  askedAt: T0,
  answeredAt: null,
  answer: null,
  ...patch,
});

describe('anchorsOf', () => {
  it('keeps segments with a program date-time, in media order', () => {
    expect(
      anchorsOf([
        { start: 2, duration: 2, programDateTime: T0 + 2000 },
        { start: 0, duration: 2, programDateTime: T0 },
        { start: 4, duration: 2, programDateTime: null },
        { start: 6, duration: 2 },
      ]),
    ).toEqual([
      { media: 0, wall: T0, duration: 2 },
      { media: 2, wall: T0 + 2000, duration: 2 },
    ]);
  });
});

describe('wallAt and mediaAt', () => {
  it('map both ways inside segments', () => {
    expect(wallAt(ANCHORS, 0)).toBe(T0);
    expect(wallAt(ANCHORS, 3.5)).toBe(T0 + 3500);
    expect(wallAt(ANCHORS, 6)).toBe(T0 + 16_000);
    expect(mediaAt(ANCHORS, T0 + 3500)).toBe(3.5);
    expect(mediaAt(ANCHORS, T0 + 16_000)).toBe(6);
    for (const m of [0, 1.25, 4.5, 5, 8.9]) expect(mediaAt(ANCHORS, wallAt(ANCHORS, m)!)).toBeCloseTo(m, 9);
  });

  it('puts a moment while the sender was away at the start of what came next', () => {
    expect(mediaAt(ANCHORS, T0 + 9000)).toBe(5);
    expect(mediaAt(ANCHORS, T0 + 5000)).toBe(5);
  });

  it('places nothing before the recording started or after it ended', () => {
    expect(mediaAt(ANCHORS, T0 - 1)).toBeNull();
    expect(mediaAt(ANCHORS, T0 + 19_001)).toBeNull();
    expect(wallAt(ANCHORS, 20)).toBeNull();
    expect(wallAt([], 1)).toBeNull();
    expect(mediaAt([], T0)).toBeNull();
  });

  it('takes a first segment placed a little after 0 (as hls.js does) from 0 on', () => {
    const shifted = [{ media: 0.08, wall: T0, duration: 2 }];
    expect(wallAt(shifted, 0)).toBeCloseTo(T0 - 80, 6);
    expect(wallAt(shifted, -1)).toBeNull();
  });
});

describe('chapters', () => {
  it('are the questions answered during the recording, in the order answered', () => {
    const chapters = chaptersOf(
      [
        q(1, { answeredAt: T0 + 16_000 }),
        q(2, { answeredAt: T0 + 1000 }),
        q(3, {}),
        // Answered before the broadcast began: no place in the recording.
        q(4, { answeredAt: T0 - 60_000 }),
        q(5, { answeredAt: T0 + 10_000 }),
      ],
      ANCHORS,
    );
    expect(chapters.map((c) => [c.questionId, c.position])).toEqual([
      [2, 1],
      [5, 5],
      [1, 6],
    ]);
    expect(currentChapter(chapters, 0.5)).toBeNull();
    expect(currentChapter(chapters, 0.8)?.questionId).toBe(2);
    expect(currentChapter(chapters, 5.5)?.questionId).toBe(5);
    expect(currentChapter(chapters, 100)?.questionId).toBe(1);
  });
});

describe('conversationAt', () => {
  it('shows what had been said by then, and answered marks once answered', () => {
    const comments = [1000, 2000, 2000, 9000].map((d, i) => ({ id: i + 1, author: { kind: 'visitor' as const, name: 'A' }, text: `c${i}`, at: T0 + d }));
    expect(countUpTo(comments, T0)).toBe(0);
    expect(countUpTo(comments, T0 + 2000)).toBe(3);
    expect(countUpTo(comments, T0 + 99_000)).toBe(4);
    const at = conversationAt(
      { comments, questions: [q(1, { askedAt: T0 + 500, answeredAt: T0 + 5000 }), q(2, { askedAt: T0 + 8000 }), q(3, { askedAt: T0, answer: { text: 'a', at: T0 + 3000, by: 'M' } })] },
      T0 + 4000,
    );
    expect(at.comments.map((c) => c.text)).toEqual(['c0', 'c1', 'c2']);
    expect(at.questions.map((x) => [x.id, x.answered])).toEqual([
      [1, false],
      [3, true],
    ]);
  });
});
