// The list of floors: each a link with its stand count; the current one is marked.
import { viewUrl } from '../../../../shared/routes.ts';
import { goToFloor } from '../../actions/hallActions.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';

export function FloorSwitcher() {
  const t = useT();
  const { floors, floorId, lang, people } = useStore(
    useShallow((s) => ({ floors: s.floors, floorId: s.floorId, lang: s.lang, people: s.floorCounts })),
  );
  const sorted = [...floors].sort((a, b) => a.order - b.order);
  return (
    <nav className="floors" aria-label={t('floors.label')}>
      <h2 className="floors__title">{t('floors.label')}</h2>
      <ol>
        {sorted.map((f, i) => (
          <li key={f.id}>
            <a
              href={viewUrl({ kind: 'floor', floorId: f.id })}
              aria-current={f.id === floorId ? 'page' : undefined}
              className="floors__item"
              data-floor={f.id}
              onClick={(e) => {
                e.preventDefault();
                goToFloor(f.id);
              }}
            >
              <span className="floors__number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="floors__text">
                <span className="floors__name">{f.title[lang]}</span>
                <span className="floors__count">
                  {t('floors.stands', { count: f.standCount })}
                  {people[f.id] ? ` · ${t('live.floorPeople', { count: people[f.id]! })}` : ''}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
