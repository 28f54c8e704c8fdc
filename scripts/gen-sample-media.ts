// Writes the sample stand media and interiors: videos (WebM from an animated canvas), posters,
// ru/en captions, gallery pictures, PDF materials, and assets/seed/content.json. There is no
// ffmpeg here, so headless Chromium draws and encodes everything. The content is deterministic;
// the video bytes vary a little between runs (a live encoder), so run it once and commit.
// Run: npm run media:sample            (everything, ~1.5 min)
//      npm run media:sample -- --content-only   (only content.json, from the files on disk)
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { ExhibitorList } from '../shared/exhibitor.ts';
import { StandContent } from '../shared/standContent.ts';
import { buildContentSeed, galleryPath, materialPath, videoPaths, type MediaInventory } from './media/contentSeed.ts';
import { GALLERY_HEIGHT, GALLERY_IMAGES, GALLERY_WIDTH, galleryHtml } from './media/galleryImages.ts';
import { MATERIALS, PDF_FOOTER, materialHtml } from './media/materialDocs.ts';
import { recordVideo } from './media/videos.ts';
import { VIDEOS } from './media/videoScripts.ts';

const ROOT = join(import.meta.dirname, '..');
const at = (assetPath: string) => join(ROOT, assetPath);
const DIRS = ['assets/video', 'assets/posters', 'assets/captions', 'assets/gallery', 'assets/materials'];

/** Budgets from the brief: the repository stays small and pages stay light on slow links. */
const LIMITS = { video: 300_000, poster: 60_000, gallery: 60_000, material: 100_000, total: 8_000_000 };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];

function write(assetPath: string, data: Uint8Array | string): void {
  writeFileSync(at(assetPath), data);
}

/** Empties the generated folders so renamed items leave nothing behind. */
function resetDirs(): void {
  for (const dir of DIRS) {
    mkdirSync(at(dir), { recursive: true });
    for (const f of readdirSync(at(dir))) rmSync(join(at(dir), f));
  }
}

async function renderVideos(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  // tsx compiles functions with esbuild's keepNames, which calls a __name helper the page lacks.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto('about:blank');
  for (const script of VIDEOS) {
    const v = await recordVideo(page, script);
    const paths = videoPaths(script.key);
    write(paths.src, v.webm);
    write(paths.poster, v.poster);
    write(paths.captions.ru, v.captionsRu);
    write(paths.captions.en, v.captionsEn);
    console.log(`video ${script.key}: ${(v.durationMs / 1000).toFixed(1)} s, ${v.webm.length} B`);
  }
  await page.close();
}

async function renderGallery(browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: GALLERY_WIDTH, height: GALLERY_HEIGHT } });
  for (const [i, img] of GALLERY_IMAGES.entries()) {
    await page.setContent(galleryHtml(img, i));
    write(galleryPath(img.key), await page.screenshot({ type: 'jpeg', quality: 80 }));
  }
  console.log(`gallery: ${GALLERY_IMAGES.length} pictures`);
  await page.close();
}

async function renderMaterials(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  for (const doc of MATERIALS) {
    await page.setContent(materialHtml(doc));
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: PDF_FOOTER,
      margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      tagged: true,
    });
    write(materialPath(doc.key), pdf);
  }
  console.log(`materials: ${MATERIALS.length} PDFs`);
  await page.close();
}

function checkBudgets(): void {
  const problems: string[] = [];
  let total = 0;
  for (const dir of DIRS) {
    for (const f of readdirSync(at(dir))) {
      const size = statSync(join(at(dir), f)).size;
      total += size;
      const limit = dir.endsWith('video') ? LIMITS.video : dir.endsWith('posters') ? LIMITS.poster : dir.endsWith('gallery') ? LIMITS.gallery : dir.endsWith('materials') ? LIMITS.material : Infinity;
      if (size > limit) problems.push(`${dir}/${f}: ${size} B is over ${limit} B`);
    }
  }
  console.log(`media total: ${(total / 1e6).toFixed(2)} MB`);
  if (total > LIMITS.total) problems.push(`media total ${total} B is over ${LIMITS.total} B`);
  if (problems.length) throw new Error(`media over budget:\n${problems.join('\n')}`);
}

function writeContent(): void {
  const exhibitors = ExhibitorList.parse(JSON.parse(readFileSync(at('assets/seed/exhibitors.json'), 'utf8')));
  const inventory: MediaInventory = {
    videos: VIDEOS.map((v) => ({ key: v.key, title: v.title, categories: v.categories })),
    materials: MATERIALS.map((m) => ({
      key: m.key,
      title: m.title,
      categories: m.categories,
      size: statSync(at(materialPath(m.key))).size,
      type: 'application/pdf',
    })),
  };
  const content = buildContentSeed(exhibitors, inventory);
  // Every path the seed names must be a file we ship.
  for (const [id, c] of Object.entries(content)) {
    StandContent.parse(c);
    const paths = [c.video?.src, c.video?.poster, ...(c.video?.captions.map((x) => x.src) ?? []), ...c.gallery.map((g) => g.image), ...c.materials.map((m) => m.file)];
    const missing = paths.filter((p): p is string => !!p && !existsSync(at(p)));
    if (missing.length) throw new Error(`${id}: missing ${missing.join(', ')}`);
  }
  write('assets/seed/content.json', `${JSON.stringify(content, null, 2)}\n`);
  const counts = Object.values(content);
  console.log(
    `content.json: ${counts.length} stands, ${counts.filter((c) => c.video).length} with video, ` +
      `${counts.reduce((n, c) => n + c.gallery.length, 0)} gallery items, ${counts.reduce((n, c) => n + c.webinars.length, 0)} webinars`,
  );
}

async function main(): Promise<void> {
  if (!process.argv.includes('--content-only')) {
    resetDirs();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
    try {
      await renderGallery(browser);
      await renderMaterials(browser);
      await renderVideos(browser);
    } finally {
      await browser.close();
    }
  }
  checkBudgets();
  writeContent();
}

await main();
