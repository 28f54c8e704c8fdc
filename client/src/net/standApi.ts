// HTTP calls a visitor makes at a stand: the interior (cached per exhibitor), analytics events,
// the callback and business-card forms, and URLs of media and calendar files. Failures throw
// StandApiError with the HTTP status (0: no connection), the server's words and field details.
import { API, LeadAccepted, apiPath } from '../../../shared/api.ts';
import type { StandEventKind } from '../../../shared/analytics.ts';
import type { CallbackRequest, CardForMaterials } from '../../../shared/leads.ts';
import { StandContent } from '../../../shared/standContent.ts';
import { send } from './http.ts';

/** Stand calls fail with the client's one HTTP error type. */
export { HttpError as StandApiError } from './http.ts';

/** Where a media path ("assets/x" or "uploads/x") is served: "/assets/x", "/uploads/x". */
export function mediaUrl(path: string): string {
  if (!/^(assets|uploads)\//.test(path)) throw new Error(`not a media path: "${path}"`);
  return `/${path}`;
}

/** The .ics file of a webinar, for "add to calendar". */
export function webinarIcsUrl(exhibitorId: string, webinarId: string): string {
  return apiPath(API.webinarIcs, { exhibitorId, webinarId });
}

/** How long a loaded interior is reused: reopening a stand is instant, yet an exhibitor's edit
 * reaches visitors who stay on the page. */
const CONTENT_FRESH_MS = 60_000;
const contentCache = new Map<string, { at: number; content: Promise<StandContent> }>();

/** A stand's interior, cached per exhibitor for a minute (a failure is not cached). */
export function loadStandContent(exhibitorId: string): Promise<StandContent> {
  const known = contentCache.get(exhibitorId);
  if (known && Date.now() - known.at < CONTENT_FRESH_MS) return known.content;
  const content = send('GET', apiPath(API.standContent, { exhibitorId })).then(async (res) => StandContent.parse(await res.json()));
  const entry = { at: Date.now(), content };
  content.catch(() => {
    if (contentCache.get(exhibitorId) === entry) contentCache.delete(exhibitorId);
  });
  contentCache.set(exhibitorId, entry);
  return content;
}

/** Forgets a cached interior (the exhibitor changed it; the next open fetches it again). */
export function forgetStandContent(exhibitorId?: string): void {
  if (exhibitorId) contentCache.delete(exhibitorId);
  else contentCache.clear();
}

/**
 * Counts a visit, a video play or a download for the exhibitor's analytics; the browser's
 * signed visitor cookie says who (unique visitors), never the body. Fire and forget:
 * `keepalive` lets it finish while a download starts or the tab closes; a lost count is no
 * reason to bother the visitor.
 */
export function trackStandEvent(exhibitorId: string, kind: StandEventKind, opts: { standId?: string; item?: string } = {}): void {
  const body = { kind, ...opts };
  fetch(apiPath(API.standEvents, { exhibitorId }), {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => {});
}

function leadPath(path: string, exhibitorId: string, standId: string | undefined): string {
  const base = apiPath(path, { exhibitorId });
  return standId ? `${base}?stand=${encodeURIComponent(standId)}` : base;
}

async function postLead(path: string, body: unknown): Promise<LeadAccepted> {
  const res = await send('POST', path, body);
  return LeadAccepted.parse(await res.json());
}

export function sendCallback(exhibitorId: string, standId: string | undefined, body: CallbackRequest): Promise<LeadAccepted> {
  return postLead(leadPath(API.callback, exhibitorId, standId), body);
}

export function sendCardForMaterials(exhibitorId: string, standId: string | undefined, body: CardForMaterials): Promise<LeadAccepted> {
  return postLead(leadPath(API.cardForMaterials, exhibitorId, standId), body);
}
