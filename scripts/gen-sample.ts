// Writes the sample exhibition: assets/seed/exhibitors.json, assets/logos/<id>.svg and
// levels/<floor>.json. Deterministic: rerunning gives identical files.
// Run: npx tsx scripts/gen-sample.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExhibitorList } from '../shared/exhibitor.ts';
import { Level } from '../shared/level/schema.ts';
import { buildExhibitors } from './sample/exhibitors.ts';
import { FLOORS, portalsFor } from './sample/floors.ts';
import { formatJson } from './sample/format.ts';
import { buildHall } from './sample/layout.ts';
import { mulberry32 } from './sample/random.ts';

const ROOT = join(import.meta.dirname, '..');
const SEED = 20200426; // opening day of the fair the sample is modelled on

const sample = buildExhibitors(FLOORS.flatMap((f) => f.exhibitors), mulberry32(SEED));
const exhibitors = ExhibitorList.parse(sample.map((s) => s.exhibitor));

const seedDir = join(ROOT, 'assets/seed');
const logoDir = join(ROOT, 'assets/logos');
const levelDir = join(ROOT, 'levels');
for (const dir of [seedDir, logoDir, levelDir]) mkdirSync(dir, { recursive: true });

writeFileSync(join(seedDir, 'exhibitors.json'), formatJson(exhibitors));

// Logos of renamed exhibitors would linger otherwise; the folder holds generated logos only.
const logoFiles = new Set(sample.map((s) => `${s.exhibitor.id}.svg`));
for (const file of readdirSync(logoDir)) {
  if (file.endsWith('.svg') && !logoFiles.has(file)) rmSync(join(logoDir, file));
}
for (const s of sample) writeFileSync(join(logoDir, `${s.exhibitor.id}.svg`), s.logoSvg);

let total = 0;
FLOORS.forEach((floor, i) => {
  const categories = new Set(floor.exhibitors.map(([c]) => c));
  // Exhibitors keep the order of `floor.exhibitors`, so categories cluster along their alleys.
  const ids = floor.exhibitors.flatMap(([category]) =>
    exhibitors.filter((e) => e.category === category).map((e) => e.id),
  );
  if (!ids.every((id) => categories.has(exhibitors.find((e) => e.id === id)?.category ?? 'school'))) {
    throw new Error(`floor ${floor.hall.id} got a foreign exhibitor`);
  }
  const level = buildHall({ ...floor.hall, portals: portalsFor(i, FLOORS) }, ids, mulberry32(SEED + i + 1));
  Level.parse(level);
  writeFileSync(join(levelDir, `${floor.hall.id}.json`), formatJson(level));
  total += level.stands.length;
  console.log(`levels/${floor.hall.id}.json: ${level.stands.length} stands`);
});
console.log(`${exhibitors.length} exhibitors, ${FLOORS.length} floors, ${total} stands`);
