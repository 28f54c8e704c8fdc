// Leads in PostgreSQL: the validated lead as jsonb, with its exhibitor and time as columns for
// the cabinet's list (newest first; arrival order breaks ties within one millisecond). An
// update is one statement on one row, so concurrent edits from several processes never lose
// each other's fields.
import { Lead, type LeadPatch, MailState } from '../../../shared/leads.ts';
import type { LeadStore } from '../storage.ts';
import { type Db, UNIQUE_VIOLATION, jsonParam, sqlState } from './db.ts';

export function pgLeads(db: Db): LeadStore {
  async function change(id: string, patch: Record<string, unknown>): Promise<Lead | undefined> {
    const { rows } = await db.query<{ data: Lead }>('UPDATE leads SET data = data || $2::jsonb WHERE id = $1 RETURNING data', [id, jsonParam(patch)]);
    return rows[0]?.data;
  }

  return {
    async addLead(lead) {
      const valid = Lead.parse(lead);
      try {
        await db.query('INSERT INTO leads (id, exhibitor_id, created_at, data) VALUES ($1, $2, $3, $4::jsonb)', [
          valid.id,
          valid.exhibitorId,
          valid.createdAt,
          jsonParam(valid),
        ]);
      } catch (e) {
        if (sqlState(e) === UNIQUE_VIOLATION) throw new Error(`lead ${valid.id} exists`, { cause: e });
        throw e;
      }
    },
    async listLeads(exhibitorId) {
      const { rows } = await db.query<{ data: Lead }>('SELECT data FROM leads WHERE exhibitor_id = $1 ORDER BY created_at DESC, seq DESC', [exhibitorId]);
      return rows.map((r) => r.data);
    },
    async getLead(id) {
      const { rows } = await db.query<{ data: Lead }>('SELECT data FROM leads WHERE id = $1', [id]);
      return rows[0]?.data;
    },
    async updateLead(id, patch: LeadPatch) {
      return change(id, {
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
      });
    },
    async setLeadMail(id, mail) {
      return change(id, { mail: MailState.parse(mail) });
    },
  };
}
