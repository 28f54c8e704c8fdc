// The event's moderators: who is assigned (everyone sees it), and for organisers a list of
// staff to tick and save. Assigning closes the event to other moderators (shared/eventModerators.ts).
import { useEffect, useState } from 'react';
import type { EventModeratorsView } from '../../../shared/eventModerators.ts';
import type { BroadcastKey, BroadcastT } from '../i18n/broadcast.ts';
import { fetchEventModerators, saveEventModerators } from '../net/broadcastApi.ts';

export function ModeratorsCard({ eventId, t, onLoaded }: { eventId: string; t: BroadcastT; onLoaded: (v: EventModeratorsView) => void }) {
  const [view, setView] = useState<EventModeratorsView | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  useEffect(() => {
    let stop = false;
    fetchEventModerators(eventId).then(
      (v) => {
        if (stop) return;
        setView(v);
        setPicked(new Set(v.assigned.map((a) => a.id)));
        onLoaded(v);
      },
      () => {},
    );
    return () => {
      stop = true;
    };
  }, [eventId, onLoaded]);
  if (!view) return null;

  const save = async () => {
    try {
      const v = await saveEventModerators(eventId, [...picked]);
      setView(v);
      setNote(t('bc.saved'));
    } catch (e) {
      setNote(t('bc.error', { error: e instanceof Error ? e.message : String(e) }));
    }
  };
  const role = (r: string) => t(`bc.role.${r}` as BroadcastKey);

  return (
    <section className="bc-card" aria-labelledby="bc-mods" data-moderators>
      <h2 id="bc-mods">{t('bc.moderators')}</h2>
      {!view.canAssign && (
        <ul className="bc-list">
          {view.assigned.length === 0 && <li>{t('bc.moderatorsNone')}</li>}
          {view.assigned.map((a) => (
            <li key={a.id}>
              {a.name} <span className="bc-muted">({role(a.role)})</span>
            </li>
          ))}
        </ul>
      )}
      {view.canAssign && (
        <>
          <p className="bc-hint">{view.assigned.length === 0 ? t('bc.moderatorsNone') : t('bc.moderatorsHint')}</p>
          <ul className="bc-list">
            {view.candidates.map((c) => (
              <li key={c.id}>
                <label className="bc-check">
                  <input
                    type="checkbox"
                    checked={picked.has(c.id)}
                    data-moderator-option={c.id}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(c.id);
                      else next.delete(c.id);
                      setPicked(next);
                    }}
                  />
                  <span>
                    {c.name} <span className="bc-muted">({role(c.role)}, {c.email})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className="bc-row">
            <button type="button" onClick={() => void save()}>
              {t('bc.save')}
            </button>
          </div>
          <p className="bc-note" role="status">
            {note}
          </p>
        </>
      )}
    </section>
  );
}
