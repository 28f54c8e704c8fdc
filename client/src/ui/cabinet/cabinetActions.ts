// The cabinet's named intents: sign in and out, pick a stand and a tab, load and save the
// stand, work with leads, follow the live feed. Components call these; these call net/ and
// write the store. A 401 anywhere means the session ended: back to the login page.
import { canActFor, type LoginBody, type Me, type PasswordChangeBody } from '../../../../shared/accounts.ts';
import type { LeadEvent } from '../../../../shared/api.ts';
import type { Exhibitor } from '../../../../shared/exhibitor.ts';
import type { LeadPatch } from '../../../../shared/leads.ts';
import {
  CabinetApiError,
  changePassword as postPassword,
  fetchAnalytics,
  fetchContent,
  fetchDirectory,
  fetchExhibitor,
  fetchLeads,
  fetchMe,
  fetchMyExhibitors,
  login,
  logout,
  openLeadStream,
  patchLead,
  saveContent,
  saveExhibitor,
} from '../../net/cabinetApi.ts';
import type { CabinetTab } from '../../store/cabinetSlice.ts';
import { currentT, useStore } from '../../store/index.ts';
import { cabinetPath, parseCabinetPath } from './cabinetRoutes.ts';
import { type EditorForm, changedParts, isDirty, toForm, validateForm } from './editor/editorModel.ts';
import { leadName } from './leads/leadFilters.ts';

const store = () => useStore.getState();
const FRESH_MS = 12_000;

let stopStream: (() => void) | null = null;
let loadSeq = 0;
/** Unsaved edits of a session that ended; offered back after logging in again on this page. */
let stashed: { exhibitorId: string; savedForm: EditorForm; draft: EditorForm } | null = null;

/** Ends the session view when the server says there is no session any more. */
function handleFailure(err: unknown): void {
  if (err instanceof CabinetApiError && err.status === 401) sessionEnded();
  else console.error(err);
}

function sessionEnded(): void {
  const ed = store().cabEditor;
  if (ed && hasUnsavedChanges()) stashed = { exhibitorId: ed.exhibitorId, savedForm: ed.savedForm, draft: ed.draft };
  stopLive();
  store().resetCabinet({ status: 'anonymous', reason: 'expired' });
}

/** First thing on /cabinet: a session decides between the login page and the cabinet. */
export function startCabinet(): () => void {
  const onPop = () => {
    if (store().cabAuth.status !== 'signedIn') return;
    const loc = parseCabinetPath(location.pathname);
    if (loc.exhibitorId && loc.exhibitorId !== store().cabSelected) selectExhibitor(loc.exhibitorId, loc.tab, 'none');
    else selectTab(loc.tab, 'none');
  };
  // Leaving with unsaved edits asks first (the browser words the question).
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (hasUnsavedChanges()) e.preventDefault();
  };
  addEventListener('popstate', onPop);
  addEventListener('beforeunload', onBeforeUnload);
  void checkSession();
  return () => {
    removeEventListener('popstate', onPop);
    removeEventListener('beforeunload', onBeforeUnload);
    stopLive();
  };
}

export async function checkSession(): Promise<void> {
  store().setCabAuth({ status: 'checking' });
  try {
    const me = await fetchMe();
    if (me) await enterCabinet(me);
    else store().setCabAuth({ status: 'anonymous' });
  } catch (err) {
    console.error(err);
    store().setCabAuth({ status: 'unreachable' });
  }
}

/** Logs in; throws CabinetApiError for the form to explain (401, 429, 400, 0). */
export async function signIn(body: LoginBody): Promise<void> {
  const me = await login(body);
  await enterCabinet(me);
}

export async function signOut(): Promise<void> {
  if (hasUnsavedChanges() && !confirm(currentT()('cabinet.confirmDiscard'))) return;
  try {
    await logout();
  } catch (err) {
    // Logged out locally either way; the cookie ends with the browser or the session's expiry.
    console.error(err);
  }
  stopLive();
  store().resetCabinet({ status: 'anonymous', reason: 'loggedOut' });
  history.replaceState(null, '', cabinetPath(null, 'stand'));
}

export async function changePassword(body: PasswordChangeBody): Promise<void> {
  try {
    await postPassword(body);
  } catch (err) {
    if (err instanceof CabinetApiError && err.status === 401) sessionEnded();
    throw err;
  }
}

async function enterCabinet(me: Me): Promise<void> {
  store().setCabAuth({ status: 'signedIn', me });
  startLive();
  void fetchDirectory().then(
    (d) => store().setCabDirectory(d),
    (err: unknown) => console.error(err),
  );
  let list;
  try {
    list = await fetchMyExhibitors();
  } catch (err) {
    handleFailure(err);
    store().setCabExhibitors([]);
    return;
  }
  store().setCabExhibitors(list);
  const loc = parseCabinetPath(location.pathname);
  const wanted = loc.exhibitorId && list.some((e) => e.id === loc.exhibitorId) && canActFor(me, loc.exhibitorId) ? loc.exhibitorId : null;
  const first = wanted ?? list[0]?.id ?? null;
  if (first) selectExhibitor(first, wanted ? loc.tab : 'stand', 'replace');
  else {
    store().setCabSelection(null, 'chats');
    history.replaceState(null, '', cabinetPath(null, 'chats'));
  }
}

export function hasUnsavedChanges(): boolean {
  const ed = store().cabEditor;
  return !!ed && isDirty(ed);
}

type HistoryMode = 'push' | 'replace' | 'none';

function writeUrl(exhibitorId: string | null, tab: CabinetTab, mode: HistoryMode): void {
  const url = cabinetPath(exhibitorId, tab);
  if (mode === 'none' || location.pathname === url) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** Switches the stand being managed (asks first when the editor holds unsaved changes). */
export function selectExhibitor(exhibitorId: string, tab: CabinetTab = store().cabTab, mode: HistoryMode = 'push'): boolean {
  const s = store();
  if (s.cabSelected === exhibitorId) {
    selectTab(tab, mode);
    return true;
  }
  if (hasUnsavedChanges() && !confirm(currentT()('cabinet.confirmDiscard'))) {
    if (mode === 'none') writeUrl(s.cabSelected, s.cabTab, 'push'); // undo the browser's Back
    return false;
  }
  s.setCabSelection(exhibitorId, tab);
  s.setCabLeadFilter(null);
  s.setCabAnalytics(null);
  writeUrl(exhibitorId, tab, mode);
  void loadEditor(exhibitorId);
  void loadLeads(exhibitorId);
  if (tab === 'analytics') void loadAnalytics(exhibitorId);
  return true;
}

export function selectTab(tab: CabinetTab, mode: HistoryMode = 'push'): void {
  const s = store();
  s.setCabSelection(s.cabSelected, tab);
  writeUrl(s.cabSelected, tab, mode);
  if (tab === 'analytics' && s.cabSelected) void loadAnalytics(s.cabSelected);
}

// The stand editor.

export async function loadEditor(exhibitorId: string): Promise<void> {
  const seq = ++loadSeq;
  store().setCabEditor(null, 'loading');
  try {
    const [exhibitor, content] = await Promise.all([fetchExhibitor(exhibitorId), fetchContent(exhibitorId)]);
    if (seq !== loadSeq) return;
    const form = toForm(exhibitor, content);
    // Edits cut short by an ended session come back if nobody saved the stand meanwhile.
    const restore = stashed?.exhibitorId === exhibitorId && JSON.stringify(stashed.savedForm) === JSON.stringify(form) ? stashed.draft : null;
    stashed = null;
    const draft = restore ?? form;
    store().setCabEditor(
      {
        exhibitorId,
        base: exhibitor,
        savedForm: form,
        draft,
        errors: restore ? validateForm(draft, exhibitor).errors : {},
        touched: {},
        submitted: false,
        saving: false,
        status: restore ? { kind: 'restored' } : null,
      },
      'ready',
    );
  } catch (err) {
    if (seq !== loadSeq) return;
    handleFailure(err);
    store().setCabEditor(null, 'error');
  }
}

/** Applies an edit to the draft and re-checks it against the schemas. */
export function editDraft(edit: (draft: EditorForm) => EditorForm): void {
  const ed = store().cabEditor;
  if (!ed) return;
  const draft = edit(ed.draft);
  store().setCabEditor({ ...ed, draft, errors: validateForm(draft, ed.base).errors, status: ed.status?.kind === 'saved' ? null : ed.status });
}

/** A field was left: its problem (if any) shows from now on. */
export function touchField(key: string): void {
  const ed = store().cabEditor;
  if (!ed || ed.touched[key]) return;
  store().setCabEditor({ ...ed, touched: { ...ed.touched, [key]: true } });
}

export function discardDraft(): void {
  const ed = store().cabEditor;
  if (!ed) return;
  store().setCabEditor({ ...ed, draft: ed.savedForm, errors: {}, touched: {}, submitted: false, status: null });
}

/** Validates and saves what changed (card and interior have separate endpoints). */
export async function saveDraft(): Promise<void> {
  const ed = store().cabEditor;
  if (!ed || ed.saving) return;
  const checked = validateForm(ed.draft, ed.base);
  const problems = Object.keys(checked.errors).length;
  if (problems > 0 || !checked.exhibitor || !checked.content) {
    store().setCabEditor({ ...ed, errors: checked.errors, submitted: true, status: { kind: 'invalid', count: problems } });
    return;
  }
  const changed = changedParts(ed.draft, ed.savedForm, ed.base);
  const draft = ed.draft;
  store().setCabEditor({ ...ed, errors: {}, submitted: true, saving: true, status: null });
  let base = ed.base;
  let savedForm = ed.savedForm;
  try {
    if (changed.exhibitor) {
      base = await saveExhibitor(checked.exhibitor);
      // The card is saved even if the interior fails next: remember it as saved.
      savedForm = { ...savedForm, profile: draft.profile };
      const list = store().cabExhibitors;
      if (list) store().setCabExhibitors(list.map((e) => (e.id === base.id ? base : e)));
    }
    if (changed.content) await saveContent(ed.exhibitorId, checked.content);
    finishSave(ed.exhibitorId, base, draft, { kind: 'saved' }); // the save bar's live region says so
  } catch (err) {
    if (err instanceof CabinetApiError && err.status === 401) {
      sessionEnded(); // the draft is stashed and offered back after logging in
      return;
    }
    console.error(err);
    const text = err instanceof CabinetApiError ? [err.message, ...err.details].join('; ') : String(err);
    const now = store().cabEditor;
    if (now?.exhibitorId === ed.exhibitorId) store().setCabEditor({ ...now, base, savedForm, saving: false, status: { kind: 'error', text } });
  }
}

function finishSave(exhibitorId: string, base: Exhibitor, draft: EditorForm, status: { kind: 'saved' }): void {
  const now = store().cabEditor;
  if (now?.exhibitorId !== exhibitorId) return;
  // Edits typed while the request was on its way stay in the draft (and stay unsaved).
  store().setCabEditor({ ...now, base, savedForm: draft, saving: false, status, touched: {}, submitted: false, errors: validateForm(now.draft, base).errors });
}

// Leads.

export async function loadLeads(exhibitorId: string): Promise<void> {
  const s = store();
  if (s.cabLeads?.exhibitorId !== exhibitorId) s.setCabLeads({ exhibitorId, items: [], phase: 'loading' });
  try {
    const items = await fetchLeads(exhibitorId);
    if (store().cabSelected !== exhibitorId) return;
    items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    store().setCabLeads({ exhibitorId, items, phase: 'ready' });
  } catch (err) {
    handleFailure(err);
    if (store().cabSelected === exhibitorId) store().setCabLeads({ exhibitorId, items: store().cabLeads?.items ?? [], phase: 'error' });
  }
}

/** Changes a lead's status or note; the table shows the change at once and undoes it on failure. */
export async function updateLead(exhibitorId: string, leadId: string, patch: LeadPatch): Promise<boolean> {
  const before = store().cabLeads?.items.find((l) => l.id === leadId);
  if (!before) return false;
  store().putCabLead({ ...before, ...patch });
  try {
    store().putCabLead(await patchLead(exhibitorId, leadId, patch));
    store().markCabFresh(leadId, false);
    return true;
  } catch (err) {
    handleFailure(err);
    store().putCabLead(before);
    store().announce(currentT()('cabinet.leads.updateFailed'));
    return false;
  }
}

function onLeadEvent(e: LeadEvent): void {
  const s = store();
  if (s.cabSelected !== e.lead.exhibitorId || s.cabLeads?.exhibitorId !== e.lead.exhibitorId) return;
  const known = s.cabLeads.items.some((l) => l.id === e.lead.id);
  s.putCabLead(e.lead);
  if (e.change === 'created' && !known) {
    s.markCabFresh(e.lead.id, true);
    setTimeout(() => store().markCabFresh(e.lead.id, false), FRESH_MS);
    const t = currentT();
    s.announce(t(e.lead.kind === 'card' ? 'cabinet.leads.newCard' : 'cabinet.leads.newCallback', { name: leadName(e.lead) }));
  }
}

// The live feed.

function startLive(): void {
  stopLive();
  store().setCabLive('connecting');
  stopStream = openLeadStream({
    onLead: onLeadEvent,
    onOpen: (again) => {
      store().setCabLive('live');
      // Leads that came while the link was down were never pushed: fetch the list again.
      const id = store().cabSelected;
      if (again && id) void loadLeads(id);
    },
    onDrop: (closed) => {
      if (!closed) {
        store().setCabLive('reconnecting');
        return;
      }
      // The server refused the stream: most likely the session ended. Ask, then retry later.
      store().setCabLive('reconnecting');
      void fetchMe().then(
        (me) => {
          if (!me) sessionEnded();
          else setTimeout(() => store().cabAuth.status === 'signedIn' && startLive(), 5000);
        },
        () => setTimeout(() => store().cabAuth.status === 'signedIn' && startLive(), 5000),
      );
    },
  });
}

function stopLive(): void {
  stopStream?.();
  stopStream = null;
  store().setCabLive('off');
}

// Analytics.

export async function loadAnalytics(exhibitorId: string): Promise<void> {
  const prev = store().cabAnalytics;
  store().setCabAnalytics({ exhibitorId, data: prev?.exhibitorId === exhibitorId ? prev.data : null, phase: 'loading', fetchedAt: prev?.fetchedAt ?? Date.now() });
  try {
    const data = await fetchAnalytics(exhibitorId);
    if (store().cabSelected === exhibitorId) store().setCabAnalytics({ exhibitorId, data, phase: 'ready', fetchedAt: Date.now() });
  } catch (err) {
    handleFailure(err);
    if (store().cabSelected === exhibitorId) store().setCabAnalytics({ exhibitorId, data: null, phase: 'error', fetchedAt: Date.now() });
  }
}
