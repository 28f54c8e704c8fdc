// "My programme" in its own folder, data/visitor-programme/: visitors spread over 32 files
// by a hash of their id (v00.json … v31.json), so a star rewrites one visitor's share of the
// fair, not every visitor's; shared.json holds the transfer codes (hashes only) and the event
// ledger. Each file is a JsonDoc (durable before acknowledged, concurrent changes share one
// write). The feed tokens are indexed in memory when the folder is opened.
import path from 'node:path';
import { z } from 'zod';
import type { LedgerEntry } from '../../../shared/programme/eventLedger.ts';
import { DEFAULT_REMINDERS } from '../../../shared/programme/myProgramme.ts';
import { type VisitorProgrammeRecord, type VisitorProgrammeStore, mergedProgramme } from '../visitorProgrammeStore.ts';
import type { LowdbContext } from './context.ts';
import { type JsonDoc, openJsonDoc } from './jsonFile.ts';
import { own, withKey, withoutKeys } from './own.ts';

export const SHARDS = 32;

const RecordSchema = z.object({
  starred: z.array(z.object({ eventId: z.string(), at: z.number() })),
  reminders: z.object({ leadMinutes: z.number().int(), email: z.string().nullable(), consentAt: z.number().nullable() }),
  sent: z.array(z.object({ eventId: z.string(), startMs: z.number(), at: z.number() })),
  feedToken: z.string().nullable(),
});
export const ShardFile = z.object({ schema: z.literal(1), visitors: z.record(z.string(), RecordSchema) });
type ShardFile = z.infer<typeof ShardFile>;

const TextSchema = z.object({ ru: z.string(), en: z.string().optional() });
const LedgerSchema = z.object({
  eventId: z.string(),
  hash: z.string(),
  sequence: z.number().int(),
  modifiedAt: z.number(),
  cancelled: z.boolean(),
  snapshot: z.object({ title: TextSchema, start: z.string(), duration: z.number(), cluster: z.string() }),
});
export const SharedFile = z.object({
  schema: z.literal(1),
  transfers: z.record(z.string(), z.object({ visitorId: z.string(), expiresAt: z.number() })),
  ledger: z.record(z.string(), LedgerSchema),
});
type SharedFile = z.infer<typeof SharedFile>;

const empty = (): VisitorProgrammeRecord => ({ starred: [], reminders: { ...DEFAULT_REMINDERS }, sent: [], feedToken: null });

function shardOf(visitorId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < visitorId.length; i++) h = Math.imul(h ^ visitorId.charCodeAt(i), 0x01000193) >>> 0;
  return h % SHARDS;
}

/** Transfer codes kept past their expiry for this long at most (they are refused anyway). */
const EXPIRED_KEEP_MS = 24 * 3600_000;

export async function openVisitorProgramme(dir: string, ctx: LowdbContext): Promise<VisitorProgrammeStore> {
  const shards: JsonDoc<ShardFile>[] = [];
  for (let i = 0; i < SHARDS; i++) {
    shards.push(
      await openJsonDoc<ShardFile>(path.join(dir, `v${String(i).padStart(2, '0')}.json`), { schema: ShardFile, empty: { schema: 1, visitors: {} }, disk: ctx.disk }),
    );
  }
  const shared = await openJsonDoc<SharedFile>(path.join(dir, 'shared.json'), { schema: SharedFile, empty: { schema: 1, transfers: {}, ledger: {} }, disk: ctx.disk });
  const tokens = new Map<string, string>();
  for (const s of shards) for (const [id, r] of Object.entries(s.data.visitors)) if (r.feedToken) tokens.set(r.feedToken, id);

  const docOf = (visitorId: string) => shards[shardOf(visitorId)]!;
  const read = (visitorId: string): VisitorProgrammeRecord => own(docOf(visitorId).data.visitors, visitorId) ?? empty();

  /** Applies `change` to one visitor's record (a pure step; may throw to refuse). */
  async function update(visitorId: string, change: (r: VisitorProgrammeRecord) => VisitorProgrammeRecord): Promise<VisitorProgrammeRecord> {
    let out: VisitorProgrammeRecord = empty();
    await docOf(visitorId).update((cur) => {
      const before = own(cur.visitors, visitorId) ?? empty();
      out = change(before);
      return out === before ? cur : { ...cur, visitors: withKey(cur.visitors, visitorId, out) };
    });
    return out;
  }

  return {
    async visitorProgramme(visitorId) {
      return structuredClone(read(visitorId));
    },
    async setStarred(visitorId, eventId, starred, at, limit) {
      let changed = false;
      await update(visitorId, (r) => {
        const has = r.starred.some((s) => s.eventId === eventId);
        if (has === starred) return r;
        if (starred && r.starred.length >= limit) throw new Error(`at most ${limit} starred events`);
        changed = true;
        return { ...r, starred: starred ? [...r.starred, { eventId, at }] : r.starred.filter((s) => s.eventId !== eventId) };
      });
      return changed;
    },
    async setReminderSettings(visitorId, settings) {
      const valid = RecordSchema.shape.reminders.parse(settings);
      await update(visitorId, (r) => ({ ...r, reminders: valid }));
    },
    async markReminderSent(visitorId, mark) {
      let marked = false;
      await update(visitorId, (r) => {
        if (r.sent.some((m) => m.eventId === mark.eventId && m.startMs === mark.startMs)) return r;
        marked = true;
        return { ...r, sent: [...r.sent, { ...mark }] };
      });
      return marked;
    },
    async ensureFeedToken(visitorId, fresh) {
      const r = await update(visitorId, (cur) => (cur.feedToken ? cur : { ...cur, feedToken: fresh }));
      tokens.set(r.feedToken!, visitorId);
      return r.feedToken!;
    },
    async replaceFeedToken(visitorId, fresh) {
      const before = read(visitorId).feedToken;
      await update(visitorId, (cur) => ({ ...cur, feedToken: fresh }));
      if (before) tokens.delete(before);
      tokens.set(fresh, visitorId);
    },
    async visitorOfFeedToken(token) {
      const id = tokens.get(token);
      // The index may lag a merge that moved the token: the record decides.
      return id !== undefined && read(id).feedToken === token ? id : undefined;
    },
    async visitorsWithReminderEmail() {
      const out: { visitorId: string; record: VisitorProgrammeRecord }[] = [];
      for (const s of shards) {
        for (const [visitorId, record] of Object.entries(s.data.visitors)) {
          if (record.reminders.email !== null && record.starred.length > 0) out.push({ visitorId, record: structuredClone(record) });
        }
      }
      return out;
    },
    async mergeVisitorProgramme(from, into) {
      if (from === into) return;
      const source = read(from);
      // `into` first: should emptying `from` then fail, the stars are in both, never in neither.
      const merged = await update(into, (r) => mergedProgramme(source, r));
      await update(from, () => empty());
      if (merged.feedToken) tokens.set(merged.feedToken, into);
    },

    async addTransferCode(code) {
      await shared.update((cur) => {
        // Long-expired codes go with the next one (measured on the codes' own clock, not this process's).
        const kept = withoutKeys(cur.transfers, (_k, t) => t.expiresAt + EXPIRED_KEEP_MS < code.expiresAt);
        return { ...cur, transfers: withKey(kept, code.codeHash, { visitorId: code.visitorId, expiresAt: code.expiresAt }) };
      });
    },
    async takeTransferCode(codeHash, now) {
      let found: { visitorId: string; expiresAt: number } | undefined;
      await shared.update((cur) => {
        found = own(cur.transfers, codeHash);
        return found ? { ...cur, transfers: withoutKeys(cur.transfers, (k) => k === codeHash) } : cur;
      });
      return found && found.expiresAt > now ? found.visitorId : undefined;
    },

    async eventLedger() {
      return structuredClone(Object.values(shared.data.ledger));
    },
    async putEventLedger(entries: LedgerEntry[]) {
      const valid = entries.map((e) => LedgerSchema.parse(e));
      if (valid.length === 0) return;
      await shared.update((cur) => {
        let ledger = cur.ledger;
        for (const e of valid) ledger = withKey(ledger, e.eventId, e);
        return { ...cur, ledger };
      });
    },
  };
}
