// Exhibitors in PostgreSQL: one row per exhibitor, the validated record as jsonb, listed in
// the order they were first stored.
import { type Exhibitor, ExhibitorList } from '../../../shared/exhibitor.ts';
import type { ExhibitorStore } from '../storage.ts';
import { type Db, jsonParam } from './db.ts';

export function pgExhibitors(db: Db): ExhibitorStore {
  return {
    async listExhibitors() {
      const { rows } = await db.query<{ data: Exhibitor }>('SELECT data FROM exhibitors ORDER BY seq');
      return rows.map((r) => r.data);
    },
    async getExhibitor(id) {
      const { rows } = await db.query<{ data: Exhibitor }>('SELECT data FROM exhibitors WHERE id = $1', [id]);
      return rows[0]?.data;
    },
    async upsertExhibitors(items) {
      const valid = ExhibitorList.parse(items);
      // One statement, so all or nothing; the last of two items with one id wins, as in lowdb.
      const byId = new Map(valid.map((e) => [e.id, e]));
      if (byId.size === 0) return;
      await db.query(
        `INSERT INTO exhibitors (id, data)
         SELECT e ->> 'id', e FROM jsonb_array_elements($1::jsonb) AS e
         ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
        [jsonParam([...byId.values()])],
      );
    },
  };
}
