// Announcements: to every visitor, one floor or the viewers of one event; banner or toast; in
// both languages; now or at a time, until an end time. The event is chosen from the programme.
// The list shows what is on or scheduled.
import { type FormEvent, useState } from 'react';
import { type Audience, AnnouncementStyle } from '../../../../shared/organiser.ts';
import { useOrgT } from '../../i18n/organiser.ts';
import { announce, fetchAnnouncements } from '../../net/organiserApi.ts';
import { useStore } from '../../store/index.ts';
import { dateTimeText } from '../cabinet/format.ts';
import { messageOf, useLoad } from './useLoad.ts';
import { eventTitle, useProgrammeEvents } from './useProgrammeEvents.ts';

/** A datetime-local value (the browser's zone) as an ISO time; empty stays empty. */
const isoOf = (local: string) => (local ? new Date(local).toISOString() : undefined);
const inAnHour = () => {
  const d = new Date(Date.now() + 3600_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

export function AnnouncementsTab() {
  const t = useOrgT();
  const lang = useStore((s) => s.lang);
  const { data, reload } = useLoad(fetchAnnouncements, 10_000);
  const [kind, setKind] = useState<Audience['kind']>('all');
  const [note, setNote] = useState<string | null>(null);
  const programme = useProgrammeEvents();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const audience: Audience = kind === 'all' ? { kind } : kind === 'floor' ? { kind, floorId: String(f.get('target')) } : { kind, eventId: String(f.get('target')) };
    const startsAt = isoOf(String(f.get('startsAt') ?? ''));
    announce({
      audience,
      style: AnnouncementStyle.parse(f.get('style')),
      text: { ru: String(f.get('ru')), en: String(f.get('en')) },
      ...(startsAt ? { startsAt } : {}),
      endsAt: isoOf(String(f.get('endsAt'))) ?? '',
    }).then(
      () => {
        setNote(t('sent'));
        reload();
      },
      (err: unknown) => setNote(messageOf(err)),
    );
  };

  return (
    <section className="org-section" aria-labelledby="org-announce">
      <h2 id="org-announce">{t('tabAnnouncements')}</h2>
      <form className="org-card org-form" onSubmit={submit}>
        <h3>{t('announceTitle')}</h3>
        <label>
          {t('audience')}{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Audience['kind'])}>
            <option value="all">{t('audience_all')}</option>
            <option value="floor">{t('audience_floor')}</option>
            <option value="event">{t('audience_event')}</option>
          </select>
        </label>
        {kind === 'floor' && (
          <label>
            {t('floorId')} <input name="target" required />
          </label>
        )}
        {kind === 'event' && (
          <label>
            {t('eventId')}{' '}
            <select name="target" required defaultValue="">
              <option value="" disabled>
                {t('chooseEvent')}
              </option>
              {programme.events.map((e) => (
                <option key={e.id} value={e.id}>
                  {dateTimeText(lang, e.start)} · {eventTitle(programme.byId, e.id, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('style')}{' '}
          <select name="style" defaultValue="banner">
            <option value="banner">{t('style_banner')}</option>
            <option value="toast">{t('style_toast')}</option>
          </select>
        </label>
        <label>
          {t('textRu')} <textarea name="ru" required maxLength={500} rows={2} />
        </label>
        <label>
          {t('textEn')} <textarea name="en" required maxLength={500} rows={2} />
        </label>
        <label>
          {t('startsAt')} <input name="startsAt" type="datetime-local" />
        </label>
        <label>
          {t('endsAt')} <input name="endsAt" type="datetime-local" required defaultValue={inAnHour()} />
        </label>
        <button type="submit" className="org-button org-button--primary">
          {t('send')}
        </button>
        {note && (
          <p role="status" className="org-note">
            {note}
          </p>
        )}
      </form>
      <h3>{t('current')}</h3>
      <table className="org-table">
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('audience')}</th>
            <th scope="col">{t('text')}</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((a) => (
            <tr key={a.id}>
              <td>
                {dateTimeText(lang, a.startsAt)} – {dateTimeText(lang, a.endsAt)}
              </td>
              <td>
                {t(`audience_${a.audience.kind}`)} {a.audience.kind === 'floor' ? a.audience.floorId : a.audience.kind === 'event' ? eventTitle(programme.byId, a.audience.eventId, lang) : ''} ({t(`style_${a.style}`)})
              </td>
              <td>{a.text[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
