// The floors the server is serving. A floor file with problems is refused with the same
// messages `npm run levels:check` prints; the other floors are served as usual.
import type { DirectoryEntry, FloorSummary } from '../../shared/api.ts';
import type { Level } from '../../shared/level/schema.ts';
import { boothNumbers } from '../../shared/plan/boothNumbers.ts';
import { type LevelProblem, formatProblem, validateLevels } from '../../shared/level/validate.ts';
import { readLevelSources } from './readLevels.ts';

/** What a reload changed: floors added, removed or edited, and the problems refused now. */
export interface LevelChange {
  changed: string[];
  problems: LevelProblem[];
  /** The formatted problem list differs from the previous load's. */
  problemsChanged: boolean;
}

export class LevelStore {
  private floors = new Map<string, Level>();
  /** What each file last served, so a file that turns bad keeps its previous good version. */
  private byFile = new Map<string, Level>();
  problems: LevelProblem[] = [];
  private readonly listeners = new Set<(change: LevelChange) => void>();

  constructor(
    private readonly dir: string,
    private readonly exhibitorIds: () => Promise<ReadonlySet<string>>,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  async load(): Promise<void> {
    const read = await readLevelSources(this.dir);
    const result = validateLevels(read.sources, await this.exhibitorIds());
    const before = { floors: this.floors, problems: this.problems.map(formatProblem).join('\n') };
    this.problems = [...read.problems, ...result.problems];
    for (const p of this.problems) this.log(`[levels] refused: ${formatProblem(p)}`);
    const present = new Set(read.sources.map((s) => s.file));
    const next = new Map<string, Level>();
    for (const [file, level] of this.byFile) if (present.has(file)) next.set(file, level);
    for (const [file, level] of result.valid) {
      // An untouched file keeps its Level object, so "changed" means the content changed.
      const prev = this.byFile.get(file);
      next.set(file, prev && sameLevel(prev, level) ? prev : level);
    }
    this.byFile = next;
    this.floors = new Map([...next.values()].sort((a, b) => a.order - b.order).map((l) => [l.id, l]));

    const changed = new Set<string>();
    for (const [id, level] of this.floors) if (before.floors.get(id) !== level) changed.add(id);
    for (const id of before.floors.keys()) if (!this.floors.has(id)) changed.add(id);
    const problemsChanged = this.problems.map(formatProblem).join('\n') !== before.problems;
    if (changed.size === 0 && !problemsChanged) return;
    const change: LevelChange = { changed: [...changed].sort(), problems: this.problems, problemsChanged };
    for (const fn of this.listeners) fn(change);
  }

  /** Called after every load that changed a floor or the problem list; returns a dispose. */
  onChange(listener: (change: LevelChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current problems of the file(s) serving or naming this floor, formatted. */
  problemsOf(floorId: string): string[] {
    const files = new Set([...this.byFile].filter(([, l]) => l.id === floorId).map(([file]) => file));
    return this.problems.filter((p) => files.has(p.file)).map(formatProblem);
  }

  get(id: string): Level | undefined {
    return this.floors.get(id);
  }

  list(): Level[] {
    return [...this.floors.values()];
  }

  directory(): DirectoryEntry[] {
    return this.list().flatMap((l) => {
      const booths = boothNumbers(l);
      return l.stands.map((s, i) => ({ floor: l.id, stand: s.id, exhibitor: s.exhibitor, booth: booths[i]! }));
    });
  }

  summaries(): FloorSummary[] {
    return this.list().map((l) => ({
      id: l.id,
      title: l.title,
      category: l.category,
      order: l.order,
      standCount: l.stands.length,
    }));
  }
}

function sameLevel(a: Level, b: Level): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
