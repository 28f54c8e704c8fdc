// The fair at a glance: visitors now (per floor), today's peak and uniques, mail failures,
// unique visitors per day as a chart with its table, top stands, unanswered chat questions.
// Refreshed every 5 seconds (one cheap query: the server keeps the counters).
import { useCallback, useState } from 'react';
import type { DayStats } from '../../../../shared/analytics.ts';
import { API } from '../../../../shared/api.ts';
import { useOrgT } from '../../i18n/organiser.ts';
import { fetchOverview } from '../../net/organiserApi.ts';
import { useStore } from '../../store/index.ts';
import { DailyChart } from '../cabinet/analytics/DailyChart.tsx';
import { chartDays } from '../cabinet/analytics/analyticsDays.ts';
import { dayText, numberText, timeText } from '../cabinet/format.ts';
import { useLoad } from './useLoad.ts';
import { EventViewersCard, ModerationCard } from './EventsCards.tsx';
import { OrgTable } from './OrgTable.tsx';

export function OverviewTab() {
  const t = useOrgT();
  const lang = useStore((s) => s.lang);
  const [minutes, setMinutes] = useState(10);
  const load = useCallback(() => fetchOverview(minutes), [minutes]);
  const { data, error } = useLoad(load, 5000);
  if (!data) return <p role={error ? 'alert' : 'status'}>{error ? t('error', { message: error }) : t('loading')}</p>;
  const today = data.days.at(-1);
  // The cabinet's chart reads stand days: the fair's uniques go in its uniqueVisitors.
  const asStats: DayStats[] = data.days.map((d) => ({ day: d.day, visits: d.visits, uniqueVisitors: d.uniqueVisitors, videoPlays: 0, downloads: 0, leads: d.leads }));
  const shown = chartDays(asStats, Date.parse(data.at));
  const n = (v: number) => numberText(lang, v);
  return (
    <section className="org-section" aria-labelledby="org-overview">
      <h2 id="org-overview" className="org-visually-hidden">
        {t('tabOverview')}
      </h2>
      <p className="org-muted" aria-live="off">
        {t('updated', { time: timeText(lang, data.at) })}
      </p>
      <dl className="org-tiles">
        <div className="org-tile">
          <dt>{t('visitorsNow')}</dt>
          <dd data-testid="visitors-now">{n(data.totalNow)}</dd>
        </div>
        <div className="org-tile">
          <dt>{t('peakToday')}</dt>
          <dd>{n(today?.peakConcurrent ?? 0)}</dd>
        </div>
        <div className="org-tile">
          <dt>{t('uniqueToday')}</dt>
          <dd>{n(today?.uniqueVisitors ?? 0)}</dd>
        </div>
        <div className="org-tile">
          <dt>{t('mailFailures')}</dt>
          <dd>{n(data.mailFailures)}</dd>
        </div>
      </dl>
      <div className="org-grid">
        <div className="org-card">
          <h3>{t('perFloor')}</h3>
          <OrgTable
            head={[t('floor'), t('visitors')]}
            rows={Object.entries(data.visitorsNow).map(([floor, v]) => ({ key: floor, cells: [floor, n(v)] }))}
            empty={t('none')}
          />
        </div>
        <EventViewersCard viewers={data.eventViewersNow} />
        <div className="org-card">
          <h3>{t('topStands')}</h3>
          <OrgTable
            head={[t('exhibitor'), t('visits'), t('leads')]}
            rows={data.topStands.map((s) => ({ key: s.exhibitorId, cells: [s.name, n(s.visits), n(s.leads)] }))}
            empty={t('none')}
          />
        </div>
      </div>
      <ModerationCard moderation={data.moderation} />
      <div className="org-card">
        <h3>{t('uniquePerDay')}</h3>
        <DailyChart days={shown} metric="uniqueVisitors" label={t('unique')} />
        <p className="org-muted">{t('chartNote')}</p>
        <div className="org-scroll">
          <table className="org-table">
            <caption className="org-visually-hidden">{t('uniquePerDay')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('day')}</th>
                <th scope="col">{t('unique')}</th>
                <th scope="col">{t('peak')}</th>
                <th scope="col">{t('visits')}</th>
                <th scope="col">{t('leads')}</th>
              </tr>
            </thead>
            <tbody>
              {data.days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{dayText(lang, d.day)}</th>
                  <td>{n(d.uniqueVisitors)}</td>
                  <td>{n(d.peakConcurrent)}</td>
                  <td>{n(d.visits)}</td>
                  <td>{n(d.leads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <a className="org-button" href={API.organiserDaysCsv} download>
          {t('csv')}
        </a>
      </div>
      <div className="org-card">
        <h3>
          <label>
            {t('unanswered', { n: minutes })}{' '}
            <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {[5, 10, 15, 30, 60].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        </h3>
        <OrgTable
          head={[t('stand'), t('questions')]}
          rows={data.unanswered.map((u) => ({ key: u.standId, cells: [u.standId, n(u.count)] }))}
          empty={t('none')}
        />
      </div>
    </section>
  );
}
