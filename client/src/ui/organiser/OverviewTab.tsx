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
          <table className="org-table">
            <thead>
              <tr>
                <th scope="col">{t('floor')}</th>
                <th scope="col">{t('visitors')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(data.visitorsNow).map(([floor, v]) => (
                <tr key={floor}>
                  <td>{floor}</td>
                  <td>{n(v)}</td>
                </tr>
              ))}
              {Object.keys(data.visitorsNow).length === 0 && (
                <tr>
                  <td colSpan={2}>{t('none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <EventViewersCard viewers={data.eventViewersNow} />
        <div className="org-card">
          <h3>{t('topStands')}</h3>
          <table className="org-table">
            <thead>
              <tr>
                <th scope="col">{t('exhibitor')}</th>
                <th scope="col">{t('visits')}</th>
                <th scope="col">{t('leads')}</th>
              </tr>
            </thead>
            <tbody>
              {data.topStands.map((s) => (
                <tr key={s.exhibitorId}>
                  <td>{s.name}</td>
                  <td>{n(s.visits)}</td>
                  <td>{n(s.leads)}</td>
                </tr>
              ))}
              {data.topStands.length === 0 && (
                <tr>
                  <td colSpan={3}>{t('none')}</td>
                </tr>
              )}
            </tbody>
          </table>
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
        <table className="org-table">
          <thead>
            <tr>
              <th scope="col">{t('stand')}</th>
              <th scope="col">{t('questions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.unanswered.map((u) => (
              <tr key={u.standId}>
                <td>{u.standId}</td>
                <td>{n(u.count)}</td>
              </tr>
            ))}
            {data.unanswered.length === 0 && (
              <tr>
                <td colSpan={2}>{t('none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
