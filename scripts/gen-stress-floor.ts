// Writes a stress-test floor with exactly 2000 stands, next to copies of the sample floors,
// so a server pointed at the directory serves the sample fair plus `stress`.
// A 460×330 m hall: at the usual 12 m blocks, 2000 stands fill it with a few gaps; a larger
// hall would be mostly empty space.
// Run: npx tsx scripts/gen-stress-floor.ts [outDir]   (default: data/stress-levels/)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExhibitorList } from '../shared/exhibitor.ts';
import { Level } from '../shared/level/schema.ts';
import { formatJson } from './sample/format.ts';
import { buildHall, type AlleySpec, type HallSpec } from './sample/layout.ts';
import { mulberry32 } from './sample/random.ts';

const ROOT = join(import.meta.dirname, '..');
const STANDS = 2000;
const ROWS = 16;
const CROSS = 13;

const outDir = resolve(process.argv[2] ?? join(ROOT, 'data/stress-levels'));
mkdirSync(outDir, { recursive: true });

const levelDir = join(ROOT, 'levels');
for (const file of readdirSync(levelDir).filter((f) => f.endsWith('.json'))) {
  copyFileSync(join(levelDir, file), join(outDir, file));
}

const exhibitors = ExhibitorList.parse(JSON.parse(readFileSync(join(ROOT, 'assets/seed/exhibitors.json'), 'utf8')));
// Sample exhibitors reused cyclically: the stress floor measures drawing and path finding, not content.
const ids = Array.from({ length: STANDS }, (_, i) => (exhibitors[i % exhibitors.length] ?? exhibitors[0])!.id);

const main = Math.floor(CROSS / 2);
const cross: AlleySpec[] = Array.from({ length: CROSS }, (_, i) =>
  i === main ? { width: 8, name: { ru: 'Главная аллея', en: 'Main alley' } } : { width: 5 },
);
const rows: AlleySpec[] = Array.from({ length: ROWS }, (_, i) => ({
  width: i % 4 === 1 ? 7 : 5,
  name: { ru: `Аллея ${i + 1}`, en: `Alley ${i + 1}` },
}));
const spec: HallSpec = {
  id: 'stress',
  title: { ru: 'Стресс-тест: 2000 стендов', en: 'Stress test: 2000 stands' },
  category: 'school',
  order: 99,
  width: 460,
  height: 330,
  background: { style: 'concrete' },
  wallDepth: 3,
  wallRows: true,
  ring: { width: 6, name: { ru: 'Кольцевая аллея', en: 'Ring alley' } },
  rows,
  cross,
  main,
  portals: [],
  standPrefix: 'st',
};

const level = Level.parse(buildHall(spec, ids, mulberry32(2000)));
if (level.stands.length !== STANDS) throw new Error(`stress floor has ${level.stands.length} stands`);
writeFileSync(join(outDir, 'stress.json'), formatJson({ $schema: './level.schema.json', ...level }));
console.log(`${outDir}/stress.json: ${level.stands.length} stands, plus the sample floors`);
