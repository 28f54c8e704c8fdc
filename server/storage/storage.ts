// What the server needs from a data store. The embedded default is lowdb in one process;
// a PostgreSQL implementation will sit behind the same interface when the fair scales out.
import type { Exhibitor } from '../../shared/exhibitor.ts';

export interface Storage {
  listExhibitors(): Promise<Exhibitor[]>;
  getExhibitor(id: string): Promise<Exhibitor | undefined>;
  /** Creates or replaces exhibitors by id, all or nothing. */
  upsertExhibitors(items: Exhibitor[]): Promise<void>;
  close(): Promise<void>;
}
