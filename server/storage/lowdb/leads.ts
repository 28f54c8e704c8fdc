// Leads in leads.json: callback requests and business cards, kept in arrival order. A lead is
// acknowledged to the visitor only after this file holds it (see storage.ts).
import { Lead, type LeadPatch, MailState } from '../../../shared/leads.ts';
import type { LeadStore } from '../storage.ts';
import { openJsonFile } from './jsonFile.ts';

interface LeadsFile {
  schema: 1;
  leads: Lead[];
}

export async function openLeads(file: string): Promise<LeadStore> {
  const db = await openJsonFile<LeadsFile>(file, { schema: 1, leads: [] });
  const byId = new Map(db.data.leads.map((l) => [l.id, l]));

  return {
    async addLead(lead) {
      const valid = Lead.parse(lead);
      if (byId.has(valid.id)) throw new Error(`lead ${valid.id} exists`);
      await db.update((data) => {
        data.leads.push(valid);
        byId.set(valid.id, valid);
      });
    },
    async listLeads(exhibitorId) {
      const own = db.data.leads.filter((l) => l.exhibitorId === exhibitorId);
      // Newest first; arrival order breaks ties within the same millisecond.
      return own.reverse().map((l) => structuredClone(l)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async getLead(id) {
      const l = byId.get(id);
      return l && structuredClone(l);
    },
    async updateLead(id, patch: LeadPatch) {
      const l = byId.get(id);
      if (!l) return undefined;
      await db.update(() => {
        if (patch.status !== undefined) l.status = patch.status;
        if (patch.note !== undefined) l.note = patch.note;
      });
      return structuredClone(l);
    },
    async setLeadMail(id, mail) {
      const l = byId.get(id);
      if (!l) return undefined;
      const valid = MailState.parse(mail);
      await db.update(() => {
        l.mail = valid;
      });
      return structuredClone(l);
    },
  };
}
