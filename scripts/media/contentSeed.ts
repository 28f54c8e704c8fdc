// Builds assets/seed/content.json: a stand interior for every sample exhibitor, drawn from the
// generated media by category. Pure and deterministic: each exhibitor's choices come from a
// generator seeded by its id, so adding an exhibitor never reshuffles the others.
import type { CategoryId } from '../../shared/categories.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import { seededRandom } from '../../shared/random.ts';
import { SAMPLE_AS_OF } from '../../shared/sampleDates.ts';
import { StandContent, type GalleryItem, type Material, type StandVideo, type Webinar } from '../../shared/standContent.ts';
import { withEnglishContent } from '../sample/english.ts';
import { OFFERS } from './offers.ts';
import { PLATFORMS, TOPICS, speaker } from './webinarTopics.ts';

export interface VideoAsset {
  key: string;
  title: string;
  categories: readonly CategoryId[];
}

export interface MaterialAsset {
  key: string;
  title: string;
  categories: readonly CategoryId[];
  /** Measured from the file. */
  size: number;
  type: string;
}

export interface MediaInventory {
  videos: VideoAsset[];
  materials: MaterialAsset[];
}

/**
 * The sample fair's days: webinars fall on these, at Moscow daytime hours. The dates are
 * written around SAMPLE_AS_OF (day 4 of 11); the server moves them all at first seed so that
 * moment is "now" on the fair clock (shared/sampleDates.ts): finished, live and upcoming.
 */
const DAY_MS = 86_400_000;
export const FAIR_FIRST_DAY = new Date(Date.parse(SAMPLE_AS_OF) - 3 * DAY_MS).toISOString().slice(0, 10);
export const FAIR_DAYS = 11;
/** Webinars that ended 39 hours before SAMPLE_AS_OF have had time to get a recording; later ones not yet. */
export const RECORDINGS_AS_OF = Date.parse(SAMPLE_AS_OF) - 39 * 3_600_000;

export const videoPaths = (key: string) => ({
  src: `assets/video/${key}.webm`,
  poster: `assets/posters/${key}.jpg`,
  captions: { ru: `assets/captions/${key}.ru.vtt`, en: `assets/captions/${key}.en.vtt` },
});
export const galleryPath = (key: string) => `assets/gallery/${key}.jpg`;
export const materialPath = (key: string) => `assets/materials/${key}.pdf`;

/** FNV-1a: a stable 32-bit seed from an exhibitor id. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)]!;

/** A shop-like price inside [min, max]: whole tens, hundreds or thousands by magnitude. */
export function roundPrice(min: number, max: number, r: number): number {
  if (max <= 0) return 0;
  const step = max < 2_000 ? 10 : max < 20_000 ? 100 : 1_000;
  const raw = min + (max - min) * r;
  return Math.min(max, Math.max(min, Math.round(raw / step) * step));
}

function videoFor(e: Exhibitor, inv: MediaInventory, rand: () => number): StandVideo | undefined {
  // Most stands have a video; a few exhibitors have not made one yet.
  if (rand() < 0.12) return undefined;
  const fitting = inv.videos.filter((v) => v.categories.includes(e.category));
  const v = pick(fitting.length ? fitting : inv.videos, rand);
  const paths = videoPaths(v.key);
  return {
    title: v.title,
    src: paths.src,
    poster: paths.poster,
    captions: [
      { lang: 'ru', label: 'Русский', src: paths.captions.ru },
      { lang: 'en', label: 'English', src: paths.captions.en },
    ],
  };
}

function galleryFor(e: Exhibitor, rand: () => number): GalleryItem[] {
  const offers = shuffled(OFFERS[e.category], rand);
  const count = Math.min(offers.length, 3 + Math.floor(rand() * 6));
  const site = e.contacts.site?.replace(/\/$/, '');
  return offers.slice(0, count).map((offer, i) => {
    const onRequest = !offer.price || rand() < 0.1;
    const price = offer.price && !onRequest ? roundPrice(offer.price[0], offer.price[1], rand()) : undefined;
    return {
      id: `item-${i + 1}`,
      title: offer.title,
      description: offer.description,
      image: galleryPath(offer.image),
      ...(price !== undefined ? { price } : {}),
      ...(site ? { link: `${site}/catalog/${i + 1}` } : {}),
    };
  });
}

function materialsFor(e: Exhibitor, inv: MediaInventory, rand: () => number): Material[] {
  const fitting = inv.materials.filter((m) => m.categories.includes(e.category));
  const pool = shuffled(fitting.length ? fitting : inv.materials, rand);
  const count = Math.min(pool.length, 1 + Math.floor(rand() * 4));
  return pool.slice(0, count).map((m) => ({ id: m.key, title: m.title, file: materialPath(m.key), type: m.type, size: m.size }));
}

/** Moscow wall time on a fair day as ISO 8601 with its offset. */
function moscow(dayIndex: number, minutes: number): string {
  const day = new Date(Date.parse(`${FAIR_FIRST_DAY}T00:00:00Z`) + dayIndex * DAY_MS).toISOString().slice(0, 10);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:00+03:00`;
}

function webinarsFor(e: Exhibitor, rand: () => number): Webinar[] {
  const r = rand();
  const count = r < 0.2 ? 0 : r < 0.45 ? 1 : r < 0.7 ? 2 : r < 0.9 ? 3 : 4;
  const topics = shuffled(TOPICS[e.category], rand).slice(0, count);
  return topics
    .map((topic, i) => {
      const start = moscow(Math.floor(rand() * FAIR_DAYS), 10 * 60 + Math.floor(rand() * 17) * 30);
      const durationMin = pick(topic.kind === 'masterclass' ? [60, 90, 120] : [45, 60, 90], rand);
      const ended = Date.parse(start) + durationMin * 60_000 < RECORDINGS_AS_OF;
      const room = `${e.id}-${i + 1}`;
      return {
        id: `w${i + 1}`,
        kind: topic.kind,
        title: topic.title,
        speaker: speaker(rand),
        start,
        durationMin,
        link: `${pick(PLATFORMS, rand)}${room}`,
        ...(ended && rand() < 0.85 ? { recording: `https://video.example.ru/records/${room}` } : {}),
      };
    })
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

export function buildContentSeed(exhibitors: readonly Exhibitor[], inv: MediaInventory): Record<string, StandContent> {
  const out: Record<string, StandContent> = {};
  for (const e of exhibitors) {
    const rand = seededRandom(hashSeed(e.id));
    const video = videoFor(e, inv, rand);
    const content = StandContent.parse({
      ...(video ? { video } : {}),
      gallery: galleryFor(e, rand),
      materials: materialsFor(e, inv, rand),
      webinars: webinarsFor(e, rand),
    });
    // English after the Russian is drawn, so adding it never changes what the Russian is.
    out[e.id] = StandContent.parse(withEnglishContent(content, e));
  }
  return out;
}
