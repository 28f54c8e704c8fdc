// The broadcast page's HTTP calls (/api/broadcast/events/:id/*), each answer parsed by the
// shared schemas before it is trusted; failures are the client's one HttpError.
import type { z } from 'zod';
import { API, apiPath } from '../../../shared/api.ts';
import { BroadcastLogs, BroadcastView } from '../../../shared/broadcast.ts';
import { EventModeratorsView } from '../../../shared/eventModerators.ts';
import { send } from './http.ts';

export { HttpError as BroadcastHttpError } from './http.ts';

async function request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  return schema.parse(await res.json());
}

const at = (path: string, eventId: string) => apiPath(path, { eventId });

export const fetchBroadcast = (eventId: string) => request('GET', at(API.broadcastEvent, eventId), BroadcastView);
export const goLive = (eventId: string) => request('POST', at(API.broadcastLive, eventId), BroadcastView);
export const endBroadcast = (eventId: string) => request('POST', at(API.broadcastEnd, eventId), BroadcastView);
export const regenerateKey = (eventId: string) => request('POST', at(API.broadcastKey, eventId), BroadcastView);
export const fetchBroadcastLogs = (eventId: string) => request('GET', at(API.broadcastLogs, eventId), BroadcastLogs);
export const fetchEventModerators = (eventId: string) => request('GET', at(API.broadcastModerators, eventId), EventModeratorsView);
export const saveEventModerators = (eventId: string, accountIds: string[]) => request('PUT', at(API.broadcastModerators, eventId), EventModeratorsView, { accountIds });
