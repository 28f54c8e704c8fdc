// Every HTTP call of the exhibitor cabinet and its live event stream. Responses are parsed by
// the shared schemas before anyone trusts them; a failed call throws CabinetApiError with the
// HTTP status (0: no connection), the server's message and, for 429, how long to wait.
import { z } from 'zod';
import { type LoginBody, Me, type PasswordChangeBody } from '../../../shared/accounts.ts';
import { StandAnalytics } from '../../../shared/analytics.ts';
import { API, DirectoryEntry, LeadEvent, UploadResult, apiPath } from '../../../shared/api.ts';
import { Exhibitor, ExhibitorList } from '../../../shared/exhibitor.ts';
import { Lead, type LeadPatch } from '../../../shared/leads.ts';
import { StandContent } from '../../../shared/standContent.ts';
import { HttpError as CabinetApiError, errorOf, send } from './http.ts';

/** Cabinet calls fail with the client's one HTTP error type. */
export { HttpError as CabinetApiError } from './http.ts';

const call = (method: string, path: string, body?: unknown): Promise<Response> => send(method, path, body);

async function json<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  return schema.parse(await res.json());
}

const Session = z.object({ me: Me.nullable() });

/**
 * The logged-in account, or null when there is no (valid) session. Asks API.session, which
 * answers 200 either way: a 401 from API.me would be logged as an error on every visit.
 */
export async function fetchMe(): Promise<Me | null> {
  return (await json('GET', API.session, Session)).me;
}

export async function login(body: LoginBody): Promise<Me> {
  const res = await call('POST', API.login, body);
  // The login answer may be the account itself or just "ok"; ask once more if it is not.
  const me = Me.safeParse(await res.json().catch(() => null));
  if (me.success) return me.data;
  const again = await fetchMe();
  if (!again) throw new CabinetApiError(401, 'the session was not created');
  return again;
}

export async function logout(): Promise<void> {
  await call('POST', API.logout);
}

export async function changePassword(body: PasswordChangeBody): Promise<void> {
  await call('POST', API.password, body);
}

/** The exhibitors this account may act for (organisers: every exhibitor). */
export function fetchMyExhibitors(): Promise<Exhibitor[]> {
  return json('GET', API.cabinetExhibitors, ExhibitorList);
}

export function fetchDirectory(): Promise<DirectoryEntry[]> {
  return json('GET', API.directory, z.array(DirectoryEntry));
}

export function fetchExhibitor(exhibitorId: string): Promise<Exhibitor> {
  return json('GET', apiPath(API.cabinetExhibitor, { exhibitorId }), Exhibitor);
}

export function fetchContent(exhibitorId: string): Promise<StandContent> {
  return json('GET', apiPath(API.cabinetContent, { exhibitorId }), StandContent);
}

/** Saves the card; answers what the server stored (its own normalisation included). */
export async function saveExhibitor(exhibitor: Exhibitor): Promise<Exhibitor> {
  const res = await call('PUT', apiPath(API.cabinetExhibitor, { exhibitorId: exhibitor.id }), exhibitor);
  const stored = Exhibitor.safeParse(await res.json().catch(() => null));
  return stored.success ? stored.data : exhibitor;
}

export async function saveContent(exhibitorId: string, content: StandContent): Promise<StandContent> {
  const res = await call('PUT', apiPath(API.cabinetContent, { exhibitorId }), content);
  const stored = StandContent.safeParse(await res.json().catch(() => null));
  return stored.success ? stored.data : content;
}

export function fetchLeads(exhibitorId: string): Promise<Lead[]> {
  return json('GET', apiPath(API.cabinetLeads, { exhibitorId }), z.array(Lead));
}

export function patchLead(exhibitorId: string, leadId: string, patch: LeadPatch): Promise<Lead> {
  return json('PATCH', apiPath(API.cabinetLead, { exhibitorId, leadId }), Lead, patch);
}

/** Address of the CSV export; the query narrows it to the filters shown. */
export function leadsCsvUrl(exhibitorId: string, query = ''): string {
  return apiPath(API.cabinetLeadsCsv, { exhibitorId }) + (query ? `?${query}` : '');
}

export function fetchAnalytics(exhibitorId: string): Promise<StandAnalytics> {
  return json('GET', apiPath(API.cabinetAnalytics, { exhibitorId }), StandAnalytics);
}

/**
 * Uploads one file (multipart field "file"). XMLHttpRequest rather than fetch because a video
 * on a school's uplink takes a while and the progress bar is the only sign that it is moving.
 */
export function uploadFile(
  exhibitorId: string,
  file: File,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiPath(API.cabinetUpload, { exhibitorId }));
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new CabinetApiError(0, 'network error'));
    xhr.onabort = () => reject(new CabinetApiError(0, 'aborted'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below as a failure without a message
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const result = UploadResult.safeParse(body);
        if (result.success) resolve(result.data);
        else reject(new CabinetApiError(xhr.status, 'unexpected upload answer'));
        return;
      }
      reject(errorOf(xhr.status, body, xhr.getResponseHeader('Retry-After')));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export interface LeadStreamHandlers {
  onLead(event: LeadEvent): void;
  /** The stream is (re)connected; `again` after a drop, when missed events must be refetched. */
  onOpen(again: boolean): void;
  /** The link dropped: EventSource retries by itself unless `closed` (e.g. the session ended). */
  onDrop(closed: boolean): void;
}

/** Listens to the cabinet's server-sent events ("lead"); returns the dispose function. */
export function openLeadStream(h: LeadStreamHandlers): () => void {
  const source = new EventSource(API.cabinetEvents);
  let opened = false;
  source.onopen = () => {
    h.onOpen(opened);
    opened = true;
  };
  source.onerror = () => h.onDrop(source.readyState === EventSource.CLOSED);
  source.addEventListener('lead', (e) => {
    let data: unknown;
    try {
      data = JSON.parse((e as MessageEvent<string>).data);
    } catch {
      console.warn('cabinet events: a "lead" message that is not JSON');
      return;
    }
    const event = LeadEvent.safeParse(data);
    if (event.success) h.onLead(event.data);
    else console.warn('cabinet events: a malformed "lead" message', event.error.issues);
  });
  return () => source.close();
}
