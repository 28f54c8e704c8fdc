// The stand editor's draft: the exhibitor card and the stand interior as the form holds them
// (text as typed, prices and durations as strings, times in the local zone), converted to and
// from the shared schemas. Pure functions; the store keeps the draft, components edit it.
import { Exhibitor } from '../../../../../shared/exhibitor.ts';
import { compactEnglish } from '../../../../../shared/localized.ts';
import { GalleryItem, Material, StandContent, StandVideo, Webinar } from '../../../../../shared/standContent.ts';
import { type FieldErrors, issuesToErrors } from './fieldIssues.ts';
import { isoToLocalInput, localInputToIso } from './localTime.ts';

export interface ProfileForm {
  name: string;
  colour: string;
  logo: string;
  short: string;
  description: string;
  city: string;
  site: string;
  email: string;
  phone: string;
  address: string;
  /** The English texts as typed; blank ones are left out when saved. */
  en: { short: string; description: string; city: string; address: string };
}

export interface CaptionForm {
  /** Only for React keys: captions have no id of their own. */
  key: string;
  lang: 'ru' | 'en';
  label: string;
  src: string;
}

export interface VideoForm {
  title: string;
  titleEn: string;
  src: string;
  poster: string;
  captions: CaptionForm[];
}

export interface GalleryForm {
  id: string;
  title: string;
  description: string;
  titleEn: string;
  descriptionEn: string;
  image: string;
  onRequest: boolean;
  price: string;
  link: string;
}

export interface MaterialForm {
  id: string;
  title: string;
  titleEn: string;
  file: string;
  type: string;
  size: number;
}

export interface WebinarForm {
  id: string;
  kind: 'webinar' | 'masterclass';
  title: string;
  speaker: string;
  titleEn: string;
  speakerEn: string;
  /** datetime-local value in the exhibitor's zone. */
  start: string;
  durationMin: string;
  link: string;
  recording: string;
}

export interface EditorForm {
  profile: ProfileForm;
  video: VideoForm;
  gallery: GalleryForm[];
  materials: MaterialForm[];
  webinars: WebinarForm[];
}

export type ListName = 'gallery' | 'materials' | 'webinars';
type Lists = Pick<EditorForm, ListName>;

/** A fresh id in the schema's alphabet ("g-3f9a1c2e"). */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

export function toForm(exhibitor: Exhibitor, content: StandContent): EditorForm {
  const c = exhibitor.contacts;
  return {
    profile: {
      name: exhibitor.name,
      colour: exhibitor.colour,
      logo: exhibitor.logo,
      short: exhibitor.short,
      description: exhibitor.description,
      city: exhibitor.city ?? '',
      site: c.site ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
      address: c.address ?? '',
      en: {
        short: exhibitor.en?.short ?? '',
        description: exhibitor.en?.description ?? '',
        city: exhibitor.en?.city ?? '',
        address: exhibitor.en?.address ?? '',
      },
    },
    video: {
      title: content.video?.title ?? '',
      titleEn: content.video?.en?.title ?? '',
      src: content.video?.src ?? '',
      poster: content.video?.poster ?? '',
      captions: (content.video?.captions ?? []).map((cap, i) => ({ key: `cap-${i}`, ...cap })),
    },
    gallery: content.gallery.map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description,
      titleEn: g.en?.title ?? '',
      descriptionEn: g.en?.description ?? '',
      image: g.image,
      onRequest: g.price === undefined,
      price: g.price === undefined ? '' : String(g.price),
      link: g.link ?? '',
    })),
    materials: content.materials.map(({ en, ...m }) => ({ ...m, titleEn: en?.title ?? '' })),
    webinars: content.webinars.map((w) => ({
      id: w.id,
      kind: w.kind,
      title: w.title,
      speaker: w.speaker,
      titleEn: w.en?.title ?? '',
      speakerEn: w.en?.speaker ?? '',
      start: isoToLocalInput(w.start),
      durationMin: String(w.durationMin),
      link: w.link,
      recording: w.recording ?? '',
    })),
  };
}

const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The English half of an item as stored: trimmed, blank fields and empty objects left out. */
function english<T extends Record<string, string>>(fields: T): { [K in keyof T]?: string } | undefined {
  return compactEnglish(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()])) as T);
}

/** "1 500" → 1500; anything else that is not a whole number → NaN, which the schema refuses. */
function wholeNumber(s: string): number {
  const compact = s.replace(/[\s\u00a0]/g, '');
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

/** What the form would save as the exhibitor card (not yet validated). */
export function exhibitorCandidate(form: EditorForm, base: Exhibitor): Record<string, unknown> {
  const p = form.profile;
  return {
    id: base.id,
    category: base.category,
    name: p.name.trim(),
    colour: p.colour,
    logo: p.logo,
    short: p.short.trim(),
    description: p.description.trim(),
    city: optional(p.city),
    contacts: { site: optional(p.site), email: optional(p.email), phone: optional(p.phone), address: optional(p.address) },
    en: english(p.en),
  };
}

function videoCandidate(v: VideoForm): Record<string, unknown> | undefined {
  if (!v.title.trim() && !v.titleEn.trim() && !v.src && !v.poster && v.captions.length === 0) return undefined;
  return {
    title: v.title.trim(),
    en: english({ title: v.titleEn }),
    src: v.src,
    poster: optional(v.poster),
    captions: v.captions.map((c) => ({ lang: c.lang, label: c.label.trim(), src: c.src })),
  };
}

/** What the form would save as the stand interior (not yet validated). */
export function contentCandidate(form: EditorForm): Record<string, unknown> {
  return {
    video: videoCandidate(form.video),
    gallery: form.gallery.map((g) => ({
      id: g.id,
      title: g.title.trim(),
      description: g.description.trim(),
      en: english({ title: g.titleEn, description: g.descriptionEn }),
      image: g.image,
      price: g.onRequest ? undefined : wholeNumber(g.price),
      link: optional(g.link),
    })),
    materials: form.materials.map((m) => ({ id: m.id, title: m.title.trim(), en: english({ title: m.titleEn }), file: m.file, type: m.type, size: m.size })),
    webinars: form.webinars.map((w) => ({
      id: w.id,
      kind: w.kind,
      title: w.title.trim(),
      speaker: w.speaker.trim(),
      en: english({ title: w.titleEn, speaker: w.speakerEn }),
      start: localInputToIso(w.start),
      durationMin: wholeNumber(w.durationMin),
      link: w.link.trim(),
      recording: optional(w.recording),
    })),
  };
}

export interface Validated {
  exhibitor: Exhibitor | null;
  content: StandContent | null;
  errors: FieldErrors;
}

/** Checks the draft with the shared schemas, exactly as the server will. */
export function validateForm(form: EditorForm, base: Exhibitor): Validated {
  const exhibitor = Exhibitor.safeParse(exhibitorCandidate(form, base));
  const content = StandContent.safeParse(contentCandidate(form));
  return {
    exhibitor: exhibitor.success ? exhibitor.data : null,
    content: content.success ? content.data : null,
    errors: {
      ...(exhibitor.success ? {} : issuesToErrors('exhibitor', exhibitor.error.issues)),
      ...(content.success ? {} : issuesToErrors('', content.error.issues)),
    },
  };
}

/** The draft differs from what was last saved (or loaded). */
export function isDirty(ed: { draft: EditorForm; savedForm: EditorForm }): boolean {
  return JSON.stringify(ed.draft) !== JSON.stringify(ed.savedForm);
}

/** Which halves differ from what was saved (each has its own PUT). */
export function changedParts(draft: EditorForm, saved: EditorForm, base: Exhibitor): { exhibitor: boolean; content: boolean } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return {
    exhibitor: !same(exhibitorCandidate(draft, base), exhibitorCandidate(saved, base)),
    content: !same(contentCandidate(draft), contentCandidate(saved)),
  };
}

/**
 * The draft as the preview shows it while being typed: the card with whatever is in the
 * fields, and only the interior items that are already valid (a half-filled gallery card
 * appears once it is complete).
 */
export function previewOf(form: EditorForm, base: Exhibitor): { exhibitor: Exhibitor; content: StandContent } {
  const candidate = exhibitorCandidate(form, base) as Partial<Exhibitor> & { contacts: Exhibitor['contacts'] };
  // Contacts become links: one that does not pass the schema (a "javascript:" site) is left out.
  const contacts = { ...candidate.contacts };
  for (const issue of Exhibitor.safeParse(candidate).error?.issues ?? []) {
    if (issue.path[0] === 'contacts' && typeof issue.path[1] === 'string') delete contacts[issue.path[1] as keyof typeof contacts];
  }
  const exhibitor: Exhibitor = {
    ...base,
    ...candidate,
    contacts,
    name: candidate.name || base.name,
    colour: /^#[0-9a-fA-F]{6}$/.test(form.profile.colour) ? form.profile.colour : base.colour,
    logo: form.profile.logo || base.logo,
    short: candidate.short ?? '',
    description: candidate.description ?? '',
  };
  const c = contentCandidate(form);
  const keep = <T>(items: unknown, parse: (x: unknown) => { success: boolean; data?: T }): T[] =>
    (items as unknown[]).flatMap((x) => {
      const r = parse(x);
      return r.success && r.data !== undefined ? [r.data] : [];
    });
  const video = StandVideo.safeParse(c.video);
  return {
    exhibitor,
    content: {
      video: video.success ? video.data : undefined,
      gallery: keep(c.gallery, (x) => GalleryItem.safeParse(x)),
      materials: keep(c.materials, (x) => Material.safeParse(x)),
      webinars: keep(c.webinars, (x) => Webinar.safeParse(x)),
    },
  };
}

// Edits: each returns a new draft.

export function patchProfile(form: EditorForm, patch: Partial<ProfileForm>): EditorForm {
  return { ...form, profile: { ...form.profile, ...patch } };
}

export function patchVideo(form: EditorForm, patch: Partial<VideoForm>): EditorForm {
  return { ...form, video: { ...form.video, ...patch } };
}

export const EMPTY_VIDEO: VideoForm = { title: '', titleEn: '', src: '', poster: '', captions: [] };

export function updateList<K extends ListName>(form: EditorForm, list: K, fn: (items: Lists[K]) => Lists[K]): EditorForm {
  return { ...form, [list]: fn(form[list]) };
}

export function patchAt<T>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** Swaps an item with its neighbour; out-of-range moves change nothing. */
export function moveAt<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function newGalleryItem(): GalleryForm {
  return { id: newId('g'), title: '', description: '', titleEn: '', descriptionEn: '', image: '', onRequest: true, price: '', link: '' };
}

export function newWebinar(): WebinarForm {
  return { id: newId('w'), kind: 'webinar', title: '', speaker: '', titleEn: '', speakerEn: '', start: '', durationMin: '60', link: '', recording: '' };
}

/** Title for a material from its file name: "Программа_2025.pdf" → "Программа 2025". */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim();
  return (base || name).slice(0, 200);
}
