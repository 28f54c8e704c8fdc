// A date field whose text, month and weekday names follow the page's language. The browser's
// <input type="date"> writes the date in the computer's locale, so an English page on a
// Russian computer showed "дд.мм.гггг"; this one shows "10 Apr 2026" and a calendar in English.
// The calendar is a non-modal popover (APG date picker dialog): arrows move by day, Page Up /
// Page Down by month, Home / End to the week's ends, Enter chooses, Escape closes and returns
// focus to the field's button.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useStore, useT } from '../../../store/index.ts';
import {
  addDays,
  addMonths,
  clampDay,
  dayLong,
  dayShort,
  inRange,
  isDay,
  localDay,
  monthTitle,
  monthWeeks,
  sameMonth,
  weekdayIndex,
  weekdayNames,
} from './calendar.ts';
import './dateField.css';

interface Props {
  id: string;
  label: string;
  /** "YYYY-MM-DD" or "" for none. */
  value: string;
  min?: string;
  max?: string;
  onChange(value: string): void;
  /** "end" for a field near the right edge: the calendar opens leftwards, staying on screen. */
  align?: 'start' | 'end';
}

export function DateField({ id, label, value, min, max, onChange, align = 'start' }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const labelId = `${id}-label`;
  const shown = isDay(value) ? dayShort(lang, value) : t('date.any');

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  return (
    <div className={`cab-field cab-field--compact cab-date${align === 'end' ? ' cab-date--end' : ''}`}>
      <span className="cab-field__label" id={labelId}>
        {label}
      </span>
      <div className="cab-date__row">
        <button
          ref={button}
          id={id}
          type="button"
          className="cab-date__button"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-label={t('date.open', { label, value: shown })}
          onClick={() => setOpen((o) => !o)}
        >
          <span>{shown}</span>
          <span aria-hidden="true" className="cab-date__icon">
            ▾
          </span>
        </button>
        {value && (
          <button type="button" className="cab-date__clear" aria-label={t('date.clearLabel', { label })} onClick={() => onChange('')}>
            ×
          </button>
        )}
      </div>
      {open && (
        <Calendar
          label={label}
          value={isDay(value) ? value : ''}
          min={min}
          max={max}
          onPick={(day) => {
            onChange(day);
            close(true);
          }}
          onClose={close}
          anchor={button}
        />
      )}
    </div>
  );
}

interface CalendarProps {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onPick(day: string): void;
  onClose(focusButton: boolean): void;
  anchor: React.RefObject<HTMLButtonElement | null>;
}

function Calendar({ label, value, min, max, onPick, onClose, anchor }: CalendarProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const root = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const keysId = useId();
  const [focus, setFocus] = useState(() => clampDay(value || localDay(new Date()), min, max));
  const [moved, setMoved] = useState(false);

  // The focused day takes the keyboard; on open, after the first render.
  useEffect(() => {
    root.current?.querySelector<HTMLButtonElement>(`button[data-day="${focus}"]`)?.focus();
  }, [focus]);

  // A click anywhere else closes the calendar without moving focus (the click put it there).
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (root.current?.contains(target) || anchor.current?.contains(target)) return;
      onClose(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onClose, anchor]);

  const move = (day: string) => {
    setMoved(true);
    setFocus(clampDay(day, min, max));
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const k = e.key;
    if (k === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
      return;
    }
    // Only the grid's own keys: Tab walks the popover's buttons as usual.
    if (!(e.target as HTMLElement).dataset.day) return;
    const next =
      k === 'ArrowLeft'
        ? addDays(focus, -1)
        : k === 'ArrowRight'
          ? addDays(focus, 1)
          : k === 'ArrowUp'
            ? addDays(focus, -7)
            : k === 'ArrowDown'
              ? addDays(focus, 7)
              : k === 'PageUp'
                ? addMonths(focus, e.shiftKey ? -12 : -1)
                : k === 'PageDown'
                  ? addMonths(focus, e.shiftKey ? 12 : 1)
                  : k === 'Home'
                    ? addDays(focus, -weekdayIndex(focus))
                    : k === 'End'
                      ? addDays(focus, 6 - weekdayIndex(focus))
                      : null;
    if (next === null) return;
    e.preventDefault();
    move(next);
  };

  const names = weekdayNames(lang);
  const prevMonth = addMonths(focus, -1);
  const nextMonth = addMonths(focus, 1);
  return (
    <div ref={root} className="cab-date__popover" role="dialog" aria-modal="false" aria-label={t('date.dialog', { label })} onKeyDown={onKey}>
      <div className="cab-date__head">
        <button type="button" className="cab-date__nav" aria-label={t('date.prev')} onClick={() => move(prevMonth)} disabled={!!min && prevMonth.slice(0, 7) < min.slice(0, 7)}>
          ‹
        </button>
        {/* Announced when the month changes by key or button, not on opening. */}
        <h2 className="cab-date__title" id={titleId} aria-live={moved ? 'polite' : 'off'}>
          {monthTitle(lang, focus)}
        </h2>
        <button type="button" className="cab-date__nav" aria-label={t('date.next')} onClick={() => move(nextMonth)} disabled={!!max && nextMonth.slice(0, 7) > max.slice(0, 7)}>
          ›
        </button>
      </div>
      <table className="cab-date__grid" role="grid" aria-labelledby={titleId} aria-describedby={keysId}>
        <thead>
          <tr>
            {names.map(([short, long]) => (
              <th key={long} scope="col" abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(focus).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) =>
                day === null ? (
                  <td key={d} />
                ) : (
                  <td key={day} aria-selected={day === value}>
                    <button
                      type="button"
                      data-day={day}
                      className={`cab-date__day${day === value ? ' is-selected' : ''}${day === localDay(new Date()) ? ' is-today' : ''}`}
                      tabIndex={day === focus && sameMonth(day, focus) ? 0 : -1}
                      disabled={!inRange(day, min, max)}
                      aria-label={dayLong(lang, day)}
                      aria-current={day === localDay(new Date()) ? 'date' : undefined}
                      onClick={() => onPick(day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={keysId} className="sr-only">
        {t('date.keys')}
      </p>
      <div className="cab-date__foot">
        {value && (
          <button type="button" className="button button--link" onClick={() => onPick('')}>
            {t('date.clear')}
          </button>
        )}
        <button type="button" className="button button--link" onClick={() => onClose(true)}>
          {t('date.close')}
        </button>
      </div>
    </div>
  );
}
