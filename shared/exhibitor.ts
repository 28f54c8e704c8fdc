// Exhibitor content: who owns a stand. Layouts reference exhibitors by id only.
import { z } from 'zod';
import { CategoryId } from './categories.ts';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is "#rrggbb"');

export const Contacts = z.strictObject({
  /** http(s) only: the stand page renders it as a link, so "javascript:" must never pass. */
  site: z.url({ protocol: /^https?$/, error: 'a link must start with http:// or https://' }).optional(),
  email: z.email().optional(),
  phone: z.string().min(5).max(40).optional(),
  address: z.string().max(200).optional(),
});
export type Contacts = z.infer<typeof Contacts>;

/**
 * The card's texts in English, each optional: a visitor reading in English sees these where
 * they are given and the Russian text (marked lang="ru") where not. The name is the brand and
 * is shown as it is in both languages.
 */
export const ExhibitorEnglish = z.strictObject({
  short: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  city: z.string().max(80).optional(),
  address: z.string().max(200).optional(),
});
export type ExhibitorEnglish = z.infer<typeof ExhibitorEnglish>;

export const Exhibitor = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1).max(120),
  category: CategoryId,
  /** Brand colour used for the stand on the canvas. */
  colour: Colour,
  /** Path of the logo under /assets, e.g. "logos/uchi-plus.svg". */
  logo: z.string().regex(/^[a-z0-9/_.-]+\.(svg|png|jpg|webp)$/),
  short: z.string().min(1).max(200),
  description: z.string().min(1).max(4000),
  contacts: Contacts,
  /** City of the head office, shown on the stand page. */
  city: z.string().max(80).optional(),
  en: ExhibitorEnglish.optional(),
});
export type Exhibitor = z.infer<typeof Exhibitor>;

export const ExhibitorList = z.array(Exhibitor);
