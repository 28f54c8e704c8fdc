// The hall's one programme call: the events live now and when that next changes
// (/api/programme/on-air), parsed before it is trusted. Kept apart from programmeApi.ts so
// the hall does not load the programme pages' schemas.
import { z } from 'zod';
import { API } from '../../../shared/api.ts';
import type { OnAirView } from '../../../shared/programme/onAir.ts';
import { STAGES } from '../../../shared/programme/schema.ts';
import { send } from './http.ts';

const Text = z.object({ ru: z.string(), en: z.string().optional() });

const OnAir: z.ZodType<OnAirView> = z.object({
  revision: z.number(),
  clock: z.object({ now: z.string(), nowMs: z.number(), offsetMs: z.number(), timeZone: z.string() }),
  events: z.array(
    z.object({
      id: z.string(),
      title: Text,
      cluster: z.string(),
      clusterTitle: Text.nullable(),
      stage: z.enum(STAGES),
      start: z.string(),
      end: z.string(),
    }),
  ),
  nextChangeAt: z.number().nullable(),
});

export async function fetchOnAir(signal?: AbortSignal): Promise<OnAirView> {
  const res = await send('GET', API.programmeOnAir, undefined, signal);
  return OnAir.parse(await res.json());
}
