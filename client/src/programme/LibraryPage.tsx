// /programme/library: every ended event whose recording is published, newest first,
// searchable and filterable by cluster (in the address); each plays on its event page.
import { type CSSProperties, useEffect, useId, useMemo } from 'react';
import { useStore, useT } from '../store/index.ts';
import { goTo, loadProgramme } from './actions.ts';
import { peopleLine } from './labels.ts';
import { Link } from './Link.tsx';
import { LoadState, useProgrammeIndex } from './Loading.tsx';
import { type ProgrammeIndex, libraryEvents, txt } from './model.ts';
import { LIBRARY_PATH, eventPath } from './paths.ts';
import { type LibraryQuery, librarySearch, parseLibraryQuery } from './query.ts';
import { useFairNow } from './useFairNow.ts';
import { useZone } from './useZone.ts';
import { longDateOf, timeOf } from './zones.ts';

export function LibraryPage() {
  const t = useT();
  const search = useStore((s) => s.progSearch);
  const query = useMemo(() => parseLibraryQuery(search), [search]);
  const { status, index } = useProgrammeIndex();
  useEffect(() => {
    document.title = `${t('programme.library.title')} · ${t('programme.title')}`;
  }, [t]);
  return (
    <>
      <h1 className="prog-h1">{t('programme.library.title')}</h1>
      <p className="prog-lead">{t('programme.library.intro')}</p>
      {index ? <Library index={index} query={query} /> : <LoadState status={status} onRetry={() => void loadProgramme()} />}
    </>
  );
}

function Library({ index, query }: { index: ProgrammeIndex; query: LibraryQuery }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const id = useId();
  const zone = useZone(query.tz);
  const now = useFairNow(index.events);
  const shown = useMemo(() => libraryEvents(index, query.q, query.cluster, now), [index, query.q, query.cluster, now]);
  const update = (patch: Partial<LibraryQuery>, replace = false) => goTo(LIBRARY_PATH + librarySearch({ ...query, ...patch }), { replace });
  return (
    <div className="prog-library">
      <form className="prog-filters prog-filters--two" role="search" aria-label={t('programme.library.search')} onSubmit={(e) => e.preventDefault()}>
        <div className="prog-field prog-field--search">
          <label htmlFor={`${id}-q`}>{t('programme.library.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={query.q}
            placeholder={t('programme.filter.searchHint')}
            autoComplete="off"
            onChange={(e) => update({ q: e.target.value }, true)}
          />
        </div>
        <div className="prog-field">
          <label htmlFor={`${id}-cluster`}>{t('programme.filter.cluster')}</label>
          <select id={`${id}-cluster`} value={query.cluster ?? ''} onChange={(e) => update({ cluster: e.target.value || null })}>
            <option value="">{t('programme.filter.any')}</option>
            {index.view.clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {txt(c.title, lang)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="prog-count" role="status">
        {t('programme.library.found', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="prog-empty">{t('programme.library.empty')}</p>
      ) : (
        <ol className="prog-cards">
          {shown.map((ie) => {
            const c = index.clusters.get(ie.e.cluster);
            return (
              <li key={ie.e.id} className="prog-card" data-event={ie.e.id} style={{ '--c': c?.colour ?? '#5b6b7a' } as CSSProperties}>
                <p className="prog-card__cluster">{txt(c?.title, lang)}</p>
                <h2 className="prog-card__title">
                  <Link href={`${eventPath(ie.e.id)}#recording`}>{txt(ie.e.title, lang)}</Link>
                </h2>
                <p className="prog-muted">
                  <time dateTime={ie.e.start}>
                    {longDateOf(ie.start, lang, zone)}, {timeOf(ie.start, lang, zone)}
                  </time>
                </p>
                <p className="prog-card__people">{peopleLine(index, ie, lang, t)}</p>
                <p className="prog-card__watch" aria-hidden="true">
                  ▶ {t('programme.library.watch')}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
