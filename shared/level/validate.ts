// Validation of floor files beyond their shape: references, ids and geometry.
// Returns every problem at once so an organiser can fix a file in one pass.
// The server and `npm run levels:check` both call this, so they print the same sentences.
import type { z } from 'zod';
import { rectInside, rectsOverlap } from '../geometry.ts';
import { Level } from './schema.ts';
import { standRect } from './stand.ts';
import { closest } from './suggest.ts';

export type JsonPath = (string | number)[];

export interface LevelProblem {
  /** File name as the organiser knows it, e.g. "levels/edtech.json". */
  file: string;
  path: JsonPath;
  message: string;
}

export interface LevelSource {
  file: string;
  data: unknown;
}

export interface ValidationResult {
  levels: Level[];
  /** Files that parsed and passed every check, by file name. */
  valid: Map<string, Level>;
  problems: LevelProblem[];
}

export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || '(root)';
}

export function formatProblem(p: LevelProblem): string {
  return `${p.file} ${formatPath(p.path)}: ${p.message}`;
}

function zodProblems(file: string, error: z.ZodError): LevelProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

/** Checks within one parsed floor that need no other floor. */
function checkFloor(file: string, level: Level, exhibitorIds: ReadonlySet<string>): LevelProblem[] {
  const problems: LevelProblem[] = [];
  const add = (path: JsonPath, message: string) => problems.push({ file, path, message });

  const seen = new Map<string, string>();
  const claim = (id: string, where: string, path: JsonPath) => {
    const first = seen.get(id);
    if (first) add([...path, 'id'], `duplicate id "${id}" (already used by ${first})`);
    else seen.set(id, where);
  };
  level.alleys.forEach((a, i) => claim(a.id, `alleys[${i}]`, ['alleys', i]));
  level.stands.forEach((s, i) => claim(s.id, `stands[${i}]`, ['stands', i]));
  level.portals.forEach((p, i) => claim(p.id, `portals[${i}]`, ['portals', i]));
  level.landmarks.forEach((l, i) => claim(l.id, `landmarks[${i}]`, ['landmarks', i]));

  const hall = { x: 0, y: 0, w: level.size.width, h: level.size.height };
  const inHall = (x: number, y: number) => x >= 0 && y >= 0 && x <= hall.w && y <= hall.h;
  const knownIds = [...exhibitorIds];

  level.stands.forEach((s, i) => {
    if (!exhibitorIds.has(s.exhibitor)) {
      const hint = closest(s.exhibitor, knownIds);
      add(
        ['stands', i, 'exhibitor'],
        `"${s.exhibitor}" is not a known exhibitor${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    }
    if (!rectInside(standRect(s), hall)) {
      add(['stands', i], `stand "${s.id}" lies outside the hall (${level.size.width} x ${level.size.height} m)`);
    }
  });

  // Sort by x so the overlap scan stays near-linear on big floors.
  const order = level.stands.map((s, i) => ({ s, i })).sort((a, b) => a.s.x - b.s.x);
  for (let a = 0; a < order.length; a++) {
    const A = order[a]!;
    for (let b = a + 1; b < order.length; b++) {
      const B = order[b]!;
      if (B.s.x >= A.s.x + A.s.w) break;
      if (rectsOverlap(standRect(A.s), standRect(B.s))) {
        const [first, second] = A.i < B.i ? [A, B] : [B, A];
        add(['stands', second.i], `stand "${second.s.id}" overlaps stand "${first.s.id}" (stands[${first.i}])`);
      }
    }
  }

  level.alleys.forEach((a, i) =>
    a.points.forEach(([x, y], j) => {
      if (!inHall(x, y)) add(['alleys', i, 'points', j], `point (${x}, ${y}) lies outside the hall`);
    }),
  );
  level.portals.forEach((p, i) => {
    if (!inHall(p.x, p.y)) add(['portals', i], `portal "${p.id}" lies outside the hall`);
  });
  level.landmarks.forEach((l, i) => {
    if (!inHall(l.x, l.y)) add(['landmarks', i], `landmark "${l.id}" lies outside the hall`);
  });
  return problems;
}

/**
 * Validates a whole exhibition: each file's shape and geometry, then references between
 * floors (portal targets, floor ids, stand ids unique across floors). A file with any
 * problem is left out of `valid`, so a caller can keep serving its previous version. A file
 * is judged on its own problems: a portal into a floor that is itself broken is reported on
 * that floor only, so one bad file never takes its neighbours down with it.
 */
export function validateLevels(sources: LevelSource[], exhibitorIds: ReadonlySet<string>): ValidationResult {
  const problems: LevelProblem[] = [];
  const parsed: { file: string; level: Level; problems: number }[] = [];
  // Floors whose files exist but fail the schema: a portal to one is not "to a missing floor";
  // that floor's own problems are reported on its file.
  const brokenIds = new Set<string>();

  for (const src of sources) {
    const result = Level.safeParse(src.data);
    if (!result.success) {
      problems.push(...zodProblems(src.file, result.error));
      const id = (src.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') brokenIds.add(id);
      continue;
    }
    const own = checkFloor(src.file, result.data, exhibitorIds);
    problems.push(...own);
    parsed.push({ file: src.file, level: result.data, problems: own.length });
  }

  const floorsById = new Map<string, { file: string; level: Level }>();
  const standOwner = new Map<string, string>();
  const crossBad = new Set<string>();
  for (const p of parsed) {
    const other = floorsById.get(p.level.id);
    if (other) {
      problems.push({ file: p.file, path: ['id'], message: `floor id "${p.level.id}" is already used by ${other.file}` });
      crossBad.add(p.file);
    } else floorsById.set(p.level.id, p);
    p.level.stands.forEach((s, i) => {
      const owner = standOwner.get(s.id);
      if (owner && owner !== p.file) {
        problems.push({ file: p.file, path: ['stands', i, 'id'], message: `stand id "${s.id}" is already used in ${owner}` });
        crossBad.add(p.file);
      } else standOwner.set(s.id, p.file);
    });
  }
  for (const p of parsed) {
    p.level.portals.forEach((portal, i) => {
      const target = floorsById.get(portal.to.floor);
      if (!target && brokenIds.has(portal.to.floor)) return;
      if (!target) {
        const hint = closest(portal.to.floor, [...floorsById.keys()]);
        problems.push({
          file: p.file,
          path: ['portals', i, 'to', 'floor'],
          message: `portal "${portal.id}" leads to floor "${portal.to.floor}", which does not exist${hint ? ` (did you mean "${hint}"?)` : ''}`,
        });
        crossBad.add(p.file);
      } else if (!target.level.portals.some((q) => q.id === portal.to.portal)) {
        problems.push({
          file: p.file,
          path: ['portals', i, 'to', 'portal'],
          message: `portal "${portal.id}" leads to portal "${portal.to.portal}", which floor "${portal.to.floor}" does not have`,
        });
        crossBad.add(p.file);
      }
    });
  }

  const valid = new Map<string, Level>();
  for (const p of parsed) if (p.problems === 0 && !crossBad.has(p.file)) valid.set(p.file, p.level);
  return { levels: [...valid.values()].sort((a, b) => a.order - b.order), valid, problems };
}
