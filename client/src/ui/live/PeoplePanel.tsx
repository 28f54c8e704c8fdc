// "People here": everyone on this floor (searchable, asked from the server on demand, since
// the hall only receives people near the view), with "walk to" a person.
import { useEffect, useState } from 'react';
import { AVATAR_COLOURS, type WhoEntry } from '../../../../shared/protocol.ts';
import { hall } from '../../engine/hallApi.ts';
import { presence } from '../../net/presenceHandle.ts';
import { useStore, useT } from '../../store/index.ts';

export function PeoplePanel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<WhoEntry[]>([]);
  const shownName = useStore((s) => s.shownName);
  const floorId = useStore((s) => s.floorId);

  useEffect(() => {
    let stop = false;
    const load = () =>
      presence()
        ?.who(q)
        .then((list) => {
          if (!stop) setPeople(list.filter((p) => p.name !== shownName || q !== ''));
        })
        .catch(() => {});
    const timer = setTimeout(() => void load(), 200);
    const refresh = setInterval(() => void load(), 3000);
    return () => {
      stop = true;
      clearTimeout(timer);
      clearInterval(refresh);
    };
  }, [q, shownName, floorId]);

  return (
    <section className="people-panel" aria-labelledby="people-title">
      <header>
        <h2 id="people-title">{t('people.title')}</h2>
        <button type="button" className="icon-button icon-button--flat" onClick={onClose} aria-label={t('people.close')}>
          ×
        </button>
      </header>
      {shownName && <p className="muted">{t('people.you', { name: shownName })}</p>}
      <label className="sr-only" htmlFor="people-search">
        {t('people.search')}
      </label>
      <input id="people-search" type="search" placeholder={t('people.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      <ul>
        {people.length === 0 && <li className="muted">{t('people.none')}</li>}
        {people.map((p) => (
          <li key={p.id}>
            <span className="people-panel__dot" style={{ background: AVATAR_COLOURS[p.colour] }} aria-hidden="true" />
            <span className="people-panel__name">{p.name}</span>
            <button type="button" className="button button--small" onClick={() => hall()?.walkToPoint({ x: p.x, y: p.y })}>
              {t('people.walk')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
