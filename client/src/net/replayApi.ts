// The replay's one HTTP call: an ended event's conversation (approved questions, comments),
// parsed by its schema (shared/replay.ts) before the page trusts it.
import { API, apiPath } from '../../../shared/api.ts';
import { ReplayConversation } from '../../../shared/replay.ts';
import { send } from './http.ts';

export async function fetchReplayConversation(eventId: string, signal?: AbortSignal): Promise<ReplayConversation> {
  const res = await send('GET', apiPath(API.qaReplay, { eventId }), undefined, signal);
  return ReplayConversation.parse(await res.json());
}
