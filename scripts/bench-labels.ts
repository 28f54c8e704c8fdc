// CPU cost of the plan's label work in Node, without a browser: laying out every stand of
// the 2 000-stand stress floor at one zoom step (number, name fitted, logo place) and the
// placement pass over a view's labels. A fixed-width measure stands in for the browser's
// font metrics (same number of calls). Prints medians of 15 runs; no assertions.
// Run: npx tsx scripts/bench-labels.ts   (generates the stress floor into a temp dir)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExhibitorList } from '../shared/exhibitor.ts';
import { Level } from '../shared/level/schema.ts';
import { boothNumbers } from '../shared/plan/boothNumbers.ts';
import { type LabelCandidate, LABEL_PRIORITY, layoutStandLabel, placeLabels } from '../shared/plan/labelPlacement.ts';

const ROOT = path.join(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'expo-labels-'));
execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'gen-stress-floor.ts'), dir], { stdio: 'ignore' });
const exhibitors = new Map(ExhibitorList.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/exhibitors.json'), 'utf8'))).map((e) => [e.id, e]));
const measure = (t: string) => t.length * 0.56;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => void): number {
  const runs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

console.log('| Floor | Stands | Zoom px/m | Numbers ms | Layout all ms | Placement ms (labels) |');
console.log('|---|---|---|---|---|---|');
for (const file of ['school.json', 'stress.json']) {
  const level = Level.parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  const names = level.stands.map((s) => exhibitors.get(s.exhibitor)?.name ?? s.id);
  const numbers = boothNumbers(level);
  const tNumbers = time(() => boothNumbers(level));
  for (const zoom of [3, 7, 14, 28]) {
    const opts = { numberMin: 7, numberMax: 12, nameMin: 8, logoMin: 12, logoMax: 72, gap: 2 };
    let layouts: ReturnType<typeof layoutStandLabel>[] = [];
    const tLayout = time(() => {
      layouts = level.stands.map((s, i) => {
        const inner = { x: (s.x + 0.15) * zoom, y: (s.y + 0.15) * zoom, w: (s.w - 0.3) * zoom, h: (s.h - 0.3) * zoom };
        return layoutStandLabel(inner, names[i]!, numbers[i]!, { ...opts, nameMax: Math.max(11, Math.min(22, inner.h * 0.2, inner.w * 0.12)) }, measure);
      });
    });
    const cands: LabelCandidate<number>[] = [];
    layouts.forEach((l, i) => {
      if (l.name) cands.push({ key: i * 2, priority: LABEL_PRIORITY.name, boxes: [l.name.box] });
      if (l.number) cands.push({ key: i * 2 + 1, priority: LABEL_PRIORITY.number, boxes: [l.number.box] });
    });
    const tPlace = time(() => placeLabels(cands));
    console.log(`| ${level.id} | ${level.stands.length} | ${zoom} | ${tNumbers.toFixed(2)} | ${tLayout.toFixed(2)} | ${tPlace.toFixed(2)} (${cands.length}) |`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
