// The floors the server is serving. A floor file with problems is refused with the same
// messages `npm run levels:check` prints; the other floors are served as usual.
import type { DirectoryEntry, FloorSummary } from '../../shared/api.ts';
import type { Level } from '../../shared/level/schema.ts';
import { type LevelProblem, formatProblem, validateLevels } from '../../shared/level/validate.ts';
import { readLevelSources } from './readLevels.ts';

export class LevelStore {
  private floors = new Map<string, Level>();
  /** What each file last served, so a file that turns bad keeps its previous good version. */
  private byFile = new Map<string, Level>();
  problems: LevelProblem[] = [];

  constructor(
    private readonly dir: string,
    private readonly exhibitorIds: () => Promise<ReadonlySet<string>>,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  async load(): Promise<void> {
    const read = await readLevelSources(this.dir);
    const result = validateLevels(read.sources, await this.exhibitorIds());
    this.problems = [...read.problems, ...result.problems];
    for (const p of this.problems) this.log(`[levels] refused: ${formatProblem(p)}`);
    const present = new Set(read.sources.map((s) => s.file));
    const next = new Map<string, Level>();
    for (const [file, level] of this.byFile) if (present.has(file)) next.set(file, level);
    for (const [file, level] of result.valid) next.set(file, level);
    this.byFile = next;
    this.floors = new Map([...next.values()].sort((a, b) => a.order - b.order).map((l) => [l.id, l]));
  }

  get(id: string): Level | undefined {
    return this.floors.get(id);
  }

  list(): Level[] {
    return [...this.floors.values()];
  }

  directory(): DirectoryEntry[] {
    return this.list().flatMap((l) => l.stands.map((s) => ({ floor: l.id, stand: s.id, exhibitor: s.exhibitor })));
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
