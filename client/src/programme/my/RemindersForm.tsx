// Reminder settings: the lead time (in-page and e-mail reminders alike) and, optionally, an
// e-mail address with explicit consent. The server checks the same rules (ReminderBody) and
// its refusal is shown as it gives it.
import { type FormEvent, useState } from 'react';
import type { ReminderSettings } from '../../../../shared/programme/myProgramme.ts';
import { useStore, useT } from '../../store/index.ts';
import { saveReminderSettings } from './actions.ts';

const LEADS = [5, 10, 15, 30, 60];

export function RemindersForm() {
  const reminders = useStore((s) => s.my!.reminders);
  // Outside the form, so "saved" outlives the form starting afresh from the server's answer.
  const [note, setNote] = useState<Note | null>(null);
  return <Form key={`${reminders.leadMinutes}|${reminders.email ?? ''}`} reminders={reminders} note={note} setNote={setNote} />;
}

interface Note {
  ok: boolean;
  text: string;
}

function Form({ reminders, note, setNote }: { reminders: ReminderSettings; note: Note | null; setNote: (n: Note) => void }) {
  const t = useT();
  const [lead, setLead] = useState(reminders.leadMinutes);
  const [email, setEmail] = useState(reminders.email ?? '');
  const [consent, setConsent] = useState(reminders.email !== null);
  const [busy, setBusy] = useState(false);

  const save = async (body: { leadMinutes: number; email: string | null; consent: boolean }) => {
    setBusy(true);
    const problem = await saveReminderSettings(body);
    setBusy(false);
    setNote(problem === null ? { ok: true, text: t('my.reminders.saved') } : { ok: false, text: t('my.reminders.error', { details: problem }) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    void save({ leadMinutes: lead, email: address === '' ? null : address, consent });
  };
  const leads = LEADS.includes(lead) ? LEADS : [...LEADS, lead].sort((a, b) => a - b);

  return (
    <section className="my-box" aria-labelledby="my-rem-h">
      <h2 id="my-rem-h">{t('my.reminders.title')}</h2>
      <p className="prog-muted">{t('my.reminders.intro')}</p>
      <form className="my-form" onSubmit={submit} noValidate>
        <label className="my-field">
          <span>{t('my.reminders.lead')}</span>
          <select value={lead} onChange={(e) => setLead(Number(e.target.value))} name="leadMinutes">
            {leads.map((m) => (
              <option key={m} value={m}>
                {t('my.reminders.minutes', { count: m })}
              </option>
            ))}
          </select>
        </label>
        <label className="my-field">
          <span>{t('my.reminders.email')}</span>
          <input type="email" name="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="my-check">
          <input type="checkbox" name="consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          <span>{t('my.reminders.consent')}</span>
        </label>
        <div className="my-actions">
          <button type="submit" className="prog-button" disabled={busy}>
            {t('my.reminders.save')}
          </button>
          {reminders.email !== null && (
            <button type="button" className="prog-button prog-button--quiet" disabled={busy} onClick={() => void save({ leadMinutes: lead, email: null, consent: false })}>
              {t('my.reminders.clear')}
            </button>
          )}
        </div>
        <p className="prog-muted">{reminders.email !== null ? t('my.reminders.current', { email: reminders.email }) : t('my.reminders.none')}</p>
        {note && (
          <p className={note.ok ? 'my-note' : 'my-note my-note--error'} role={note.ok ? 'status' : 'alert'}>
            {note.text}
          </p>
        )}
      </form>
    </section>
  );
}
