// The "Analytics" tab: totals, a per-day chart of the chosen metric, and the same numbers as
// a table (always there for screen readers, shown on request for everyone else).
import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../i18n/index.ts';
import { useStore, useT } from '../../../store/index.ts';
import { loadAnalytics } from '../cabinetActions.ts';
import { dayText, numberText } from '../format.ts';
import { METRICS, type Metric, chartDays } from './analyticsDays.ts';
import { DailyChart } from './DailyChart.tsx';

const LABEL: Record<Metric, MessageKey> = {
  visits: 'cabinet.analytics.visits',
  uniqueVisitors: 'cabinet.analytics.unique',
  videoPlays: 'cabinet.analytics.video',
  downloads: 'cabinet.analytics.downloads',
  leads: 'cabinet.analytics.leads',
};

export function AnalyticsPanel({ exhibitorId }: { exhibitorId: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const state = useStore((s) => (s.cabAnalytics?.exhibitorId === exhibitorId ? s.cabAnalytics : null));
  const [metric, setMetric] = useState<Metric>('visits');
  const [tableShown, setTableShown] = useState(false);
  const data = state?.data;
  const fetchedAt = state?.fetchedAt ?? 0;
  const days = useMemo(() => (data ? chartDays(data.days, fetchedAt) : []), [data, fetchedAt]);

  return (
    <section className="cab-panel" aria-labelledby="cab-an-title" aria-busy={state?.phase === 'loading'}>
      <div className="cab-panel__head">
        <h2 id="cab-an-title">{t('cabinet.analytics.title')}</h2>
        <button type="button" className="button" onClick={() => void loadAnalytics(exhibitorId)} disabled={state?.phase === 'loading'}>
          ↻ {t('cabinet.analytics.refresh')}
        </button>
      </div>
      {state?.phase === 'error' && (
        <div className="cab-state" role="alert">
          <p>{t('cabinet.analytics.loadError')}</p>
          <button type="button" className="button" onClick={() => void loadAnalytics(exhibitorId)}>
            {t('cabinet.retry')}
          </button>
        </div>
      )}
      {!data && state?.phase !== 'error' && <p className="cab-state cab-muted">{t('cabinet.loading')}</p>}
      {data && (
        <>
          <dl className="cab-totals">
            {METRICS.map((m) => (
              <div key={m} className={`cab-total${m === metric ? ' is-current' : ''}`}>
                <dt>{t(LABEL[m])}</dt>
                <dd>{numberText(lang, data.totals[m])}</dd>
              </div>
            ))}
          </dl>
          <fieldset className="cab-segmented">
            <legend>{t('cabinet.analytics.metric')}</legend>
            {METRICS.map((m) => (
              <label key={m} className={`cab-segmented__opt${m === metric ? ' is-on' : ''}`}>
                <input type="radio" name="cab-metric" value={m} checked={m === metric} onChange={() => setMetric(m)} />
                {t(LABEL[m])}
              </label>
            ))}
          </fieldset>
          <DailyChart days={days} metric={metric} label={t(LABEL[metric])} />
          <p className="cab-muted cab-an-note">{t('cabinet.analytics.utcNote')}</p>
          <button type="button" className="button button--link" aria-expanded={tableShown} aria-controls="cab-an-table" onClick={() => setTableShown((v) => !v)}>
            {tableShown ? t('cabinet.analytics.hideTable') : t('cabinet.analytics.showTable')}
          </button>
          <div id="cab-an-table" className={tableShown ? 'cab-table-wrap' : 'sr-only'}>
            <table className="cab-table cab-table--numbers">
              <caption className="sr-only">{t('cabinet.analytics.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cabinet.analytics.day')}</th>
                  {METRICS.map((m) => (
                    <th scope="col" key={m}>
                      {t(LABEL[m])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...days].reverse().map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{dayText(lang, d.day, true)}</th>
                    {METRICS.map((m) => (
                      <td key={m}>{numberText(lang, d[m])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
