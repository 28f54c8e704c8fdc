// Narrowing the leads table: kind, status, a text search over everything a visitor wrote and
// the exhibitor's note, and a range of local days. Pure, so the table and the CSV agree.
import type { Lead } from '../../../../../shared/leads.ts';
import type { LeadFilter } from '../../../store/cabinetSlice.ts';

/** Lower case with ё folded into е: people type "Семенов" for "Семёнов". */
const fold = (s: string): string => s.toLocaleLowerCase('ru').replace(/ё/g, 'е');

function haystack(lead: Lead): string {
  const parts = [lead.note];
  if (lead.callback) parts.push(lead.callback.name, lead.callback.phone, lead.callback.preferredTime, lead.callback.question);
  if (lead.card) parts.push(lead.card.name, lead.card.organisation, lead.card.position, lead.card.email, lead.card.phone);
  return fold(parts.join('\n'));
}

/** Start of a local day "YYYY-MM-DD" in ms, or null for an empty or malformed value. */
function dayStart(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : null;
}

export function filterLeads(leads: readonly Lead[], f: LeadFilter): Lead[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  const from = dayStart(f.from);
  const toStart = dayStart(f.to);
  const to = toStart === null ? null : toStart + 24 * 3600_000;
  return leads.filter((lead) => {
    if (f.kind !== 'all' && lead.kind !== f.kind) return false;
    if (f.status !== 'all' && lead.status !== f.status) return false;
    const at = Date.parse(lead.createdAt);
    if (from !== null && at < from) return false;
    if (to !== null && at >= to) return false;
    if (words.length > 0) {
      const text = haystack(lead);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

export function isFiltered(f: LeadFilter): boolean {
  return f.kind !== 'all' || f.status !== 'all' || f.text.trim() !== '' || f.from !== '' || f.to !== '';
}

/** The visitor's name, whichever form they sent. */
export function leadName(lead: Lead): string {
  return lead.callback?.name ?? lead.card?.name ?? '';
}
