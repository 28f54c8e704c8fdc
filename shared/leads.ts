// Leads: what visitors hand to an exhibitor (a callback request, a business card for
// materials by e-mail). Bodies are validated here for the form, the API and the store alike.
import { z } from 'zod';

const Name = z.string().trim().min(2, 'enter a name').max(100);
/** Phones as people type them: digits with spaces, dashes, brackets and a leading +. */
export const Phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9 ()-]{6,}$/, 'enter a phone number, e.g. +7 999 123-45-67')
  .refine((p) => p.replace(/\D/g, '').length >= 6 && p.replace(/\D/g, '').length <= 15, 'a phone number has 6 to 15 digits');

export const CallbackRequest = z.strictObject({
  name: Name,
  phone: Phone,
  /** Free text: "weekdays after 15:00". */
  preferredTime: z.string().trim().max(100).default(''),
  question: z.string().trim().max(2000).default(''),
  /** Consent to processing personal data (152-FZ); the form cannot be sent without it. */
  consent: z.literal(true, 'consent to processing personal data is required'),
});
export type CallbackRequest = z.infer<typeof CallbackRequest>;

export const BusinessCard = z.strictObject({
  name: Name,
  organisation: z.string().trim().min(1, 'enter an organisation').max(200),
  position: z.string().trim().max(120).default(''),
  email: z.email('enter an e-mail address').max(200),
  phone: z.union([Phone, z.literal('')]).default(''),
});
export type BusinessCard = z.infer<typeof BusinessCard>;

/** "Send me the materials" body: the card plus consent, for one stand. */
export const CardForMaterials = z.strictObject({
  card: BusinessCard,
  consent: z.literal(true, 'consent to processing personal data is required'),
});
export type CardForMaterials = z.infer<typeof CardForMaterials>;

export const LeadStatus = z.enum(['new', 'called', 'done']);
export type LeadStatus = z.infer<typeof LeadStatus>;

export const MailState = z.object({
  status: z.enum(['queued', 'sent', 'outbox', 'failed']),
  attempts: z.number().int().min(0),
  lastError: z.string().optional(),
  updatedAt: z.string(),
});
export type MailState = z.infer<typeof MailState>;

export const Lead = z.object({
  id: z.string(),
  exhibitorId: z.string(),
  /** The stand the visitor was at (an exhibitor may have several). */
  standId: z.string().optional(),
  createdAt: z.string(),
  status: LeadStatus,
  note: z.string().max(2000),
  kind: z.enum(['callback', 'card']),
  callback: CallbackRequest.omit({ consent: true }).optional(),
  card: BusinessCard.optional(),
  /** For cards: delivery of the materials e-mail. */
  mail: MailState.optional(),
});
export type Lead = z.infer<typeof Lead>;

export const LeadPatch = z
  .strictObject({ status: LeadStatus.optional(), note: z.string().max(2000).optional() })
  .refine((p) => p.status !== undefined || p.note !== undefined, 'nothing to change: send status or note');
export type LeadPatch = z.infer<typeof LeadPatch>;
