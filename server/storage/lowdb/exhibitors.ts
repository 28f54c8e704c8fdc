// Exhibitors in db.json, seeded from assets/seed/exhibitors.json on first start.
import fs from 'node:fs/promises';
import { type Exhibitor, ExhibitorList } from '../../../shared/exhibitor.ts';
import type { ExhibitorStore } from '../storage.ts';
import { openJsonFile } from './jsonFile.ts';

export async function openExhibitors(file: string, seedFile: string): Promise<ExhibitorStore> {
  const db = await openJsonFile(file, { schema: 1, exhibitors: {} as Record<string, Exhibitor> }, async () => {
    const seed = ExhibitorList.parse(JSON.parse(await fs.readFile(seedFile, 'utf8')));
    return { schema: 1, exhibitors: Object.fromEntries(seed.map((e) => [e.id, e])) };
  });

  return {
    async listExhibitors() {
      return Object.values(db.data.exhibitors);
    },
    async getExhibitor(id) {
      return Object.hasOwn(db.data.exhibitors, id) ? db.data.exhibitors[id] : undefined;
    },
    async upsertExhibitors(items) {
      const valid = ExhibitorList.parse(items);
      await db.update((data) => {
        for (const e of valid) data.exhibitors[e.id] = e;
      });
    },
  };
}
