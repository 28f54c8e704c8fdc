// Leads in leads.json: callback requests and business cards, kept in arrival order. A lead is
// acknowledged to the visitor only after this file holds it (see storage.ts).
import { z } from 'zod';
import { Lead, type LeadPatch, MailState } from '../../../shared/leads.ts';
import type { LeadStore } from '../storage.ts';
import type { LowdbContext } from './context.ts';
import { openJsonDoc } from './jsonFile.ts';

export const LeadsFile = z.object({ schema: z.literal(1), leads: z.array(Lead) });
type LeadsFile = z.infer<typeof LeadsFile>;

export async function openLeads(file: string, ctx: LowdbContext): Promise<LeadStore> {
  const db = await openJsonDoc<LeadsFile>(file, { schema: LeadsFile, empty: { schema: 1, leads: [] }, disk: ctx.disk });

  // Id → position. Leads are only appended or replaced in place, so the index only ever grows
  // by the tail of the last written list.
  const byId = new Map<string, number>();
  let indexed = 0;
  function find(id: string): { lead: Lead; at: number } | undefined {
    const leads = db.data.leads;
    for (; indexed < leads.length; indexed++) byId.set(leads[indexed]!.id, indexed);
    const at = byId.get(id);
    if (at === undefined) return undefined;
    const lead = leads[at];
    return lead && { lead, at };
  }

  /** Replaces a lead by id in the next value; undefined (nothing written) when it is missing. */
  async function change(id: string, edit: (l: Lead) => Lead): Promise<Lead | undefined> {
    if (!find(id)) return undefined;
    const next = await db.update((cur) => {
      const at = cur.leads.findIndex((l) => l.id === id);
      return { ...cur, leads: cur.leads.with(at, edit(cur.leads[at]!)) };
    });
    const lead = next.leads.find((l) => l.id === id);
    return lead && structuredClone(lead);
  }

  return {
    async addLead(lead) {
      const valid = Lead.parse(lead);
      await db.update((cur) => {
        if (cur.leads.some((l) => l.id === valid.id)) throw new Error(`lead ${valid.id} exists`);
        return { ...cur, leads: [...cur.leads, valid] };
      });
    },
    async listLeads(exhibitorId) {
      const own = db.data.leads.filter((l) => l.exhibitorId === exhibitorId);
      // Newest first; arrival order breaks ties within the same millisecond.
      return own
        .reverse()
        .map((l) => structuredClone(l))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async getLead(id) {
      const l = find(id)?.lead;
      return l && structuredClone(l);
    },
    async updateLead(id, patch: LeadPatch) {
      return change(id, (l) => ({
        ...l,
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
      }));
    },
    async setLeadMail(id, mail) {
      const valid = MailState.parse(mail);
      return change(id, (l) => ({ ...l, mail: valid }));
    },
  };
}
