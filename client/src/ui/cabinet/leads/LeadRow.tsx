// One lead in the table: when, what, who, how to reach them, what they asked, the materials
// e-mail's fate (cards), the status and the exhibitor's note.
import { useState } from 'react';
import { type Lead, LeadStatus } from '../../../../../shared/leads.ts';
import { useStore, useT } from '../../../store/index.ts';
import { updateLead } from '../cabinetActions.ts';
import { dateTimeText } from '../format.ts';

export function LeadRow({ lead, fresh }: { lead: Lead; fresh: boolean }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const cb = lead.callback;
  const card = lead.card;
  const name = cb?.name ?? card?.name ?? '';
  const phone = cb?.phone || card?.phone || '';
  return (
    <tr className={`cab-lead${fresh ? ' is-fresh' : ''} cab-lead--${lead.status}`} data-lead={lead.id}>
      <td data-label={t('cabinet.leads.col.when')}>
        <div className="cab-cell">
          <time dateTime={lead.createdAt}>{dateTimeText(lang, lead.createdAt)}</time>
          {fresh && <span className="cab-badge cab-badge--new">{t('cabinet.leads.fresh')}</span>}
        </div>
      </td>
      <td data-label={t('cabinet.leads.col.kind')}>
        <div className="cab-cell">
          <span className={`cab-kind cab-kind--${lead.kind}`}>{t(`cabinet.leads.kind.${lead.kind}`)}</span>
        </div>
      </td>
      <td data-label={t('cabinet.leads.col.who')}>
        <div className="cab-cell">
          <strong className="cab-lead__name">{name}</strong>
          {card && (card.organisation || card.position) && <span className="cab-lead__org">{[card.position, card.organisation].filter(Boolean).join(', ')}</span>}
        </div>
      </td>
      <td data-label={t('cabinet.leads.col.contact')}>
        <div className="cab-cell">
          {phone && (
            <a href={`tel:${phone.replace(/[^+\d]/g, '')}`} className="cab-lead__contact">
              {phone}
            </a>
          )}
          {card?.email && (
            <a href={`mailto:${card.email}`} className="cab-lead__contact">
              {card.email}
            </a>
          )}
        </div>
      </td>
      <td data-label={t('cabinet.leads.col.request')}>
        <div className="cab-cell">
          {cb && (
            <>
              {cb.preferredTime && (
                <span className="cab-lead__line">
                  <span className="cab-muted">{t('cabinet.leads.preferred')}:</span> {cb.preferredTime}
                </span>
              )}
              {cb.question && <span className="cab-lead__line cab-lead__question">{cb.question}</span>}
              {!cb.preferredTime && !cb.question && <span className="cab-muted">{t('cabinet.leads.justCall')}</span>}
            </>
          )}
          {card && <MailStateText lead={lead} />}
        </div>
      </td>
      <td data-label={t('cabinet.leads.col.status')}>
        <div className="cab-cell">
          <label className="sr-only" htmlFor={`cab-st-${lead.id}`}>
            {t('cabinet.leads.statusOf', { name })}
          </label>
          <select
            id={`cab-st-${lead.id}`}
            className={`cab-status cab-status--${lead.status}`}
            value={lead.status}
            onChange={(e) => void updateLead(lead.exhibitorId, lead.id, { status: LeadStatus.parse(e.target.value) })}
          >
            {LeadStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`cabinet.leads.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </td>
      <td data-label={t('cabinet.leads.col.note')}>
        <div className="cab-cell">
          <NoteEditor lead={lead} name={name} />
        </div>
      </td>
    </tr>
  );
}

function MailStateText({ lead }: { lead: Lead }) {
  const t = useT();
  const m = lead.mail;
  if (!m) return <span className="cab-mail">{t('cabinet.leads.mail.none')}</span>;
  switch (m.status) {
    case 'sent':
      return <span className="cab-mail cab-mail--sent">{t('cabinet.leads.mail.sent')}</span>;
    case 'outbox':
      return <span className="cab-mail cab-mail--outbox">{t('cabinet.leads.mail.outbox')}</span>;
    case 'queued':
      return (
        <span className="cab-mail cab-mail--queued">
          {m.attempts > 0 ? t('cabinet.leads.mail.retrying', { count: m.attempts }) : t('cabinet.leads.mail.queued')}
        </span>
      );
    case 'failed':
      return (
        <span className="cab-mail cab-mail--failed">
          {t('cabinet.leads.mail.failed', { count: m.attempts })}
          {m.lastError && <span className="cab-mail__error">{m.lastError}</span>}
        </span>
      );
  }
}

function NoteEditor({ lead, name }: { lead: Lead; name: string }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(lead.note);
  const [busy, setBusy] = useState(false);
  const id = `cab-note-${lead.id}`;

  if (!editing) {
    return (
      <div className="cab-note">
        {lead.note ? <p className="cab-note__text">{lead.note}</p> : <span className="cab-muted">{t('cabinet.leads.noNote')}</span>}
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            setText(lead.note);
            setEditing(true);
          }}
          aria-label={t(lead.note ? 'cabinet.leads.editNoteOf' : 'cabinet.leads.addNoteOf', { name })}
        >
          {t(lead.note ? 'cabinet.leads.editNote' : 'cabinet.leads.addNote')}
        </button>
      </div>
    );
  }
  const save = async () => {
    setBusy(true);
    const ok = await updateLead(lead.exhibitorId, lead.id, { note: text.trim() });
    setBusy(false);
    if (ok) {
      setEditing(false);
      requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-lead="${lead.id}"] .cab-note button`)?.focus());
    }
  };
  return (
    <form
      className="cab-note cab-note--editing"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t('cabinet.leads.noteOf', { name })}
      </label>
      <textarea
        id={id}
        value={text}
        maxLength={2000}
        rows={3}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setEditing(false);
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <div className="cab-note__actions">
        <button type="submit" className="button button--primary button--small-flat" disabled={busy}>
          {t('cabinet.leads.saveNote')}
        </button>
        <button type="button" className="button button--small-flat" onClick={() => setEditing(false)}>
          {t('cabinet.cancel')}
        </button>
      </div>
    </form>
  );
}
