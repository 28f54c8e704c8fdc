// Webinars and master classes by day, in the visitor's own time zone (named, so nobody has to
// guess whether 14:00 is Moscow time), with a status that follows the clock, the platform link,
// a recording when there is one, and "add to calendar" (.ics from the server).
import type { Webinar, WebinarStatus } from '../../../../shared/standContent.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { webinarIcsUrl } from '../../net/standApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { useContentTexts } from './contentLang.tsx';
import { visitorTimeZone, webinarSchedule, zoneCity, zoneOffsetLabel } from './format.ts';
import { useMinuteClock } from './useNow.ts';

const STATUS: Record<WebinarStatus, MessageKey> = {
  upcoming: 'stand.webinarUpcoming',
  live: 'stand.webinarLive',
  recorded: 'stand.webinarRecorded',
  past: 'stand.webinarPast',
};

interface Props {
  exhibitorId: string;
  webinars: Webinar[];
  /** Optional: the time zone to show (tests, the cabinet); default the browser's. */
  timeZone?: string;
}

export function WebinarsSection({ exhibitorId, webinars, timeZone }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const now = useMinuteClock();
  const zone = timeZone ?? visitorTimeZone();
  const days = webinarSchedule(webinars, now, lang, zone);
  const texts = useContentTexts();

  return (
    <section className="stand-block" aria-labelledby="stand-webinars-title">
      <h3 id="stand-webinars-title">{t('stand.webinars')}</h3>
      <p className="stand-note">{t('stand.webinarZone', { city: zoneCity(zone), offset: zoneOffsetLabel(zone, now, lang) })}</p>
      {days.map((day) => (
        <div key={day.dayKey} className="webinar-day">
          <h4 className="webinar-day__title">{day.day}</h4>
          <ul className="webinars">
            {day.items.map(({ webinar: w, time, status }) => {
              const title = texts.field(w, 'title');
              const speaker = texts.field(w, 'speaker');
              return (
                <li key={w.id} className={`webinar webinar--${status}`}>
                  <div className="webinar__when">
                    <time dateTime={time.iso}>{time.time}</time>
                    <span className={`webinar__status webinar__status--${status}`}>{t(STATUS[status])}</span>
                  </div>
                  <div className="webinar__body">
                    <p className="webinar__kind">{t(w.kind === 'masterclass' ? 'stand.kindMasterclass' : 'stand.kindWebinar')}</p>
                    <h5 className="webinar__title" lang={title.lang}>
                      {title.text}
                    </h5>
                    <p className="webinar__speaker" lang={speaker.lang}>
                      {speaker.text}
                    </p>
                    <div className="webinar__actions">
                      {status === 'recorded' && w.recording ? (
                        <a className="button button--small-flat" href={w.recording} target="_blank" rel="noopener noreferrer">
                          {t('stand.webinarWatchRecording')}
                          <span className="sr-only"> {t('stand.newTab', { title: title.text })}</span>
                        </a>
                      ) : status !== 'past' ? (
                        <a
                          className={status === 'live' ? 'button button--primary button--small-flat' : 'button button--small-flat'}
                          href={w.link}
                          target="_blank"
                          rel="noopener noreferrer"
                        >
                          {t(status === 'live' ? 'stand.webinarJoinNow' : 'stand.webinarLink')}
                          <span className="sr-only"> {t('stand.newTab', { title: title.text })}</span>
                        </a>
                      ) : null}
                      {status === 'upcoming' && (
                        <a className="button button--small-flat" href={webinarIcsUrl(exhibitorId, w.id)} download={`${w.id}.ics`}>
                          {t('stand.webinarCalendar')}
                        </a>
                      )}
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
