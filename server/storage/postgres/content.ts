// Stand interiors in PostgreSQL: one jsonb row per exhibitor that has one.
import { EMPTY_CONTENT, StandContent } from '../../../shared/standContent.ts';
import type { ContentStore } from '../storage.ts';
import { type Db, jsonParam } from './db.ts';

export function pgContent(db: Db): ContentStore {
  return {
    async getContent(exhibitorId) {
      const { rows } = await db.query<{ data: StandContent }>('SELECT data FROM stand_content WHERE exhibitor_id = $1', [exhibitorId]);
      return rows[0]?.data ?? structuredClone(EMPTY_CONTENT);
    },
    async putContent(exhibitorId, content) {
      const valid = StandContent.parse(content);
      await db.query(
        `INSERT INTO stand_content (exhibitor_id, data) VALUES ($1, $2::jsonb)
         ON CONFLICT (exhibitor_id) DO UPDATE SET data = excluded.data`,
        [exhibitorId, jsonParam(valid)],
      );
    },
    async exhibitorsWithContent() {
      const { rows } = await db.query<{ exhibitor_id: string }>('SELECT exhibitor_id FROM stand_content ORDER BY seq');
      return rows.map((r) => r.exhibitor_id);
    },
  };
}
