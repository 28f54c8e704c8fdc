// Stand, Leads, Analytics, Chats: an ARIA tab list (arrows, Home and End move between tabs)
// whose choice is also in the address (/cabinet/<exhibitor>/<tab>).
import { type KeyboardEvent, Suspense, lazy } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { CABINET_TABS, type CabinetTab } from '../../store/cabinetSlice.ts';
import { useStore, useT } from '../../store/index.ts';
import { AnalyticsPanel } from './analytics/AnalyticsPanel.tsx';
import { selectTab } from './cabinetActions.ts';
import { inboxUnread } from './staffPresence.ts';
import { StandEditor } from './editor/StandEditor.tsx';
import { LeadsPanel } from './leads/LeadsPanel.tsx';

const StaffInbox = lazy(() => import('../chat/StaffInbox.tsx').then((m) => ({ default: m.StaffInbox })));

const LABEL: Record<CabinetTab, MessageKey> = {
  stand: 'cabinet.tab.stand',
  leads: 'cabinet.tab.leads',
  analytics: 'cabinet.tab.analytics',
  chats: 'cabinet.tab.chats',
};

export function CabinetTabs() {
  const t = useT();
  const tab = useStore((s) => s.cabTab);
  const selected = useStore((s) => s.cabSelected);
  const newLeads = useStore((s) => (s.cabLeads?.exhibitorId === s.cabSelected ? s.cabLeads.items.filter((l) => l.status === 'new').length : 0));
  const unreadChats = useStore((s) => inboxUnread(s.inbox));
  // Without a stand only the chats make sense (a moderator's account).
  const tabs: readonly CabinetTab[] = selected ? CABINET_TABS : ['chats'];

  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.indexOf(tab);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    e.preventDefault();
    const id = tabs[next]!;
    selectTab(id);
    requestAnimationFrame(() => document.getElementById(`cab-tab-${id}`)?.focus());
  };

  return (
    <>
      <div className="cab-tabs" role="tablist" aria-label={t('cabinet.tabs')}>
        {tabs.map((id) => (
          <button
            key={id}
            id={`cab-tab-${id}`}
            type="button"
            role="tab"
            className="cab-tab"
            aria-selected={tab === id}
            aria-controls={`cab-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => selectTab(id)}
            onKeyDown={onKey}
          >
            {t(LABEL[id])}
            {id === 'leads' && newLeads > 0 && (
              <span className="cab-tab__count">
                {newLeads}
                <span className="sr-only"> {t('cabinet.tab.newLeads', { count: newLeads })}</span>
              </span>
            )}
            {id === 'chats' && unreadChats > 0 && (
              <span className="cab-tab__count">
                {unreadChats}
                <span className="sr-only"> {t('cabinet.tab.unreadChats', { count: unreadChats })}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="cab-tabpanel" role="tabpanel" id={`cab-panel-${tab}`} aria-labelledby={`cab-tab-${tab}`}>
        {tab === 'stand' && selected && <StandEditor exhibitorId={selected} />}
        {tab === 'leads' && selected && <LeadsPanel exhibitorId={selected} />}
        {tab === 'analytics' && selected && <AnalyticsPanel exhibitorId={selected} />}
        {tab === 'chats' && (
          <section className="cab-panel" aria-labelledby="cab-chats-title">
            <div className="cab-panel__head">
              <h2 id="cab-chats-title">{t('cabinet.tab.chats')}</h2>
            </div>
            <Suspense fallback={<p className="cab-state cab-muted">{t('cabinet.loading')}</p>}>
              <StaffInbox />
            </Suspense>
          </section>
        )}
      </div>
    </>
  );
}
