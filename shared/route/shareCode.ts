// A personal route as a short, shareable code: the stops, the start, the optional end,
// step-free and pins, as base64url of a compact JSON ({v:1, s, st, e, sf, p}). Decoding
// goes through a schema, so a mangled or hostile link yields null, never a broken route.
import { z } from 'zod';

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** "floor/id": a stand or a landmark on a floor. */
export interface FloorThing {
  floor: string;
  id: string;
}

/** Where the route starts: where the visitor stands, or a landmark (e.g. a floor's entrance). */
export type RouteStart = { kind: 'here' } | { kind: 'landmark'; floor: string; landmark: string };
export type RouteEnd = { kind: 'landmark'; floor: string; landmark: string };

export interface RouteSpec {
  /** Stands to visit, in the visitor's (or the last planned) order. */
  stops: { floor: string; stand: string }[];
  start: RouteStart;
  end: RouteEnd | null;
  stepFree: boolean;
  /** Stop index (into `stops`) → fixed visiting position (see Pin in types.ts). */
  pins: { stop: number; position: number }[];
}

/** Most stops a code may carry: keeps links well under URL length limits. */
export const MAX_SHARED_STOPS = 60;

const Ref = z.string().max(80).refine((s) => {
  const [floor, id, ...rest] = s.split('/');
  return rest.length === 0 && !!floor && !!id && ID.test(floor) && ID.test(id);
});

const Wire = z.object({
  v: z.literal(1),
  s: z.array(Ref).max(MAX_SHARED_STOPS),
  st: z.union([z.literal('here'), Ref]),
  e: Ref.optional(),
  sf: z.literal(1).optional(),
  p: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])).max(MAX_SHARED_STOPS).optional(),
});
type Wire = z.infer<typeof Wire>;

const split = (ref: string): FloorThing => {
  const [floor = '', id = ''] = ref.split('/');
  return { floor, id };
};

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  const b64 = code.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeRoute(spec: RouteSpec): string {
  const wire: Wire = {
    v: 1,
    s: spec.stops.slice(0, MAX_SHARED_STOPS).map((s) => `${s.floor}/${s.stand}`),
    st: spec.start.kind === 'here' ? 'here' : `${spec.start.floor}/${spec.start.landmark}`,
    ...(spec.end ? { e: `${spec.end.floor}/${spec.end.landmark}` } : {}),
    ...(spec.stepFree ? { sf: 1 as const } : {}),
    ...(spec.pins.length ? { p: spec.pins.map((p): [number, number] => [p.stop, p.position]) } : {}),
  };
  return toBase64Url(JSON.stringify(wire));
}

/** The route in a code, or null when the code is not one we wrote. */
export function decodeRoute(code: string): RouteSpec | null {
  if (!/^[A-Za-z0-9_-]{1,4000}$/.test(code)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(code));
  } catch {
    return null;
  }
  const parsed = Wire.safeParse(raw);
  if (!parsed.success) return null;
  const w = parsed.data;
  const stops = w.s.map(split).map((t) => ({ floor: t.floor, stand: t.id }));
  const pins = (w.p ?? []).filter(([stop, position]) => stop < stops.length && position < stops.length);
  const st = w.st === 'here' ? null : split(w.st);
  const e = w.e ? split(w.e) : null;
  return {
    stops,
    start: st ? { kind: 'landmark', floor: st.floor, landmark: st.id } : { kind: 'here' },
    end: e ? { kind: 'landmark', floor: e.floor, landmark: e.id } : null,
    stepFree: w.sf === 1,
    pins: pins.map(([stop, position]) => ({ stop, position })),
  };
}
