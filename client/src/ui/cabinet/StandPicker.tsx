// Which stand the cabinet manages. One stand: just its name. A few: a plain <select>.
// Organisers (every exhibitor of the fair): a searchable list in a popover.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Exhibitor } from '../../../../shared/exhibitor.ts';
import { useStore, useT } from '../../store/index.ts';
import { selectExhibitor } from './cabinetActions.ts';
import { logoUrl } from './format.ts';

const SELECT_UP_TO = 8;
const SHOW_AT_MOST = 60;

export function StandPicker() {
  const t = useT();
  const list = useStore((s) => s.cabExhibitors);
  const selected = useStore((s) => s.cabSelected);
  const organiser = useStore((s) => s.cabAuth.status === 'signedIn' && s.cabAuth.me.role === 'organiser');
  if (!list || list.length === 0) return null;
  const current = list.find((e) => e.id === selected);

  if (list.length === 1) {
    return (
      <p className="cab-picker cab-picker--single">
        <span className="cab-picker__label">{t('cabinet.picker.label')}</span> <strong>{current?.name ?? list[0]!.name}</strong>
      </p>
    );
  }
  if (!organiser && list.length <= SELECT_UP_TO) {
    return (
      <div className="cab-picker">
        <label className="cab-picker__label" htmlFor="cab-picker-select">
          {t('cabinet.picker.label')}
        </label>
        <select
          id="cab-picker-select"
          value={selected ?? ''}
          // A refused switch (unsaved edits kept) leaves the store as it was, and the select follows it.
          onChange={(e) => selectExhibitor(e.target.value)}
        >
          {list.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return <SearchPicker list={list} current={current} />;
}

const fold = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е');

function SearchPicker({ list, current }: { list: Exhibitor[]; current: Exhibitor | undefined }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const hits = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return list.filter((e) => {
      const text = fold(`${e.name} ${e.id} ${e.city ?? ''}`);
      return words.every((w) => text.includes(w));
    });
  }, [list, query]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const pick = (id: string) => {
    if (selectExhibitor(id)) close();
  };
  const moveFocus = (from: HTMLElement, delta: number) => {
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[data-pick]') ?? [])];
    const i = items.indexOf(from);
    (items[i + delta] ?? (delta > 0 ? items[0] : root.current?.querySelector<HTMLElement>('input')))?.focus();
  };

  return (
    <div
      className="cab-picker cab-picker--search"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.preventDefault();
        close();
      }}
    >
      <span className="cab-picker__label" id={`${panelId}-label`}>
        {t('cabinet.picker.label')}
      </span>
      <button
        ref={toggle}
        type="button"
        className="cab-picker__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-describedby={`${panelId}-label`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="cab-picker__current">{current?.name ?? t('cabinet.picker.choose')}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={panelId} className="cab-picker__panel" role="dialog" aria-label={t('cabinet.picker.dialog')}>
          <input
            type="search"
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('cabinet.picker.search')}
            aria-label={t('cabinet.picker.search')}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                root.current?.querySelector<HTMLElement>('[data-pick]')?.focus();
              }
              if (e.key === 'Enter' && hits[0]) {
                e.preventDefault();
                pick(hits[0].id);
              }
            }}
          />
          <p className="cab-picker__count" aria-live="polite">
            {t('cabinet.picker.found', { count: hits.length })}
          </p>
          <ul className="cab-picker__list">
            {hits.slice(0, SHOW_AT_MOST).map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  data-pick={e.id}
                  aria-current={e.id === current?.id ? 'true' : undefined}
                  onClick={() => pick(e.id)}
                  onKeyDown={(ev) => {
                    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
                      ev.preventDefault();
                      moveFocus(ev.currentTarget, ev.key === 'ArrowDown' ? 1 : -1);
                    }
                  }}
                >
                  <img src={logoUrl(e.logo)} alt="" width={28} height={28} loading="lazy" />
                  <span>
                    <span className="cab-picker__name">{e.name}</span>
                    {e.city && <span className="cab-picker__meta">{e.city}</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {hits.length > SHOW_AT_MOST && <p className="cab-muted cab-picker__more">{t('cabinet.picker.more', { count: hits.length - SHOW_AT_MOST })}</p>}
        </div>
      )}
    </div>
  );
}
