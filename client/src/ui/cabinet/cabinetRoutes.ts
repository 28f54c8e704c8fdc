// Cabinet addresses: /cabinet/<exhibitor>/<tab>, so a reload or a shared link opens the same
// stand and tab (the server answers every /cabinet/... with the client).
import { CABINET_PATH } from '../../../../shared/routes.ts';
import { CABINET_TABS, type CabinetTab } from '../../store/cabinetSlice.ts';

export interface CabinetLocation {
  exhibitorId: string | null;
  tab: CabinetTab;
}

export function parseCabinetPath(pathname: string): CabinetLocation {
  const parts = pathname.slice(CABINET_PATH.length).split('/').filter(Boolean);
  let exhibitorId: string | null = null;
  try {
    exhibitorId = parts[0] ? decodeURIComponent(parts[0]) : null;
  } catch {
    // a malformed %-escape in a pasted link: start from the first stand
  }
  const tab = CABINET_TABS.find((t) => t === parts[1]) ?? 'stand';
  return { exhibitorId, tab };
}

export function cabinetPath(exhibitorId: string | null, tab: CabinetTab): string {
  return exhibitorId ? `${CABINET_PATH}/${encodeURIComponent(exhibitorId)}/${tab}` : CABINET_PATH;
}
