// `npm run bench:tracks`: the cost of stage two's joins and the learning-track builder on the
// sample fair (268 events, 300 stands, 542 webinars) and on a 2 000-event stress programme
// (the sample's events seven times over), in process; then the HTTP answers of a real server
// on 127.0.0.1 (stage two for the schedule cold and cached, one event, one stand; building a
// track). Medians of several runs; the machine may be shared, so read them as orders of size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from '../server/config.ts';
import { readProgrammeSources } from '../server/programme/readProgramme.ts';
import { type StandSource, eventsForStand, prepareEvents, prepareWebinars, webinarsBeside, webinarsOnTopics } from '../shared/programme/related.ts';
import type { ProgrammeEvent } from '../shared/programme/schema.ts';
import { buildTrack, topicChoices } from '../shared/programme/tracks.ts';
import { validateProgramme } from '../shared/programme/validate.ts';
import { eventView } from '../shared/programme/views.ts';
import { StandContent } from '../shared/standContent.ts';
import { bootServer } from '../tests/e2e/harness.ts';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => unknown, runs = RUNS): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}
const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(1)} ms`);

const read = await readProgrammeSources(path.join(ROOT, 'programme'));
const programme = validateProgramme(read.sources, { readProblems: read.problems }).programme!;
const exhibitors = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/exhibitors.json'), 'utf8')) as { id: string; name: string; category: StandSource['category'] }[];
const content = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/content.json'), 'utf8')) as Record<string, unknown>;
const stands: StandSource[] = exhibitors.map((e) => ({
  exhibitorId: e.id,
  name: e.name,
  category: e.category,
  webinars: content[e.id] ? StandContent.parse(content[e.id]).webinars : [],
}));
const now = Date.parse('2026-04-15T12:10:00+03:00');

function report(label: string, events: ProgrammeEvent[]) {
  const related = prepareEvents(events, programme.clusters);
  const webinars = prepareWebinars(stands);
  const topics = topicChoices(events);
  const views = events.map((e) => eventView(e, now));
  const sources = { events: views.map((v, i) => ({ event: v, state: v.state, topics: related[i]!.topics })), webinars, stands };
  const pairs = Array.from({ length: 20 }, (_, i) => [topics[i % topics.length]!, topics[(i * 7 + 3) % topics.length]!]);
  console.log(`\n${label}: ${events.length} events, ${stands.length} stands, ${webinars.length} webinars`);
  console.log(`  prepare topics (events + webinars)        ${ms(time(() => (prepareEvents(events, programme.clusters), prepareWebinars(stands))))}`);
  console.log(`  schedule join (every webinar × event)     ${ms(time(() => webinarsBeside(related, webinars, now), 3))}`);
  console.log(`  one event page (mean over all events)     ${ms(time(() => related.forEach((e) => webinarsOnTopics(e.topics, webinars, now, 6)), 3) / related.length)}`);
  console.log(`  one stand page (mean over all stands)     ${ms(time(() => stands.forEach((s) => eventsForStand(s, related, now, 5)), 3) / stands.length)}`);
  console.log(`  build a track (mean of 20 topic pairs)    ${ms(time(() => pairs.forEach((p) => buildTrack(p, 'practitioner', sources, now)), 3) / pairs.length)}`);
}

report('sample', programme.events);
const stress = Array.from({ length: 8 }, (_, k) => programme.events.map((e) => ({ ...e, id: `${e.id}-x${k}` }))).flat().slice(0, 2000);
report('stress', stress);

// HTTP on a real server with the sample fair (fair clock on day 2).
const server = await bootServer({ fairClockOffsetMs: now - Date.now() });
const get = async (p: string, init?: RequestInit) => {
  const t = performance.now();
  const res = await fetch(server.url + p, { headers: { 'Accept-Encoding': 'gzip', ...(init?.headers ?? {}) }, ...init });
  const body = await res.arrayBuffer();
  // fetch hands back the body unpacked; its gzip size is what travels.
  return { ms: performance.now() - t, bytes: body.byteLength, gzip: zlib.gzipSync(Buffer.from(body)).length, status: res.status };
};
const cold = await get('/api/programme/beside');
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) warm.push((await get('/api/programme/beside')).ms);
const event: number[] = [];
const stand: number[] = [];
const build: number[] = [];
for (let i = 0; i < RUNS; i++) {
  event.push((await get(`/api/programme/events/${programme.events[i * 20]!.id}/beside`)).ms);
  stand.push((await get(`/api/programme/stands/${stands[i * 40]!.exhibitorId}/events`)).ms);
  build.push(
    (
      await get('/api/programme/tracks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ topics: ['чтение', 'грамотность'], level: 'practitioner' }),
      })
    ).ms,
  );
}
await server.close();
console.log('\nHTTP (127.0.0.1)');
console.log(`  GET beside, first (reads 300 stands)      ${ms(cold.ms)}, ${(cold.bytes / 1024).toFixed(0)} KB JSON, ${(cold.gzip / 1024).toFixed(0)} KB gzipped`);
console.log(`  GET beside, cached                        ${ms(median(warm))}`);
console.log(`  GET one event's webinars                  ${ms(median(event))}`);
console.log(`  GET one stand's events                    ${ms(median(stand))}`);
console.log(`  POST build a track (incl. durable write)  ${ms(median(build))}`);
