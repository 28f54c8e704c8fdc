// Exhibitors as organisers see them: each with its stands (from the floor files), how complete
// its stand is (logo, description, video, gallery, materials, webinars) and its staff count;
// and creating one (accounts and stands follow by invitation and assignment).
import type { Me } from '../../shared/accounts.ts';
import { CategoryId } from '../../shared/categories.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import { type ExhibitorOverview, type ExhibitorRow, type NewExhibitorBody, type StandPart, missingParts } from '../../shared/organiser.ts';
import type { LevelStore } from '../levels/levelStore.ts';
import type { Storage } from '../storage/storage.ts';
import { audit } from './audit.ts';
import { Refused } from './invitations.ts';

/** The logo a new exhibitor gets until it uploads its own (counts as "no logo"). */
export const PLACEHOLDER_LOGO = 'logos/placeholder.svg';

export async function exhibitorOverview(storage: Storage, levels: LevelStore): Promise<ExhibitorOverview> {
  const [exhibitors, accounts] = await Promise.all([storage.listExhibitors(), storage.listAccounts()]);
  const standsOf = new Map<string, { floor: string; stand: string }[]>();
  for (const d of levels.directory()) {
    const list = standsOf.get(d.exhibitor) ?? [];
    list.push({ floor: d.floor, stand: d.stand });
    standsOf.set(d.exhibitor, list);
  }
  const staff = new Map<string, number>();
  for (const a of accounts) for (const e of a.exhibitors) staff.set(e, (staff.get(e) ?? 0) + 1);
  const rows: ExhibitorRow[] = await Promise.all(
    exhibitors.map(async (e) => {
      const c = await storage.getContent(e.id);
      const parts: Record<StandPart, boolean> = {
        logo: e.logo !== PLACEHOLDER_LOGO,
        description: e.description.trim().length > e.short.trim().length,
        video: c.video !== undefined,
        gallery: c.gallery.length > 0,
        materials: c.materials.length > 0,
        webinars: c.webinars.length > 0,
      };
      return { id: e.id, name: e.name, category: e.category, stands: standsOf.get(e.id) ?? [], parts, staff: staff.get(e.id) ?? 0 };
    }),
  );
  rows.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const { stands, missing } = missingParts(rows);
  return { rows, stands, missing };
}

export async function createExhibitor(storage: Storage, me: Me, body: NewExhibitorBody): Promise<Exhibitor> {
  const category = CategoryId.safeParse(body.category);
  if (!category.success) throw new Refused(400, `unknown category ${body.category}`);
  if (await storage.getExhibitor(body.id)) throw new Refused(409, `exhibitor ${body.id} exists`);
  const exhibitor: Exhibitor = {
    id: body.id,
    name: body.name,
    category: category.data,
    colour: '#64748b',
    logo: PLACEHOLDER_LOGO,
    short: body.short,
    description: body.short,
    contacts: {},
  };
  await storage.upsertExhibitors([exhibitor]);
  await audit(storage, me, 'exhibitor.create', body.id, body.name);
  return exhibitor;
}
