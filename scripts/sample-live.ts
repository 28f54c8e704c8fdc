// `npm run stream:sample`: something live for the sample exhibition. Logs in to a running
// server as the demo moderator, arms the stage of an event that is live now on the fair clock
// ("go live"), and pushes ffmpeg's test pattern with the wall clock burnt in and a tone into
// it over SRT with the stage's passphrase, until Ctrl-C ("end": the playlist becomes the
// recording).
//
//   npm run stream:sample [-- --url http://127.0.0.1:3000] [-- --event <id>] [-- --seconds 60]
//   npm run stream:sample -- --recordings 3 [--seconds 20]
//     also broadcasts that many ended sample events briefly (one after another, as fast as
//     the sender allows), so the library has recordings; they are written by the server into
//     <dataDir>/streams/, nothing is committed.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { API, apiPath } from '../shared/api.ts';
import type { ProgrammeView } from '../shared/programme/views.ts';
import type { BroadcastInfo } from '../server/stream/streamHall.ts';
import { testSourcePushArgs } from '../server/stream/testSource.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 3000}` },
    event: { type: 'string' },
    seconds: { type: 'string' },
    recordings: { type: 'string', default: '0' },
    email: { type: 'string' },
    password: { type: 'string' },
  },
});
const base = values.url.replace(/\/$/, '');
const demo = DEMO_ACCOUNTS.find((a) => a.role === 'moderator')!;

async function login(): Promise<string> {
  const res = await fetch(base + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: values.email ?? demo.email, password: values.password ?? demo.password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie;
}

async function post(cookie: string, path: string): Promise<BroadcastInfo> {
  const res = await fetch(base + path, { method: 'POST', headers: { cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as BroadcastInfo;
}

/** Pushes the test pattern; resolves when ffmpeg exits (after `seconds`, or on Ctrl-C). */
function send(b: BroadcastInfo, seconds: number | undefined): Promise<number | null> {
  const host = ['0.0.0.0', '::'].includes(b.ingest.host) ? '127.0.0.1' : b.ingest.host;
  const url = b.ingest.url.replace(`//${b.ingest.host}:`, `//${host}:`);
  const child = spawn('ffmpeg', testSourcePushArgs(url, { seconds, label: `${b.stage} · ${b.eventId}` }), { stdio: ['ignore', 'inherit', 'inherit'] });
  process.once('SIGINT', () => child.kill('SIGINT'));
  return new Promise((resolve) => child.on('close', resolve));
}

const cookie = await login();
const programme = (await (await fetch(base + API.programme)).json()) as ProgrammeView;
const onStage = programme.events.filter((e) => e.source?.kind === 'stage');

for (const e of onStage.filter((x) => x.state === 'ended' && !x.recording).slice(0, Number(values.recordings))) {
  console.log(`stream:sample: recording ${e.id} (${values.seconds ?? 20} s)`);
  const b = await post(cookie, apiPath(API.broadcastLive, { eventId: e.id }));
  await send(b, Number(values.seconds ?? 20));
  await post(cookie, apiPath(API.broadcastEnd, { eventId: e.id }));
}

const live = values.event ? onStage.find((e) => e.id === values.event) : onStage.find((e) => e.state === 'live');
if (!live) {
  console.log('stream:sample: no event on a stage is live on the fair clock; pass --event <id>, or start the server with FAIR_CLOCK_START=2026-04-15T12:10:00+03:00');
  if (Number(values.recordings) === 0) process.exit(1);
} else {
  const b = await post(cookie, apiPath(API.broadcastLive, { eventId: live.id }));
  console.log(`stream:sample: ${live.id} live on stage ${b.stage} (SRT port ${b.ingest.port}); watch ${base}/programme/${live.id}; Ctrl-C ends it`);
  await send(b, values.seconds ? Number(values.seconds) : undefined);
  const ended = await post(cookie, apiPath(API.broadcastEnd, { eventId: live.id }));
  console.log(`stream:sample: ended; ${ended.segments} segments, recording ready: ${ended.recordingReady}`);
}
