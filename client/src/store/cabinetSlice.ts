// The exhibitor cabinet's state: who is logged in, which stand is being managed, the editor's
// draft, leads, analytics and the live link. Filled by the cabinet's actions
// (ui/cabinet/cabinetActions.ts); names start with "cab" to stay clear of the hall's slices.
import type { StateCreator } from 'zustand';
import type { Me } from '../../../shared/accounts.ts';
import type { StandAnalytics } from '../../../shared/analytics.ts';
import type { DirectoryEntry } from '../../../shared/api.ts';
import type { Exhibitor } from '../../../shared/exhibitor.ts';
import type { Lead } from '../../../shared/leads.ts';
import type { EditorForm } from '../ui/cabinet/editor/editorModel.ts';
import type { FieldErrors } from '../ui/cabinet/editor/fieldIssues.ts';
import type { AppState } from './index.ts';

export const CABINET_TABS = ['stand', 'leads', 'analytics', 'chats'] as const;
export type CabinetTab = (typeof CABINET_TABS)[number];

export type CabAuth =
  | { status: 'checking' }
  /** No session: never logged in, logged out, or the session ended. */
  | { status: 'anonymous'; reason?: 'expired' | 'loggedOut' }
  | { status: 'signedIn'; me: Me }
  /** The server could not be asked (offline, down). */
  | { status: 'unreachable' };

export type Phase = 'loading' | 'ready' | 'error';

export interface SaveStatus {
  /** 'restored': unsaved edits from a session that ended were put back. */
  kind: 'saved' | 'invalid' | 'error' | 'restored';
  /** For 'invalid': how many fields need attention; for 'error': the server's words. */
  count?: number;
  text?: string;
}

export interface EditorState {
  exhibitorId: string;
  /** The card as last saved: id, category and whatever the form does not edit. */
  base: Exhibitor;
  savedForm: EditorForm;
  draft: EditorForm;
  /** Problems of the current draft (shown once a field was left or a save was tried). */
  errors: FieldErrors;
  touched: Record<string, true>;
  submitted: boolean;
  saving: boolean;
  status: SaveStatus | null;
}

export interface LeadFilter {
  kind: 'all' | 'callback' | 'card';
  status: 'all' | Lead['status'];
  text: string;
  /** YYYY-MM-DD, local days, inclusive; '' for open. */
  from: string;
  to: string;
}

export const NO_FILTER: LeadFilter = { kind: 'all', status: 'all', text: '', from: '', to: '' };

export type LiveLink = 'off' | 'connecting' | 'live' | 'reconnecting';

export interface CabinetSlice {
  cabAuth: CabAuth;
  /** Exhibitors the account may act for; null until loaded. */
  cabExhibitors: Exhibitor[] | null;
  cabSelected: string | null;
  cabTab: CabinetTab;
  cabDirectory: DirectoryEntry[];
  cabEditor: EditorState | null;
  cabEditorPhase: Phase;
  cabLeads: { exhibitorId: string; items: Lead[]; phase: Phase } | null;
  cabLeadFilter: LeadFilter;
  /** Leads that arrived live, highlighted for a while. */
  cabFreshLeads: Record<string, true>;
  /** `fetchedAt` is "today" for the chart (the numbers' own moment, not the render's). */
  cabAnalytics: { exhibitorId: string; data: StandAnalytics | null; phase: Phase; fetchedAt: number } | null;
  cabLive: LiveLink;
  setCabAuth(auth: CabAuth): void;
  setCabExhibitors(list: Exhibitor[] | null): void;
  setCabSelection(exhibitorId: string | null, tab: CabinetTab): void;
  setCabDirectory(directory: DirectoryEntry[]): void;
  setCabEditor(editor: EditorState | null, phase?: Phase): void;
  setCabLeads(leads: CabinetSlice['cabLeads']): void;
  setCabLeadFilter(patch: Partial<LeadFilter> | null): void;
  /** Adds or replaces a lead of the list shown (newest first). */
  putCabLead(lead: Lead): void;
  markCabFresh(leadId: string, fresh: boolean): void;
  setCabAnalytics(analytics: CabinetSlice['cabAnalytics']): void;
  setCabLive(live: LiveLink): void;
  /** Back to a blank cabinet (logout, session ended). */
  resetCabinet(auth: CabAuth): void;
}

const byNewest = (a: Lead, b: Lead) => b.createdAt.localeCompare(a.createdAt);

const blank = {
  cabExhibitors: null,
  cabSelected: null,
  cabTab: 'stand',
  cabDirectory: [],
  cabEditor: null,
  cabEditorPhase: 'loading',
  cabLeads: null,
  cabLeadFilter: NO_FILTER,
  cabFreshLeads: {},
  cabAnalytics: null,
  cabLive: 'off',
} satisfies Partial<CabinetSlice>;

export const createCabinetSlice: StateCreator<AppState, [], [], CabinetSlice> = (set) => ({
  ...blank,
  cabAuth: { status: 'checking' },
  setCabAuth: (cabAuth) => set({ cabAuth }),
  setCabExhibitors: (cabExhibitors) => set({ cabExhibitors }),
  setCabSelection: (cabSelected, cabTab) => set({ cabSelected, cabTab }),
  setCabDirectory: (cabDirectory) => set({ cabDirectory }),
  setCabEditor: (cabEditor, phase) => set(phase ? { cabEditor, cabEditorPhase: phase } : { cabEditor }),
  setCabLeads: (cabLeads) => set({ cabLeads }),
  setCabLeadFilter: (patch) => set((s) => ({ cabLeadFilter: patch ? { ...s.cabLeadFilter, ...patch } : NO_FILTER })),
  putCabLead: (lead) =>
    set((s) => {
      if (!s.cabLeads || s.cabLeads.exhibitorId !== lead.exhibitorId) return {};
      const items = s.cabLeads.items.some((l) => l.id === lead.id)
        ? s.cabLeads.items.map((l) => (l.id === lead.id ? lead : l))
        : [lead, ...s.cabLeads.items].sort(byNewest);
      return { cabLeads: { ...s.cabLeads, items } };
    }),
  markCabFresh: (leadId, fresh) =>
    set((s) => {
      const next = { ...s.cabFreshLeads };
      if (fresh) next[leadId] = true;
      else delete next[leadId];
      return { cabFreshLeads: next };
    }),
  setCabAnalytics: (cabAnalytics) => set({ cabAnalytics }),
  setCabLive: (cabLive) => set({ cabLive }),
  resetCabinet: (cabAuth) => set({ ...blank, cabAuth }),
});
