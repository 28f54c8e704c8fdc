// `npm run bench:programme [files...]`: time of `programme:import`'s work (JSON parse,
// conversion, the full programme validation) on schedule-JSON exports. Without arguments it
// measures the three largest public exports found (voc/schedule's examples: pretalx rC3
// Channels 2020, 228 KB; frab Camp 2019, 209 KB; pretalx DemoCon, 64 KB) as rebuilt from
// their committed trimmed fixtures to the original size (days repeated on later dates, with
// new ids), plus our own sample's export and a 2 000-event stress file. Pass real export
// files to measure those instead. Median of 7 runs after a warm-up.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../server/config.ts';
import { readProgrammeSources } from '../server/programme/readProgramme.ts';
import { exportSchedule } from '../shared/programme/scheduleExport.ts';
import { importSchedule } from '../shared/programme/scheduleImport.ts';
import { shiftIso } from '../shared/programme/time.ts';
import { validateProgramme } from '../shared/programme/validate.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'schedule');
const RUNS = 7;

interface Day { date: string; day_start?: string; day_end?: string; index?: number; rooms: Record<string, Record<string, unknown>[]> }
type Schedule = { schedule: { conference: { days: Day[]; daysCount?: number } } };

/** Repeats the file's days on later dates (new ids and guids) until its text is `targetChars` long. */
function scaled(data: Schedule, targetChars: number): string {
  const base = data.schedule.conference.days;
  const days: Day[] = [];
  let copy = 0;
  let id = 1;
  const fresh = () => JSON.stringify({ ...data, schedule: { ...data.schedule, conference: { ...data.schedule.conference, days } } }, null, 2);
  for (;;) {
    for (const day of base) {
      const shift = copy * base.length * 86_400_000 + (copy > 0 ? 7 * 86_400_000 : 0);
      const date = shiftIso(`${day.date}T12:00:00Z`, shift).slice(0, 10);
      const rooms = Object.fromEntries(
        Object.entries(day.rooms).map(([room, list]) => [
          room,
          list.map((e) => {
            const n = id++;
            return { ...e, id: n, guid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, date: shiftIso(String(e.date), shift) };
          }),
        ]),
      );
      days.push({ ...day, index: days.length + 1, date, rooms });
    }
    copy++;
    const text = fresh();
    if (text.length >= targetChars) return text;
  }
}

async function measure(label: string, text: string): Promise<void> {
  const once = () => importSchedule({ file: label, data: JSON.parse(text) as unknown, text });
  const first = once();
  if (!first.programme) {
    console.log(`${label}: refused (${first.problems.length} problems), e.g. ${first.problems[0]?.message}`);
    return;
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
  console.log(
    `${label.padEnd(44)} ${kb.padStart(6)} KB  ${String(first.counts.events).padStart(5)} events  ${String(first.counts.persons).padStart(5)} persons  ` +
      `median ${times[RUNS >> 1]!.toFixed(1).padStart(7)} ms  (min ${times[0]!.toFixed(1)}, max ${times[RUNS - 1]!.toFixed(1)})`,
  );
}

const args = process.argv.slice(2);
console.log(`node ${process.version}; import = JSON.parse + conversion + full validation; ${RUNS} runs`);
if (args.length > 0) {
  for (const f of args) await measure(path.basename(f), await fs.readFile(f, 'utf8'));
} else {
  const real: [string, number][] = [
    ['pretalx-rc3.trimmed.json', 228_049],
    ['frab-camp2019.trimmed.json', 209_100],
    ['pretalx-democon.trimmed.json', 64_184],
  ];
  for (const [name, size] of real) {
    const data = JSON.parse(await fs.readFile(path.join(FIXTURES, name), 'utf8')) as Schedule;
    await measure(`${name.replace('.trimmed.json', '')} (rebuilt to ${Math.round(size / 1000)} KB)`, scaled(data, size));
  }
  const read = await readProgrammeSources(path.join(ROOT, 'programme'));
  const sample = validateProgramme(read.sources, { readProblems: read.problems }).programme!;
  const ours = exportSchedule(sample) as unknown as Schedule;
  await measure('our sample programme (export)', JSON.stringify(ours, null, 2));
  const noMeta = JSON.parse(JSON.stringify(ours)) as Schedule & { schedule: { conference: { meta?: unknown } } };
  delete noMeta.schedule.conference.meta;
  const events = (text: string) => (JSON.parse(text) as Schedule).schedule.conference.days.reduce((n, d) => n + Object.values(d.rooms).flat().length, 0);
  const oneCopy = JSON.stringify(noMeta, null, 2).length;
  let factor = 1;
  let big = scaled(noMeta, oneCopy);
  while (events(big) < 2000) big = scaled(noMeta, oneCopy * ++factor);
  await measure(`stress: sample ×${factor} without meta`, big);
}
