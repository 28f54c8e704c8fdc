// Client URLs: every view of the hall has an address that survives reload and can be shared.
// Parsing and building live here, once, for the app, the server's fallback and the tests.

export type View =
  | { kind: 'home' }
  | { kind: 'floor'; floorId: string; focus?: string }
  | { kind: 'stand'; floorId: string; standId: string }
  /** A shared personal route; the code is made by shared/route/shareCode.ts. */
  | { kind: 'route'; code: string };

const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;
const ROUTE_CODE = /^[A-Za-z0-9_-]{1,4000}$/;

export const ROUTE_PATTERNS = ['/', '/floor/:floorId', '/floor/:floorId/stand/:standId', '/route/:code'] as const;

export function parseView(pathname: string, search = ''): View {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { kind: 'home' }; // a malformed %-escape in a pasted link
  }
  if (parts[0] === 'route' && parts.length === 2 && parts[1] && ROUTE_CODE.test(parts[1])) {
    return { kind: 'route', code: parts[1] };
  }
  const params = new URLSearchParams(search);
  if (parts[0] === 'floor' && parts[1] && SEGMENT.test(parts[1])) {
    if (parts.length === 2) {
      const focus = params.get('focus');
      return focus && SEGMENT.test(focus)
        ? { kind: 'floor', floorId: parts[1], focus }
        : { kind: 'floor', floorId: parts[1] };
    }
    if (parts.length === 4 && parts[2] === 'stand' && parts[3] && SEGMENT.test(parts[3])) {
      return { kind: 'stand', floorId: parts[1], standId: parts[3] };
    }
  }
  return { kind: 'home' };
}

export function viewUrl(view: View): string {
  switch (view.kind) {
    case 'home':
      return '/';
    case 'floor':
      return `/floor/${encodeURIComponent(view.floorId)}${view.focus ? `?focus=${encodeURIComponent(view.focus)}` : ''}`;
    case 'stand':
      return `/floor/${encodeURIComponent(view.floorId)}/stand/${encodeURIComponent(view.standId)}`;
    case 'route':
      return `/route/${view.code}`;
  }
}

/** The exhibitor cabinet lives under /cabinet (login, stands, leads, analytics, chats). */
export const CABINET_PATH = '/cabinet';

export function isCabinetPath(pathname: string): boolean {
  return pathname === CABINET_PATH || pathname.startsWith(`${CABINET_PATH}/`);
}
