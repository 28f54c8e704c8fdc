// The schedule's filters: search, cluster, format, language, topic, stage, "live now", the
// time zone and the view. Every control writes the address (search typing replaces the
// history entry, the rest push one), so the URL always says what is shown.
import { useId, useState } from 'react';
import { FORMATS, STAGES } from '../../../shared/programme/schema.ts';
import { useStore, useT } from '../store/index.ts';
import { formatLabel } from './labels.ts';
import { type ProgrammeIndex, txt } from './model.ts';
import { EMPTY_QUERY, type ScheduleQuery } from './query.ts';
import { languageName } from './zones.ts';

interface Props {
  index: ProgrammeIndex;
  query: ScheduleQuery;
  update(patch: Partial<ScheduleQuery>, replace?: boolean): void;
}

export function FilterBar({ index, query, update }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const id = useId();
  const any = t('programme.filter.any');
  // On a phone the filters past the search fold away behind one button (always shown wider).
  const [open, setOpen] = useState(false);
  const active = [query.cluster, query.format, query.lang, query.tag, query.stage, query.live || null].filter(Boolean).length;
  const filtered = active > 0 || query.q !== '';
  return (
    <form className="prog-filters" role="search" aria-label={t('programme.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="prog-field prog-field--search">
        <label htmlFor={`${id}-q`}>{t('programme.filter.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query.q}
          placeholder={t('programme.filter.searchHint')}
          autoComplete="off"
          onChange={(e) => update({ q: e.target.value }, true)}
        />
      </div>
      <button
        type="button"
        className="prog-button prog-button--quiet prog-filters__toggle"
        aria-expanded={open}
        aria-controls={`${id}-more`}
        onClick={() => setOpen(!open)}
      >
        {active > 0 ? t('programme.filters.count', { count: active }) : t('programme.filters')}
      </button>
      <div className={`prog-filters__more${open ? ' prog-filters__more--open' : ''}`} id={`${id}-more`}>
        <div className="prog-field">
          <label htmlFor={`${id}-cluster`}>{t('programme.filter.cluster')}</label>
          <select id={`${id}-cluster`} value={query.cluster ?? ''} onChange={(e) => update({ cluster: e.target.value || null })}>
            <option value="">{any}</option>
            {index.view.clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {txt(c.title, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="prog-field">
          <label htmlFor={`${id}-format`}>{t('programme.filter.format')}</label>
          <select
            id={`${id}-format`}
            value={query.format ?? ''}
            onChange={(e) => update({ format: FORMATS.find((f) => f === e.target.value) ?? null })}
          >
            <option value="">{any}</option>
            {FORMATS.filter((f) => index.formats.includes(f)).map((f) => (
              <option key={f} value={f}>
                {formatLabel(t, f)}
              </option>
            ))}
          </select>
        </div>
        <div className="prog-field">
          <label htmlFor={`${id}-lang`}>{t('programme.filter.language')}</label>
          <select id={`${id}-lang`} value={query.lang ?? ''} onChange={(e) => update({ lang: e.target.value || null })}>
            <option value="">{any}</option>
            {index.languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="prog-field">
          <label htmlFor={`${id}-tag`}>{t('programme.filter.tag')}</label>
          <select id={`${id}-tag`} value={query.tag ?? ''} onChange={(e) => update({ tag: e.target.value || null })}>
            <option value="">{any}</option>
            {index.tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div className="prog-field">
          <label htmlFor={`${id}-stage`}>{t('programme.filter.stage')}</label>
          <select
            id={`${id}-stage`}
            value={query.stage ?? ''}
            onChange={(e) => update({ stage: STAGES.find((s) => s === e.target.value) ?? null, day: null })}
          >
            <option value="">{any}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`programme.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="prog-field prog-field--check">
          <input id={`${id}-live`} type="checkbox" checked={query.live} onChange={(e) => update({ live: e.target.checked })} />
          <label htmlFor={`${id}-live`}>{t('programme.filter.live')}</label>
        </div>
      </div>
      {filtered && (
        <button
          type="button"
          className="prog-button prog-button--quiet"
          onClick={() => update({ ...EMPTY_QUERY, view: query.view, day: query.day, tz: query.tz })}
        >
          {t('programme.filter.reset')}
        </button>
      )}
    </form>
  );
}
