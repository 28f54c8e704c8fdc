// "My programme" (issue 12): what a visitor keeps of the business programme under their
// signed visitor id: starred events, reminder settings (lead time; an e-mail address only with
// consent), a secret calendar-feed address and one-time codes that move it all to another
// browser. Request bodies and answers are zod schemas, shared by the server and the client.
import { z } from 'zod';
import { Id } from './schema.ts';

/** At most this many starred events per visitor (the whole programme is ~200). */
export const MAX_STARRED = 500;
export const DEFAULT_LEAD_MINUTES = 10;
export const MAX_LEAD_MINUTES = 24 * 60;
/** A transfer code is valid this long, and only once. */
export const TRANSFER_TTL_MS = 15 * 60_000;

/**
 * Transfer codes: 10 characters of Crockford's base32 (no I, L, O, U), shown as "ABCDE-FGHJK":
 * 50 bits, single use and short-lived, so guessing one is hopeless; typed codes are forgiving
 * (lower case, spaces, dashes, O for 0, I/L for 1).
 */
export const TRANSFER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRANSFER_CODE_LENGTH = 10;

/** The canonical form of a typed code, or null when it cannot be one. */
export function normaliseTransferCode(typed: string): string | null {
  const t = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (t.length !== TRANSFER_CODE_LENGTH) return null;
  for (const ch of t) if (!TRANSFER_ALPHABET.includes(ch)) return null;
  return t;
}

/** "ABCDE-FGHJK" for reading aloud or typing. */
export function formatTransferCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export const StarBody = z.strictObject({
  eventId: Id,
  starred: z.boolean(),
});
export type StarBody = z.infer<typeof StarBody>;

export const ReminderBody = z
  .strictObject({
    leadMinutes: z.number().int().min(1, 'at least 1 minute before').max(MAX_LEAD_MINUTES, 'at most 24 hours before'),
    /** null: no e-mail reminders (the address is forgotten). */
    email: z.string().trim().toLowerCase().max(254).pipe(z.email('enter an e-mail address')).nullable(),
    /** Required (true) with an address: the visitor agrees to receive reminders there. */
    consent: z.boolean().optional(),
  })
  .refine((b) => b.email === null || b.consent === true, { path: ['consent'], message: 'reminders by e-mail need your consent' });
export type ReminderBody = z.infer<typeof ReminderBody>;

export const RedeemBody = z.strictObject({
  code: z.string().max(40).transform((c, ctx) => {
    const n = normaliseTransferCode(c);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: `a code is ${TRANSFER_CODE_LENGTH} letters and digits, e.g. "7K3QD-M9XA2"` });
      return z.NEVER;
    }
    return n;
  }),
});
export type RedeemBody = z.infer<typeof RedeemBody>;

export const StarredEvent = z.object({ eventId: z.string(), at: z.number() });
export type StarredEvent = z.infer<typeof StarredEvent>;

export const ReminderSettings = z.object({
  leadMinutes: z.number().int(),
  email: z.string().nullable(),
  /** When the visitor consented to the address (ms since the epoch); null without one. */
  consentAt: z.number().nullable(),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DEFAULT_REMINDERS: ReminderSettings = { leadMinutes: DEFAULT_LEAD_MINUTES, email: null, consentAt: null };

/** GET /api/programme/my: the visitor's own programme (nobody else's can be asked for). */
export const MyProgrammeView = z.object({
  starred: z.array(StarredEvent),
  /**
   * The starred events still in the programme, in brief: enough for in-page reminders on any
   * page (the hall loads no schedule).
   */
  events: z.array(z.object({ id: z.string(), title: z.object({ ru: z.string(), en: z.string().optional() }), start: z.string(), duration: z.number() })),
  /** Starred events since removed from the programme, as they were last seen (the page lists them as cancelled). */
  removed: z.array(z.object({ id: z.string(), title: z.object({ ru: z.string(), en: z.string().optional() }), start: z.string() })),
  reminders: ReminderSettings,
  /**
   * Path of the subscribable calendar (.ics) feed; secret, like a password. Null until the
   * visitor stars something or asks for one (a mere visit writes nothing).
   */
  feedPath: z.string().nullable(),
});
export type MyProgrammeView = z.infer<typeof MyProgrammeView>;

export const TransferCodeView = z.object({
  code: z.string(),
  /** The same code as a link to open in the other browser. */
  linkPath: z.string(),
  expiresAt: z.number(),
});
export type TransferCodeView = z.infer<typeof TransferCodeView>;
