// Exhibitors in db.json, by id.
import { z } from 'zod';
import { Exhibitor, ExhibitorList } from '../../../shared/exhibitor.ts';
import type { ExhibitorStore } from '../storage.ts';
import type { LowdbContext } from './context.ts';
import { openJsonDoc } from './jsonFile.ts';
import { own } from './own.ts';

export const ExhibitorsFile = z.object({ schema: z.literal(1), exhibitors: z.record(z.string(), Exhibitor) });
type ExhibitorsFile = z.infer<typeof ExhibitorsFile>;

export async function openExhibitors(file: string, ctx: LowdbContext): Promise<ExhibitorStore> {
  const db = await openJsonDoc<ExhibitorsFile>(file, { schema: ExhibitorsFile, empty: { schema: 1, exhibitors: {} }, disk: ctx.disk });

  return {
    async listExhibitors() {
      return Object.values(db.data.exhibitors);
    },
    async getExhibitor(id) {
      return own(db.data.exhibitors, id);
    },
    async upsertExhibitors(items) {
      const valid = ExhibitorList.parse(items);
      await db.update((cur) => ({ ...cur, exhibitors: { ...cur.exhibitors, ...Object.fromEntries(valid.map((e) => [e.id, e])) } }));
    },
  };
}
