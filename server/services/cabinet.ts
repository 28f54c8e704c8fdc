// Cabinet edits as load → pure rule (shared/exhibitorEdit.ts) → save, in one place, so the
// HTTP handler only parses and answers. Edits of one exhibitor's card run one after another:
// two concurrent edits never both read the same "current" card and lose one another.
import type { Role } from '../../shared/accounts.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import { type EditOutcome, type ExhibitorEdit, exhibitorEdit } from '../../shared/exhibitorEdit.ts';
import type { ExhibitorStore } from '../storage/storage.ts';

export class CabinetService {
  private readonly editing = new Map<string, Promise<unknown>>();

  constructor(private readonly store: ExhibitorStore) {}

  /** Undefined when there is no such exhibitor. */
  async editExhibitor(id: string, edit: ExhibitorEdit, role: Role): Promise<EditOutcome<Exhibitor> | undefined> {
    const run = (this.editing.get(id) ?? Promise.resolve()).then(async () => {
      const current = await this.store.getExhibitor(id);
      if (!current) return undefined;
      const outcome = exhibitorEdit(current, edit, role);
      if (outcome.ok) await this.store.upsertExhibitors([outcome.next]);
      return outcome;
    });
    const settled = run.catch(() => {});
    this.editing.set(id, settled);
    void settled.then(() => {
      if (this.editing.get(id) === settled) this.editing.delete(id);
    });
    return run;
  }
}
