// Filters above the leads table: kind, status, text, date range; plus the count and CSV.
import { LeadStatus } from '../../../../../shared/leads.ts';
import { leadsCsvUrl } from '../../../net/cabinetApi.ts';
import type { LeadFilter } from '../../../store/cabinetSlice.ts';
import { useStore, useT } from '../../../store/index.ts';
import { DateField } from '../date/DateField.tsx';
import { isFiltered } from './leadFilters.ts';

/** The server narrows the CSV by kind and status; text and dates only narrow the table. */
function csvQuery(f: LeadFilter): string {
  const q = new URLSearchParams();
  if (f.kind !== 'all') q.set('kind', f.kind);
  if (f.status !== 'all') q.set('status', f.status);
  return q.toString();
}

export function LeadFiltersBar({ exhibitorId, shown, total }: { exhibitorId: string; shown: number; total: number }) {
  const t = useT();
  const f = useStore((s) => s.cabLeadFilter);
  const set = useStore((s) => s.setCabLeadFilter);
  const partialCsv = f.text.trim() !== '' || f.from !== '' || f.to !== '';
  return (
    <div className="cab-filters">
      <div className="cab-filters__fields" role="search" aria-label={t('cabinet.leads.filters')}>
        <div className="cab-field cab-field--compact">
          <label className="cab-field__label" htmlFor="cab-f-text">
            {t('cabinet.leads.search')}
          </label>
          <input id="cab-f-text" type="search" value={f.text} onChange={(e) => set({ text: e.target.value })} placeholder={t('cabinet.leads.searchPlaceholder')} />
        </div>
        <div className="cab-field cab-field--compact">
          <label className="cab-field__label" htmlFor="cab-f-kind">
            {t('cabinet.leads.kind')}
          </label>
          <select id="cab-f-kind" value={f.kind} onChange={(e) => set({ kind: e.target.value as LeadFilter['kind'] })}>
            <option value="all">{t('cabinet.leads.all')}</option>
            <option value="callback">{t('cabinet.leads.kind.callback')}</option>
            <option value="card">{t('cabinet.leads.kind.card')}</option>
          </select>
        </div>
        <div className="cab-field cab-field--compact">
          <label className="cab-field__label" htmlFor="cab-f-status">
            {t('cabinet.leads.status')}
          </label>
          <select id="cab-f-status" value={f.status} onChange={(e) => set({ status: e.target.value as LeadFilter['status'] })}>
            <option value="all">{t('cabinet.leads.all')}</option>
            {LeadStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`cabinet.leads.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {/* Not <input type="date">: that one writes dates in the computer's locale, not the page's. */}
        <DateField id="cab-f-from" label={t('cabinet.leads.from')} value={f.from} max={f.to || undefined} onChange={(from) => set({ from })} />
        <DateField id="cab-f-to" label={t('cabinet.leads.to')} value={f.to} min={f.from || undefined} onChange={(to) => set({ to })} align="end" />
        {isFiltered(f) && (
          <button type="button" className="button button--link cab-filters__reset" onClick={() => set(null)}>
            {t('cabinet.leads.reset')}
          </button>
        )}
      </div>
      <div className="cab-filters__summary">
        <p className="cab-filters__count" aria-live="polite">
          {isFiltered(f) ? t('cabinet.leads.shownOf', { count: shown, total }) : t('cabinet.leads.count', { count: total })}
        </p>
        <a className="button" href={leadsCsvUrl(exhibitorId, csvQuery(f))} download aria-describedby={partialCsv ? 'cab-csv-note' : undefined}>
          <span aria-hidden="true">⤓</span> {t('cabinet.leads.csv')}
        </a>
        {partialCsv && (
          <p id="cab-csv-note" className="cab-field__hint">
            {t('cabinet.leads.csvNote')}
          </p>
        )}
      </div>
    </div>
  );
}
