// The in-page reminders (reminders.ts decides when): toasts in a polite live region, each
// with the event's title, how soon it starts, a link to it and a close button. Mounted by the
// hall (ui/App.tsx) and the programme pages (ProgrammeApp.tsx); plain links, so it works in both.
import { useEffect } from 'react';
import { useStore, useT } from '../../store/index.ts';
import { startReminders } from './reminders.ts';
import './reminders.css';

export function ReminderToasts() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const toasts = useStore((s) => s.myToasts);
  const dismiss = useStore((s) => s.dismissReminder);
  useEffect(() => startReminders(), []);
  return (
    <div className="reminder-toasts" role="status" aria-live="polite">
      {toasts.map((r) => {
        const title = lang === 'en' ? (r.title.en ?? r.title.ru) : r.title.ru;
        return (
          <div className="reminder-toast" key={r.eventId} data-event={r.eventId}>
            <p className="reminder-toast__label">{t('my.toast.label')}</p>
            <p className="reminder-toast__title">{title}</p>
            <p className="reminder-toast__when">{r.minutes > 0 ? t('my.toast.soon', { count: r.minutes }) : t('my.toast.now')}</p>
            <a className="reminder-toast__open" href={`/programme/${encodeURIComponent(r.eventId)}`}>
              {t('my.toast.open')}
            </a>
            <button type="button" className="reminder-toast__close" aria-label={t('my.toast.close')} onClick={() => dismiss(r.eventId)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
