// The programme on "the fair at a glance": viewers per event now (bars an organiser reads at a
// glance, hidden from screen readers, which read the table beside them), and the moderation
// overview: per event with an open Q&A, the moderators on duty and the questions waiting;
// today's removals and mutes in the stand chats and the events' Q&A.
import { MODERATION_KINDS, type FairOverview } from '../../../../shared/organiser.ts';
import { useOrgT } from '../../i18n/organiser.ts';
import { useStore } from '../../store/index.ts';
import { numberText } from '../cabinet/format.ts';
import { eventTitle, useProgrammeEvents } from './useProgrammeEvents.ts';
import './events.css';

const SHOWN = 12;

export function EventViewersCard({ viewers }: { viewers: FairOverview['eventViewersNow'] }) {
  const t = useOrgT();
  const lang = useStore((s) => s.lang);
  const { byId } = useProgrammeEvents();
  const rows = Object.entries(viewers)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, SHOWN);
  const most = Math.max(1, ...rows.map(([, n]) => n));
  return (
    <div className="org-card" data-testid="event-viewers">
      <h3 id="org-event-viewers">{t('eventViewers')}</h3>
      <ul className="org-bars" aria-hidden="true">
        {rows.map(([id, n]) => (
          <li key={id}>
            <span className="org-bars__label">{eventTitle(byId, id, lang)}</span>
            <span className="org-bars__bar" style={{ width: `${(100 * n) / most}%` }} />
            <span className="org-bars__n">{numberText(lang, n)}</span>
          </li>
        ))}
      </ul>
      {rows.length === 0 && <p aria-hidden="true">{t('none')}</p>}
      {/* What screen readers read; sighted organisers read the bars. */}
      <div className="org-visually-hidden">
        <table className="org-table" aria-labelledby="org-event-viewers">
          <thead>
            <tr>
              <th scope="col">{t('event')}</th>
              <th scope="col">{t('viewers')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, n]) => (
              <tr key={id}>
                <th scope="row">{eventTitle(byId, id, lang)}</th>
                <td>{numberText(lang, n)}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={2}>{t('none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ModerationCard({ moderation }: { moderation: FairOverview['moderation'] }) {
  const t = useOrgT();
  const lang = useStore((s) => s.lang);
  const { byId } = useProgrammeEvents();
  return (
    <div className="org-card" data-testid="moderation">
      <h3>{t('moderation')}</h3>
      <div className="org-scroll">
        <table className="org-table">
          <thead>
            <tr>
              <th scope="col">{t('event')}</th>
              <th scope="col">{t('onDuty')}</th>
              <th scope="col">{t('waiting')}</th>
            </tr>
          </thead>
          <tbody>
            {moderation.events.map((e) => (
              <tr key={e.eventId} className={e.waiting > 0 && e.moderators.length === 0 ? 'org-row--alert' : undefined}>
                <th scope="row">{eventTitle(byId, e.eventId, lang)}</th>
                <td>{e.moderators.length > 0 ? e.moderators.join(', ') : t('nobody')}</td>
                <td>{numberText(lang, e.waiting)}</td>
              </tr>
            ))}
            {moderation.events.length === 0 && (
              <tr>
                <td colSpan={3}>{t('none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <dl className="org-pairs">
        {MODERATION_KINDS.map((k) => (
          <div key={k}>
            <dt>{t(`mod_${k}`)}</dt>
            <dd>{numberText(lang, moderation.today[k] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
