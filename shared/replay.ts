// Replay of a recorded event with its conversation: the recording's segments carry the wall
// time they were received (EXT-X-PROGRAM-DATE-TIME), the Q&A carries wall times too (asked,
// answered, commented), so a position in the recording maps to a moment of the event and back.
// Pure: the player hands in its segments, the page asks what to show at a position.
import { z } from 'zod';

/** One segment of the recording: where it starts in the player (s), when it was received (ms). */
export interface TimeAnchor {
  /** Start in media time, seconds. */
  media: number;
  /** Its EXT-X-PROGRAM-DATE-TIME, epoch ms. */
  wall: number;
  /** Seconds. */
  duration: number;
}

/** The conversation an ended event replays with: what every visitor could see, nothing more. */
export const ReplayQuestion = z.object({
  id: z.number().int(),
  text: z.string(),
  /** null: asked anonymously (nobody is told who asked). */
  name: z.string().nullable(),
  votes: z.number().int(),
  askedAt: z.number(),
  /** Marked "answered live" at this wall time (ms). */
  answeredAt: z.number().nullable(),
  answer: z.object({ text: z.string(), at: z.number(), by: z.string() }).nullable(),
});
export type ReplayQuestion = z.infer<typeof ReplayQuestion>;

export const ReplayComment = z.object({
  id: z.number().int(),
  author: z.object({ kind: z.enum(['visitor', 'moderator']), name: z.string() }),
  text: z.string(),
  at: z.number(),
});
export type ReplayComment = z.infer<typeof ReplayComment>;

export const ReplayConversation = z.object({
  eventId: z.string(),
  /** Approved questions, in the order they were asked. */
  questions: z.array(ReplayQuestion),
  /** Comments not deleted, oldest first. */
  comments: z.array(ReplayComment),
});
export type ReplayConversation = z.infer<typeof ReplayConversation>;

/** The replay API sends at most this many comments (the newest); a longer chat is cut at its start. */
export const REPLAY_COMMENTS_MAX = 5000;

/** Segments with a program date-time, in media order; those without cannot be placed. */
export function anchorsOf(fragments: readonly { start: number; duration: number; programDateTime?: number | null }[]): TimeAnchor[] {
  const out: TimeAnchor[] = [];
  for (const f of fragments) {
    if (f.programDateTime == null || !Number.isFinite(f.programDateTime) || !Number.isFinite(f.start)) continue;
    out.push({ media: f.start, wall: f.programDateTime, duration: Math.max(0, f.duration) });
  }
  return out.sort((a, b) => a.media - b.media);
}

/** The last anchor for which key(anchor) <= x, or -1. */
function lastAtOrBefore(anchors: readonly TimeAnchor[], x: number, key: (a: TimeAnchor) => number): number {
  let lo = 0;
  let hi = anchors.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(anchors[mid]!) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The wall time (ms) of a media position; null outside the recording or without anchors. */
export function wallAt(anchors: readonly TimeAnchor[], media: number): number | null {
  const i = lastAtOrBefore(anchors, media, (a) => a.media);
  // Before the first segment: extrapolate back only when the first starts right at 0 (hls.js
  // puts the first fragment a few ms after 0 at times).
  if (i < 0) {
    const first = anchors[0];
    return first && media >= 0 && first.media - media < 0.5 ? first.wall - (first.media - media) * 1000 : null;
  }
  const a = anchors[i]!;
  const into = Math.min(media - a.media, a.duration);
  if (i === anchors.length - 1 && media - a.media > a.duration + 0.5) return null;
  return a.wall + into * 1000;
}

/**
 * The media position (s) of a wall time. Between two segments (a sender that dropped and came
 * back: the wall clock ran on, the recording did not) it is the start of the next one. Null
 * before the recording started or after it ended.
 */
export function mediaAt(anchors: readonly TimeAnchor[], wall: number): number | null {
  const i = lastAtOrBefore(anchors, wall, (a) => a.wall);
  if (i < 0) return null;
  const a = anchors[i]!;
  const into = (wall - a.wall) / 1000;
  if (into <= a.duration) return a.media + into;
  const next = anchors[i + 1];
  return next ? next.media : null;
}

export interface Chapter {
  questionId: number;
  text: string;
  /** Position in the recording, seconds. */
  position: number;
  /** When it was answered, wall ms. */
  answeredAt: number;
}

/** Questions answered live, as chapters of the recording in the order they were answered; those answered off the air are left out. */
export function chaptersOf(questions: readonly ReplayQuestion[], anchors: readonly TimeAnchor[]): Chapter[] {
  const out: Chapter[] = [];
  for (const q of questions) {
    if (q.answeredAt === null) continue;
    const position = mediaAt(anchors, q.answeredAt);
    if (position !== null) out.push({ questionId: q.id, text: q.text, position, answeredAt: q.answeredAt });
  }
  return out.sort((a, b) => a.position - b.position || a.questionId - b.questionId);
}

/** The chapter playing at a position: the last one started at or before it (0.25 s slack for a seek's landing). */
export function currentChapter(chapters: readonly Chapter[], position: number): Chapter | null {
  let found: Chapter | null = null;
  for (const c of chapters) if (c.position <= position + 0.25) found = c;
  return found;
}

/** How many of `items` (sorted by `at`) had happened by wall time `wall`. */
export function countUpTo(items: readonly { at: number }[], wall: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.at <= wall) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the replay shows at a wall time: comments so far, questions asked so far (answered marks once answered). */
export function conversationAt(
  c: Pick<ReplayConversation, 'questions' | 'comments'>,
  wall: number,
): { comments: ReplayComment[]; questions: (ReplayQuestion & { answered: boolean })[] } {
  const comments = c.comments.slice(0, countUpTo(c.comments, wall));
  const questions = c.questions
    .filter((q) => q.askedAt <= wall)
    .map((q) => ({ ...q, answered: (q.answeredAt !== null && q.answeredAt <= wall) || (q.answer !== null && q.answer.at <= wall) }));
  return { comments, questions };
}
