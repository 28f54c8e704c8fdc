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
import { OrgTable } from './OrgTable.tsx';

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
        <OrgTable
          labelledBy="org-event-viewers"
          head={[t('event'), t('viewers')]}
          rows={rows.map(([id, n]) => ({ key: id, cells: [eventTitle(byId, id, lang), numberText(lang, n)] }))}
          empty={t('none')}
          rowHeader
        />
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
        <OrgTable
          head={[t('event'), t('onDuty'), t('waiting')]}
          rows={moderation.events.map((e) => ({
            key: e.eventId,
            className: e.waiting > 0 && e.moderators.length === 0 ? 'org-row--alert' : undefined,
            cells: [eventTitle(byId, e.eventId, lang), e.moderators.length > 0 ? e.moderators.join(', ') : t('nobody'), numberText(lang, e.waiting)],
          }))}
          empty={t('none')}
          rowHeader
        />
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
