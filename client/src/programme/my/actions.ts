// "My programme"'s intents: load it once, star / unstar, save reminder settings, renew the
// feed address, make and redeem transfer codes. Components call these; they never fetch
// themselves. Light (no programme schedule): the hall calls loadMyProgramme for reminders.
import {
  fetchMyProgramme,
  makeTransferCode,
  redeemTransferCode,
  renewFeed,
  saveReminders,
  setStar,
} from '../../net/myProgrammeApi.ts';
import { HttpError } from '../../net/http.ts';
import type { TransferCodeView } from '../../../../shared/programme/myProgramme.ts';
import { useStore } from '../../store/index.ts';

let loading: Promise<void> | null = null;

/** Loads the visitor's programme once (again after a failure); later calls share the first. */
export function loadMyProgramme(): Promise<void> {
  const s = useStore.getState();
  if (s.myStatus === 'ready') return Promise.resolve();
  if (loading) return loading;
  s.setMyStatus('loading');
  loading = fetchMyProgramme()
    .then((view) => useStore.getState().setMy(view))
    .catch(() => useStore.getState().setMyStatus('error'))
    .finally(() => {
      loading = null;
    });
  return loading;
}

export function isStarred(eventId: string): boolean {
  return useStore.getState().my?.starred.some((s) => s.eventId === eventId) ?? false;
}

/** Stars or unstars; resolves false when the server refused or could not be reached. */
export async function toggleStar(eventId: string): Promise<boolean> {
  const s = useStore.getState();
  if (s.myPending.includes(eventId)) return true;
  s.setMyPending(eventId, true);
  try {
    useStore.getState().setMy(await setStar(eventId, !isStarred(eventId)));
    return true;
  } catch {
    return false;
  } finally {
    useStore.getState().setMyPending(eventId, false);
  }
}

/** The server's "field: message" lines, or its message, for a form to show. */
function problemsOf(e: unknown): string {
  if (e instanceof HttpError) return e.details.length > 0 ? e.details.join('; ') : e.message;
  return e instanceof Error ? e.message : String(e);
}

export async function saveReminderSettings(body: { leadMinutes: number; email: string | null; consent: boolean }): Promise<string | null> {
  try {
    useStore.getState().setMy(await saveReminders(body));
    return null;
  } catch (e) {
    return problemsOf(e);
  }
}

export async function renewFeedAddress(): Promise<void> {
  useStore.getState().setMy(await renewFeed());
}

export const newTransferCode = (): Promise<TransferCodeView> => makeTransferCode();

/** Takes over the programme a code was made for; null when done, else what went wrong. */
export async function redeemCode(code: string): Promise<{ ok: true } | { ok: false; status: number; problem: string }> {
  try {
    useStore.getState().setMy(await redeemTransferCode(code));
    return { ok: true };
  } catch (e) {
    return { ok: false, status: e instanceof HttpError ? e.status : 0, problem: problemsOf(e) };
  }
}
