// Learning tracks and stage two on the real server (127.0.0.1, ephemeral port) with the
// sample fair: a track belongs to the browser's signed visitor id, survives a restart, can be
// read through its link by another visitor but not changed by them (who may copy it), and
// bad requests change nothing. Stage two answers webinars beside events and events on a
// stand's topics.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '../../shared/api.ts';
import { TRACKS_API, type BesideView, type EventBesideView, type StandEventsView, type TrackPageView, type TrackSummary } from '../../shared/programme/tracksView.ts';
import { bootServer } from '../e2e/harness.ts';

const FAIR_NOW = '2026-04-15T12:10:00+03:00';
const KIND_ORDER = ['recording', 'event', 'webinar', 'stand'];

type Server = Awaited<ReturnType<typeof bootServer>>;

/** A browser: keeps the visitor cookie the server gives it. */
function visitor(server: () => Server) {
  let cookie = '';
  return async function call<T>(method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(server().url + urlPath, {
      method,
      headers: { ...(cookie ? { Cookie: cookie } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
}

let dataDir = '';
let server: Server;
const boot = () => bootServer({ dataDir, fairClockOffsetMs: Date.parse(FAIR_NOW) - Date.now() });
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-tracks-'));
  server = await boot();
});
afterAll(async () => {
  await server?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const anna = visitor(() => server);
const boris = visitor(() => server);
const trackPath = (trackId: string) => apiPath(TRACKS_API.track, { trackId });

describe('learning tracks', () => {
  let built: TrackPageView;

  it('builds a track from topics and a level: recordings, upcoming events, webinars, stands', async () => {
    await anna('GET', TRACKS_API.tracks);
    await boris('GET', TRACKS_API.tracks);
    const res = await anna<TrackPageView>('POST', TRACKS_API.tracks, { topics: ['чтение', 'грамотность'], level: 'practitioner' });
    expect(res.status).toBe(201);
    built = res.body;
    expect(built.mine).toBe(true);
    expect(built.track).not.toHaveProperty('owner');
    expect(built.track.title).toBe('чтение, грамотность');
    const kinds = built.entries.map((e) => e.kind);
    expect(new Set(kinds)).toEqual(new Set(KIND_ORDER));
    // In the builder's order, each kind after the one before it.
    expect(kinds.map((k) => KIND_ORDER.indexOf(k))).toEqual([...kinds.map((k) => KIND_ORDER.indexOf(k))].sort((a, b) => a - b));
    const events = built.entries.filter((e) => e.kind === 'event');
    expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start!)].sort((a, b) => Date.parse(a) - Date.parse(b)));
    expect(built.entries.find((e) => e.kind === 'stand')?.href).toMatch(/^\/floor\/[a-z0-9-]+\/stand\/[a-z0-9-]+$/);
    expect(built.progress).toEqual({ done: 0, total: built.entries.length });
    expect(built.suggestions.length).toBeGreaterThan(0);
  });

  it('lists a visitor’s own tracks only', async () => {
    const mine = await anna<{ tracks: TrackSummary[] }>('GET', TRACKS_API.tracks);
    expect(mine.body.tracks.map((t) => t.id)).toEqual([built.track.id]);
    expect((await boris<{ tracks: TrackSummary[] }>('GET', TRACKS_API.tracks)).body.tracks).toEqual([]);
  });

  it('lets the owner tick, reorder, remove and add; refuses what does not exist and changes nothing', async () => {
    const items = built.track.items.map((i, n) => (n === 0 ? { ...i, done: true } : i));
    const [first, second, ...rest] = items;
    const edited = [second!, first!, ...rest.slice(0, -1), built.suggestions[0]!.item];
    const res = await anna<TrackPageView>('PUT', trackPath(built.track.id), { items: edited, title: 'Мой трек' });
    expect(res.status).toBe(200);
    expect(res.body.track.items).toEqual(edited);
    expect(res.body.track.title).toBe('Мой трек');
    expect(res.body.progress).toEqual({ done: 1, total: edited.length });

    const bad = await anna<{ error: string; details: string[] }>('PUT', trackPath(built.track.id), {
      items: [...edited, { kind: 'event', eventId: 'no-such-event', done: false }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([`items.${edited.length}: there is no event no-such-event`]);
    const twice = await anna<{ details: string[] }>('PUT', trackPath(built.track.id), { items: [edited[0], edited[0]] });
    expect(twice.status).toBe(400);
    expect((await anna<{ error: string }>('POST', TRACKS_API.tracks, { topics: [], level: 'x' })).status).toBe(400);
    const after = await anna<TrackPageView>('GET', trackPath(built.track.id));
    expect(after.body.track.items).toEqual(edited);
    built = after.body;
  });

  it('shows another visitor the track read-only: they cannot change or delete it, but can copy it', async () => {
    const seen = await boris<TrackPageView>('GET', trackPath(built.track.id));
    expect(seen.status).toBe(200);
    expect(seen.body.mine).toBe(false);
    expect(seen.body.suggestions).toEqual([]);
    expect(seen.body.track.items).toEqual(built.track.items);
    expect((await boris('PUT', trackPath(built.track.id), { items: [] })).status).toBe(403);
    expect((await boris('DELETE', trackPath(built.track.id))).status).toBe(403);
    expect((await anna<TrackPageView>('GET', trackPath(built.track.id))).body.track.items).toEqual(built.track.items);

    const copy = await boris<TrackPageView>('POST', apiPath(TRACKS_API.copy, { trackId: built.track.id }));
    expect(copy.status).toBe(201);
    expect(copy.body.mine).toBe(true);
    expect(copy.body.track.copiedFrom).toBe(built.track.id);
    expect(copy.body.track.items).toEqual(built.track.items.map((i) => ({ ...i, done: false })));
    expect((await boris<{ tracks: TrackSummary[] }>('GET', TRACKS_API.tracks)).body.tracks.map((t) => t.id)).toEqual([copy.body.track.id]);
    expect((await anna('PUT', trackPath(copy.body.track.id), { items: [] })).status).toBe(403);
  });

  it('answers 404 for unknown and malformed track ids', async () => {
    for (const id of ['AAAAAAAAAAAAAAAA', '__proto__', 'x'.repeat(200)]) expect((await anna('GET', trackPath(id))).status).toBe(404);
  });

  it('keeps tracks and ticks across a restart', async () => {
    await server.close();
    server = await boot();
    const again = await anna<TrackPageView>('GET', trackPath(built.track.id));
    expect(again.status).toBe(200);
    expect(again.body.mine).toBe(true);
    expect(again.body.track.items).toEqual(built.track.items);
    expect(again.body.progress.done).toBe(1);
  });

  it('deletes the owner’s track', async () => {
    expect((await anna('DELETE', trackPath(built.track.id))).status).toBe(204);
    expect((await anna('GET', trackPath(built.track.id))).status).toBe(404);
  });
});

describe('limits', () => {
  it('refuses new tracks beyond the address’s allowance with 429 and a wait, and stores none', async () => {
    const carl = visitor(() => server);
    const body = { topics: ['инклюзия'], level: 'beginner' };
    let status = 201;
    let made = 0;
    while (status === 201 && made < 30) {
      status = (await carl('POST', TRACKS_API.tracks, body)).status;
      if (status === 201) made++;
    }
    expect(status).toBe(429);
    expect(made).toBeLessThanOrEqual(20);
    const refused = await carl<{ error: string }>('POST', TRACKS_API.tracks, body);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/too many new tracks from this address; try again in \d+ s/);
    expect((await carl<{ tracks: TrackSummary[] }>('GET', TRACKS_API.tracks)).body.tracks).toHaveLength(made);
  });
});

describe('stage two', () => {
  it('lists webinars beside the programme with the events they fit, and one event’s webinars', async () => {
    const all = await anna<BesideView>('GET', TRACKS_API.beside);
    expect(all.status).toBe(200);
    expect(all.body.webinars.length).toBeGreaterThan(20);
    const w = all.body.webinars[0]!;
    expect(w.events.length).toBeGreaterThan(0);
    expect(w.place?.floorId).toBeTruthy();
    const one = await anna<EventBesideView>('GET', apiPath(TRACKS_API.eventBeside, { eventId: w.events[0]! }));
    expect(one.status).toBe(200);
    expect(one.body.webinars.length).toBeGreaterThan(0);
    expect(one.body.webinars.length).toBeLessThanOrEqual(6);
    expect((await anna('GET', apiPath(TRACKS_API.eventBeside, { eventId: 'no-such-event' }))).status).toBe(404);
  });

  it('lists the programme events on a stand’s topics', async () => {
    const res = await anna<StandEventsView>('GET', apiPath(TRACKS_API.standEvents, { exhibitorId: 'teplyj-dom' }));
    expect(res.status).toBe(200);
    expect(res.body.events.length).toBeGreaterThan(0);
    expect(res.body.events.every((e) => e.cluster === 'preschool' || e.tags.some((t) => /дошкол|семь|игр/.test(t)))).toBe(true);
    expect((await anna('GET', apiPath(TRACKS_API.standEvents, { exhibitorId: '__proto__' }))).status).toBe(404);
  });
});
