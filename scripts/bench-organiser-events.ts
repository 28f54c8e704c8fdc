// Benchmark (issue 17): the console and the programme's Q&A rooms on loopback. E events each
// get a Q&A room with V connected visitors; measured: one refresh of "the fair at a glance"
// (matchmaker listing, viewers from presence, a duty report per room), and an announcement to
// one event's viewers from the POST until every viewer of it heard it.
// Run: node --import tsx scripts/bench-organiser-events.ts [events=40] [viewersPerEvent=25]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { API } from '../shared/api.ts';
import type { FairOverview } from '../shared/organiser.ts';
import type { ProgrammeView } from '../shared/programme/views.ts';
import { PROTOCOL_VERSION, ROOMS } from '../shared/protocol.ts';
import { QA_SERVER_MSG } from '../shared/qa.ts';
import { startServer } from '../server/app.ts';
import { ROOT } from '../server/config.ts';
import { call, login } from '../tests/fixtures/cabinet.ts';
import { FIXTURE_EXHIBITORS, FIXTURE_LEVELS_DIR } from '../tests/fixtures/fixtures.ts';
import { visitorCookie } from '../tests/fixtures/visitor.ts';
import { pct, rssMb } from './lib/measure.ts';

const EVENTS = Number(process.argv[2] ?? 40);
const VIEWERS = Number(process.argv[3] ?? 25);

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-org-events-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  levelsDir: FIXTURE_LEVELS_DIR,
  assetsDir: path.join(ROOT, 'assets'),
  clientDir: path.join(dataDir, 'no-client'),
  seedFile: FIXTURE_EXHIBITORS,
  quiet: true,
  watchLevels: false,
  watchProgramme: false,
  maxSocketsPerAddress: 100_000,
  maxPendingJoinsPerAddress: 10_000,
});
const rooms: Room[] = [];
try {
  const programme = (await (await fetch(server.url + API.programme)).json()) as ProgrammeView;
  const events = programme.events.slice(0, EVENTS).map((e) => e.id);
  const heard = new Map<string, number>();
  const cookies = await Promise.all(Array.from({ length: VIEWERS }, () => visitorCookie(server.url)));
  for (const eventId of events) {
    // The first join creates the room; the others then join it together.
    for (const batch of [cookies.slice(0, 1), cookies.slice(1)]) {
      await Promise.all(
        batch.map(async (cookie) => {
          const room = await new Client(server.url, { headers: { Cookie: cookie } }).joinOrCreate(ROOMS.qa, { protocol: PROTOCOL_VERSION, eventId });
          room.onMessage(QA_SERVER_MSG.announcement, (a: { id: string }) => heard.set(a.id, (heard.get(a.id) ?? 0) + 1));
          room.onMessage('*', () => {});
          rooms.push(room);
        }),
      );
    }
  }
  const org = await login(server.url, 'org');
  // The rooms write their viewer shares every 2 s.
  const until = Date.now() + 20_000;
  let o: FairOverview;
  do {
    await new Promise((r) => setTimeout(r, 500));
    o = (await call(server.url, 'GET', API.organiserOverview, { cookie: org })).json as FairOverview;
  } while (Object.keys(o.eventViewersNow).length < events.length && Date.now() < until);

  const refresh: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await call(server.url, 'GET', API.organiserOverview, { cookie: org });
    refresh.push(performance.now() - t0);
  }
  refresh.sort((a, b) => a - b);

  const fanout: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const res = await call(server.url, 'POST', API.organiserAnnouncements, {
      cookie: org,
      body: { audience: { kind: 'event', eventId: events[i % events.length] }, style: 'toast', text: { ru: `Тест ${i}`, en: `Test ${i}` }, endsAt: new Date(Date.now() + 600_000).toISOString() },
    });
    const id = (res.json as { id: string }).id;
    while ((heard.get(id) ?? 0) < VIEWERS) await new Promise((r) => setTimeout(r, 1));
    fanout.push(performance.now() - t0);
  }
  fanout.sort((a, b) => a - b);

  const f = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`events with a Q&A room: ${events.length}, viewers each: ${VIEWERS} (${rooms.length} sockets); counted: ${Object.keys(o.eventViewersNow).length} events`);
  console.log(`overview refresh: median ${f(pct(refresh, 0.5))}, p95 ${f(pct(refresh, 0.95))}`);
  console.log(`event announcement, POST to all ${VIEWERS} viewers heard: median ${f(pct(fanout, 0.5))}, max ${f(fanout.at(-1)!)}`);
  console.log(`server process RSS: ${rssMb(process.pid).toFixed(0)} MB (clients in the same process)`);
} finally {
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => {})));
  await server.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
