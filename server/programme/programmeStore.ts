// The programme the server is serving. On every load the whole folder is validated; a folder
// with any problem is refused with the same messages `npm run programme:check` prints, and
// the previous good programme stays served, so a half-saved edit never shows to visitors.
import { formatProblem } from '../../shared/level/validate.ts';
import type { Programme, ProgrammeEvent, Speaker } from '../../shared/programme/schema.ts';
import { sampleProgrammeShiftMs, shiftProgramme } from '../../shared/programme/sampleShift.ts';
import { type ProgrammeProblem, validateProgramme } from '../../shared/programme/validate.ts';
import { readProgrammeSources } from './readProgramme.ts';

export interface ProgrammeChange {
  /** The served programme changed (a new revision). */
  changed: boolean;
  problems: ProgrammeProblem[];
}

export class ProgrammeStore {
  private current: Programme | null = null;
  private eventsById = new Map<string, ProgrammeEvent>();
  private speakersById = new Map<string, Speaker>();
  /** Grows by one with every served change, so pages can tell they are stale. */
  revision = 0;
  problems: ProgrammeProblem[] = [];
  private readonly listeners = new Set<(change: ProgrammeChange) => void>();

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void = (line) => console.error(line),
    /**
     * Fair time when the server started: a sample programme ("sampleAsOf") is moved so that its
     * instant falls here. Fixed for the store's life, so a reload never moves the events again.
     */
    private readonly sampleNow?: number,
  ) {}

  async load(): Promise<void> {
    const read = await readProgrammeSources(this.dir);
    const result = validateProgramme(read.sources, { readProblems: read.problems });
    const asOf = result.programme?.meta.sampleAsOf;
    if (result.programme && asOf && this.sampleNow !== undefined) {
      result.programme = shiftProgramme(result.programme, sampleProgrammeShiftMs(asOf, this.sampleNow));
    }
    const before = this.problems.map(formatProblem).join('\n');
    this.problems = result.problems;
    for (const p of this.problems) this.log(`[programme] refused: ${formatProblem(p)}`);
    let changed = false;
    if (result.programme && JSON.stringify(result.programme) !== JSON.stringify(this.current)) {
      this.current = result.programme;
      // Own-key maps: an id such as "__proto__" must find nothing rather than Object.prototype.
      this.eventsById = new Map(result.programme.events.map((e) => [e.id, e]));
      this.speakersById = new Map(result.programme.speakers.map((s) => [s.id, s]));
      this.revision++;
      changed = true;
    }
    const problemsChanged = this.problems.map(formatProblem).join('\n') !== before;
    if (!changed && !problemsChanged) return;
    for (const fn of this.listeners) fn({ changed, problems: this.problems });
  }

  /** Called after every load that changed the programme or the problem list; returns a dispose. */
  onChange(listener: (change: ProgrammeChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get programme(): Programme | null {
    return this.current;
  }

  event(id: string): ProgrammeEvent | undefined {
    return this.eventsById.get(id);
  }

  speaker(id: string): Speaker | undefined {
    return this.speakersById.get(id);
  }
}
