// The "Leads" tab: callback requests and business cards, newest first, filtered, with status
// and notes; new ones arrive live (highlighted and announced).
import { useMemo } from 'react';
import { useStore, useT } from '../../../store/index.ts';
import { loadLeads } from '../cabinetActions.ts';
import { LiveBadge } from '../LiveBadge.tsx';
import { LeadFiltersBar } from './LeadFiltersBar.tsx';
import { filterLeads, isFiltered } from './leadFilters.ts';
import { LeadRow } from './LeadRow.tsx';

export function LeadsPanel({ exhibitorId }: { exhibitorId: string }) {
  const t = useT();
  const leads = useStore((s) => (s.cabLeads?.exhibitorId === exhibitorId ? s.cabLeads : null));
  const filter = useStore((s) => s.cabLeadFilter);
  const fresh = useStore((s) => s.cabFreshLeads);
  const shown = useMemo(() => (leads ? filterLeads(leads.items, filter) : []), [leads, filter]);

  return (
    <section className="cab-panel" aria-labelledby="cab-leads-title">
      <div className="cab-panel__head">
        <h2 id="cab-leads-title">{t('cabinet.leads.title')}</h2>
        <LiveBadge />
      </div>
      <LeadFiltersBar exhibitorId={exhibitorId} shown={shown.length} total={leads?.items.length ?? 0} />
      {leads?.phase === 'error' && (
        <div className="cab-state" role="alert">
          <p>{t('cabinet.leads.loadError')}</p>
          <button type="button" className="button" onClick={() => void loadLeads(exhibitorId)}>
            {t('cabinet.retry')}
          </button>
        </div>
      )}
      {(!leads || (leads.phase === 'loading' && leads.items.length === 0)) && <p className="cab-state cab-muted">{t('cabinet.loading')}</p>}
      {leads && leads.phase !== 'loading' && shown.length === 0 && leads.phase !== 'error' && (
        <p className="cab-state cab-muted">{isFiltered(filter) ? t('cabinet.leads.noneFiltered') : t('cabinet.leads.none')}</p>
      )}
      {shown.length > 0 && (
        <div className="cab-table-wrap">
          <table className="cab-table cab-leads">
            <caption className="sr-only">{t('cabinet.leads.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cabinet.leads.col.when')}</th>
                <th scope="col">{t('cabinet.leads.col.kind')}</th>
                <th scope="col">{t('cabinet.leads.col.who')}</th>
                <th scope="col">{t('cabinet.leads.col.contact')}</th>
                <th scope="col">{t('cabinet.leads.col.request')}</th>
                <th scope="col">{t('cabinet.leads.col.status')}</th>
                <th scope="col">{t('cabinet.leads.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((lead) => (
                <LeadRow key={lead.id} lead={lead} fresh={!!fresh[lead.id]} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
