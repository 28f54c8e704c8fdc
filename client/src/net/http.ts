// The client's one way to call the JSON API: same-origin cookies, JSON in and out, and one
// error type for every failure, carrying the HTTP status (0: no connection), the server's
// message, its "field.path: message" details and, for 429, how long to wait.
import { ApiError } from '../../../shared/api.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
    /** Seconds the server asked us to wait (Retry-After), for 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

function retryAfterOf(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header); // Retry-After may also be an HTTP date
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** The error for a failed answer, from its ApiError body when there is one. */
export function errorOf(status: number, body: unknown, retryAfter: string | null = null): HttpError {
  const parsed = ApiError.safeParse(body);
  return parsed.success
    ? new HttpError(status, parsed.data.error, parsed.data.details ?? [], retryAfterOf(retryAfter))
    : new HttpError(status, `HTTP ${status}`, [], retryAfterOf(retryAfter));
}

/** Sends a request (a JSON body if given); resolves with an OK response or throws HttpError. */
export async function send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new HttpError(0, err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) {
    // A proxy's HTML error page is not JSON: the status alone must do then.
    const errBody: unknown = await res.json().catch(() => null);
    throw errorOf(res.status, errBody, res.headers.get('Retry-After'));
  }
  return res;
}
