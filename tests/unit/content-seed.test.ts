// The sample stand interiors: every exhibitor has one, each parses, every file it names ships,
// and material sizes and types are those of the real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { SAMPLE_AS_OF } from '../../shared/sampleDates.ts';
import { StandContent, webinarStatus } from '../../shared/standContent.ts';
import { buildContentSeed, hashSeed, roundPrice, type MediaInventory } from '../../scripts/media/contentSeed.ts';
import { MATERIALS } from '../../scripts/media/materialDocs.ts';
import { VIDEOS } from '../../scripts/media/videoScripts.ts';

const read = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8')) as unknown;
const exhibitors = ExhibitorList.parse(read('assets/seed/exhibitors.json'));
const seed = read('assets/seed/content.json') as Record<string, unknown>;

describe('assets/seed/content.json', () => {
  it('has a valid interior for every sample exhibitor', () => {
    expect(Object.keys(seed).sort()).toEqual(exhibitors.map((e) => e.id).sort());
    for (const [id, raw] of Object.entries(seed)) expect(StandContent.safeParse(raw).success, id).toBe(true);
  });

  it('names only files that ship, with their real size', () => {
    for (const raw of Object.values(seed)) {
      const c = StandContent.parse(raw);
      const files = [c.video?.src, c.video?.poster, ...(c.video?.captions ?? []).map((x) => x.src), ...c.gallery.map((g) => g.image)];
      for (const f of files) if (f) expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
      for (const m of c.materials) {
        expect(fs.statSync(path.join(ROOT, m.file)).size, m.file).toBe(m.size);
        expect(m.type).toBe('application/pdf');
        expect(fs.readFileSync(path.join(ROOT, m.file)).subarray(0, 5).toString()).toBe('%PDF-');
      }
    }
  });

  it('is varied: most stands have a video, galleries of 3 to 8, some prices on request, webinars of every status', () => {
    const all = Object.values(seed).map((raw) => StandContent.parse(raw));
    expect(all.filter((c) => c.video).length / all.length).toBeGreaterThan(0.75);
    expect(all.every((c) => c.gallery.length >= 3 && c.gallery.length <= 8)).toBe(true);
    expect(all.every((c) => c.materials.length >= 1 && c.materials.length <= 4)).toBe(true);
    const items = all.flatMap((c) => c.gallery);
    expect(items.some((g) => g.price === undefined)).toBe(true);
    expect(items.some((g) => (g.price ?? 0) > 0)).toBe(true);
    const webinars = all.flatMap((c) => c.webinars);
    expect(all.some((c) => c.webinars.length === 0)).toBe(true);
    expect(all.every((c) => c.webinars.length <= 4)).toBe(true);
    // Seen from the moment the sample is written around, the schedule has all three faces.
    const mid = Date.parse(SAMPLE_AS_OF);
    const statuses = new Set(webinars.map((w) => webinarStatus(w, mid)));
    for (const s of ['upcoming', 'live', 'recorded'] as const) expect(statuses.has(s), s).toBe(true);
  });

  it('is what the generator builds from the files on disk', () => {
    const inventory: MediaInventory = {
      videos: VIDEOS.map((v) => ({ key: v.key, title: v.title, categories: v.categories })),
      materials: MATERIALS.map((m) => ({
        key: m.key,
        title: m.title,
        categories: m.categories,
        size: fs.statSync(path.join(ROOT, 'assets/materials', `${m.key}.pdf`)).size,
        type: 'application/pdf',
      })),
    };
    expect(buildContentSeed(exhibitors, inventory)).toEqual(seed);
  });
});

describe('generator helpers', () => {
  it('seeds from ids stably', () => {
    expect(hashSeed('korablik')).toBe(hashSeed('korablik'));
    expect(hashSeed('korablik')).not.toBe(hashSeed('korablik2'));
  });
  it('rounds prices like a price list', () => {
    expect(roundPrice(620, 890, 0.5)).toBe(760);
    expect(roundPrice(4900, 8900, 0.33)).toBe(6200);
    expect(roundPrice(289_000, 389_000, 0.123)).toBe(301_000);
    expect(roundPrice(0, 0, 0.7)).toBe(0);
  });
});
