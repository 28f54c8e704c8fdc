// What a stand holds beyond its card: video, gallery, materials, webinars. Keyed by exhibitor
// id (one exhibitor may rent several stands and shows the same interior on each). Media paths
// are either sample assets ("assets/...") or uploads ("uploads/...") served by the server.
import { z } from 'zod';

/** A server-relative media path: sample assets or an upload; never a full URL or "..". */
export const MediaPath = z
  .string()
  .max(300)
  .regex(/^(assets|uploads)\/[a-z0-9][a-z0-9/_.-]*$/, 'a media path is "assets/..." or "uploads/..."')
  .refine((p) => !p.includes('..'), 'a media path may not contain ".."');
export type MediaPath = z.infer<typeof MediaPath>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is lowercase letters, digits and dashes');
const HttpUrl = z.url({ protocol: /^https?$/, error: 'a link must start with http:// or https://' }).max(500);

export const Captions = z.strictObject({
  lang: z.enum(['ru', 'en']),
  label: z.string().min(1).max(40),
  src: MediaPath,
});

// English beside the Russian, per item and each field optional (shared/localized.ts picks the
// text to show and falls back to Russian).
const EnglishTitle = z.strictObject({ title: z.string().max(200).optional() });

export const StandVideo = z.strictObject({
  title: z.string().min(1).max(200),
  en: EnglishTitle.optional(),
  src: MediaPath,
  poster: MediaPath.optional(),
  captions: z.array(Captions).max(4).default([]),
});
export type StandVideo = z.infer<typeof StandVideo>;

export const GalleryItem = z.strictObject({
  id: Id,
  title: z.string().min(1).max(120),
  description: z.string().max(1000).default(''),
  en: z.strictObject({ title: z.string().max(120).optional(), description: z.string().max(1000).optional() }).optional(),
  image: MediaPath,
  /** Price in roubles; absent means "on request". */
  price: z.number().int().min(0).max(100_000_000).optional(),
  link: HttpUrl.optional(),
});
export type GalleryItem = z.infer<typeof GalleryItem>;

export const Material = z.strictObject({
  id: Id,
  title: z.string().min(1).max(200),
  en: EnglishTitle.optional(),
  file: MediaPath,
  /** MIME type and size in bytes, recorded when the file was added. */
  type: z.string().max(100),
  size: z.number().int().min(0),
});
export type Material = z.infer<typeof Material>;

export const WebinarKind = z.enum(['webinar', 'masterclass']);
export const Webinar = z.strictObject({
  id: Id,
  kind: WebinarKind,
  title: z.string().min(1).max(200),
  speaker: z.string().min(1).max(120),
  en: z.strictObject({ title: z.string().max(200).optional(), speaker: z.string().max(120).optional() }).optional(),
  /** ISO 8601 with offset; shown in the visitor's time zone. */
  start: z.iso.datetime({ offset: true }),
  durationMin: z.number().int().min(5).max(600),
  /** Where it is streamed (any platform). */
  link: HttpUrl,
  /** A recording, once there is one. */
  recording: HttpUrl.optional(),
});
export type Webinar = z.infer<typeof Webinar>;

export const StandContent = z.strictObject({
  video: StandVideo.optional(),
  gallery: z.array(GalleryItem).max(40).default([]),
  materials: z.array(Material).max(40).default([]),
  webinars: z.array(Webinar).max(40).default([]),
});
export type StandContent = z.infer<typeof StandContent>;

export const EMPTY_CONTENT: StandContent = { gallery: [], materials: [], webinars: [] };

export type WebinarStatus = 'upcoming' | 'live' | 'recorded' | 'past';

/** Status at a given moment; "recorded" once it ended and a recording exists. */
export function webinarStatus(w: Webinar, now: number): WebinarStatus {
  const start = Date.parse(w.start);
  const end = start + w.durationMin * 60_000;
  if (now < start) return 'upcoming';
  if (now < end) return 'live';
  return w.recording ? 'recorded' : 'past';
}
