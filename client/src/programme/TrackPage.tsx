// /programme/tracks/<id>: one learning track. Its owner ticks steps, moves them up and down
// (buttons, so the keyboard does it too, with focus kept on the moved step), removes and adds
// them, renames, shares the link and deletes; anyone else with the link sees it read-only and
// may "make it mine" (a copy, nothing ticked). Edits show at once and are saved in order.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type TrackItem, addItem, moveItem, refKey, removeItem, setDone } from '../../../shared/programme/tracks.ts';
import { type TrackEntry, type TrackPageView, trackPagePath } from '../../../shared/programme/tracksView.ts';
import { type TracksT, useTracksT } from '../i18n/tracks.ts';
import { HttpError } from '../net/http.ts';
import { copyTrack, deleteTrack, fetchTrack, saveTrack } from '../net/tracksApi.ts';
import { useStore, useT } from '../store/index.ts';
import { goTo } from './actions.ts';
import { Link } from './Link.tsx';
import { LoadState } from './Loading.tsx';
import { Missing } from './Missing.tsx';
import { txt } from './model.ts';
import { TRACKS_PATH } from './paths.ts';
import { withItems } from './trackModel.ts';
import { useRemote } from './useRemote.ts';
import { longDateOf, timeOf, visitorZone } from './zones.ts';
import './tracks.css';

const errorText = (e: unknown) => (e instanceof HttpError ? [e.message, ...e.details].join(': ') : String(e));

export function TrackPage({ trackId }: { trackId: string }) {
  const tt = useTracksT();
  const { remote, retry } = useRemote(() => fetchTrack(trackId));
  if (remote.status === 'missing') return <Missing text={tt('tracks.notFound')} />;
  if (remote.status !== 'ready') return <LoadState status={remote.status} onRetry={retry} />;
  return <TrackBody initial={remote.data} />;
}

function TrackBody({ initial }: { initial: TrackPageView }) {
  const tt = useTracksT();
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [view, setView] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [copied, setCopied] = useState(false);
  // Saves go one after another, so the server ends with the last edit; only the answer to the
  // newest one replaces what the page shows (an older answer would undo the edits after it).
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const saved = useRef(initial);
  const latest = useRef(0);
  const focusAfter = useRef<{ key: string; which: 'up' | 'down' | 'done' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const { track, mine, entries, progress } = view;
  const shareUrl = new URL(trackPagePath(track.id), location.href).toString();

  useEffect(() => {
    document.title = `${track.title} · ${tt('tracks.title')}`;
  }, [track.title, tt]);

  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const li = listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(f.key)}"]`);
    const button = li?.querySelector<HTMLButtonElement>(`[data-action="${f.which}"]:not(:disabled)`);
    (button ?? li?.querySelector<HTMLButtonElement>('[data-action="up"], [data-action="down"]'))?.focus();
  });

  const edit = (items: TrackItem[], announce: string, title?: string) => {
    setError(null);
    const local = withItems(view, items);
    setView(title ? { ...local, track: { ...local.track, title } } : local);
    setSaid(announce);
    const n = ++latest.current;
    queue.current = queue.current.then(() =>
      saveTrack(track.id, { items, ...(title ? { title } : {}) }).then(
        (next) => {
          saved.current = next;
          if (n === latest.current) setView(next);
        },
        (err: unknown) => {
          // Back to what the server holds (a later save, if any, still goes and its answer shows).
          if (n === latest.current) setView(saved.current);
          setError(tt('tracks.error', { message: errorText(err) }));
        },
      ),
    );
  };

  const titleOf = (e: TrackEntry) => txt(e.title, lang);
  const move = (i: number, delta: number) => {
    const e = entries[i]!;
    const items = moveItem(track.items, i, delta);
    focusAfter.current = { key: e.key, which: delta < 0 ? 'up' : 'down' };
    edit(items, tt('tracks.moved', { title: titleOf(e), n: items.findIndex((x) => refKey(x) === e.key) + 1 }));
  };

  const copy = () => {
    copyTrack(track.id).then(
      (v) => goTo(trackPagePath(v.track.id)),
      (err: unknown) => setError(tt('tracks.error', { message: errorText(err) })),
    );
  };

  const remove = () => {
    if (!window.confirm(tt('tracks.deleteConfirm', { title: track.title }))) return;
    deleteTrack(track.id).then(
      () => goTo(TRACKS_PATH),
      (err: unknown) => setError(tt('tracks.error', { message: errorText(err) })),
    );
  };

  const copyLink = () => {
    void navigator.clipboard?.writeText(shareUrl).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <article className="trk trk-page" data-track={track.id} data-mine={mine ? 'yes' : 'no'}>
      <p className="prog-crumb">
        <Link href={TRACKS_PATH}>{tt('tracks.back')}</Link>
      </p>
      <h1 className="prog-h1">{track.title}</h1>
      <p className="trk-muted">
        {tt('tracks.level', { level: tt(`tracks.level.${track.level}`) })} · {tt('tracks.topics', { topics: track.topics.join(', ') })}
        {track.copiedFrom && mine ? ` · ${tt('tracks.copiedFrom')}` : ''}
      </p>
      {!mine && (
        <div className="trk-shared" role="note">
          <p>{tt('tracks.shared')}</p>
          <button type="button" className="prog-button" onClick={copy}>
            {tt('tracks.copy')}
          </button>
        </div>
      )}
      <div className="trk-progress">
        <progress max={Math.max(1, progress.total)} value={progress.done} aria-labelledby="trk-progress-text" />
        <span id="trk-progress-text" className="trk-progress__text">
          {tt('tracks.progress', progress)}
        </span>
      </div>
      {error && (
        <p className="trk-error" role="alert">
          {error}
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {said}
      </p>

      <section aria-labelledby="trk-items" className="trk-section">
        <h2 id="trk-items">{tt('tracks.items')}</h2>
        {entries.length === 0 ? (
          <p>{tt('tracks.empty')}</p>
        ) : (
          <ol className="trk-list" ref={listRef}>
            {entries.map((e, i) => (
              <li key={e.key} data-key={e.key} data-kind={e.kind} className={e.item.done ? 'trk-item trk-item--done' : 'trk-item'}>
                <input
                  type="checkbox"
                  className="trk-item__tick"
                  checked={e.item.done}
                  disabled={!mine}
                  aria-label={tt('tracks.done', { title: titleOf(e) })}
                  onChange={(ev) => {
                    focusAfter.current = null;
                    edit(setDone(track.items, e.key, ev.target.checked), tt('tracks.saved'));
                  }}
                />
                <EntryBody entry={e} tt={tt} lang={lang} />
                {mine && (
                  <div className="trk-item__tools">
                    <button type="button" data-action="up" disabled={i === 0} onClick={() => move(i, -1)} aria-label={tt('tracks.up', { title: titleOf(e) })}>
                      ↑
                    </button>
                    <button
                      type="button"
                      data-action="down"
                      disabled={i === entries.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={tt('tracks.down', { title: titleOf(e) })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      data-action="remove"
                      onClick={() => {
                        const next = entries[i + 1] ?? entries[i - 1];
                        focusAfter.current = next ? { key: next.key, which: 'up' } : null;
                        edit(removeItem(track.items, e.key), tt('tracks.removed', { title: titleOf(e) }));
                      }}
                      aria-label={tt('tracks.remove', { title: titleOf(e) })}
                    >
                      ×
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {mine && (
        <section aria-labelledby="trk-suggest" className="trk-section">
          <h2 id="trk-suggest">{tt('tracks.suggest.title')}</h2>
          {view.suggestions.length === 0 ? (
            <p>{tt('tracks.suggest.none')}</p>
          ) : (
            <ul className="trk-list trk-list--suggest">
              {view.suggestions.map((s) => (
                <li key={s.key} data-key={s.key} data-kind={s.kind} className="trk-item">
                  <EntryBody entry={s} tt={tt} lang={lang} />
                  <div className="trk-item__tools">
                    <button
                      type="button"
                      data-action="add"
                      onClick={() => edit(addItem(track.items, s.item), tt('tracks.added', { title: titleOf(s) }))}
                      aria-label={tt('tracks.suggest.add', { title: titleOf(s) })}
                    >
                      +
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {mine && (
        <section aria-labelledby="trk-share" className="trk-section">
          <h2 id="trk-share">{tt('tracks.share.title')}</h2>
          <p className="trk-muted">{tt('tracks.share.hint')}</p>
          <div className="trk-share">
            <label className="trk-field">
              <span>{tt('tracks.share.label')}</span>
              <input type="url" readOnly value={shareUrl} className="trk-share__url" onFocus={(e) => e.currentTarget.select()} />
            </label>
            <button type="button" className="prog-button prog-button--quiet" onClick={copyLink}>
              {tt('tracks.share.copy')}
            </button>
            <span aria-live="polite" className="trk-muted">
              {copied ? tt('tracks.share.copied') : ''}
            </span>
          </div>
          {/* Keyed by the title: a saved rename starts the field afresh. */}
          <Rename key={track.title} title={track.title} tt={tt} onRename={(title) => edit(track.items, tt('tracks.saved'), title)} />
          <p>
            <button type="button" className="prog-button prog-button--quiet trk-delete" onClick={remove}>
              {tt('tracks.delete')}
            </button>
          </p>
        </section>
      )}
      <p className="trk-muted">
        <Link href="/programme">{t('programme.toSchedule')}</Link>
      </p>
    </article>
  );
}

function Rename({ title, tt, onRename }: { title: string; tt: TracksT; onRename: (title: string) => void }) {
  const [value, setValue] = useState(title);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (v && v !== title) onRename(v);
  };
  return (
    <form className="trk-share" onSubmit={submit}>
      <label className="trk-field">
        <span>{tt('tracks.rename')}</span>
        <input type="text" value={value} maxLength={120} required onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="prog-button prog-button--quiet">
        {tt('tracks.renameSave')}
      </button>
    </form>
  );
}

function EntryBody({ entry: e, tt, lang }: { entry: TrackEntry; tt: TracksT; lang: 'ru' | 'en' }) {
  const zone = visitorZone();
  const start = e.start ? Date.parse(e.start) : null;
  const title = txt(e.title, lang);
  const outside = e.link && (
    <a className="trk-item__out" href={e.link} target="_blank" rel="noopener noreferrer">
      {tt(e.state === 'recorded' ? 'tracks.watch' : 'tracks.join')}
      <span className="sr-only"> {tt('tracks.newTab')}</span>
    </a>
  );
  return (
    <div className="trk-item__body">
      <p className="trk-item__kind">
        <span className={`trk-kind trk-kind--${e.kind}`}>{tt(`tracks.kind.${e.kind}`)}</span>
        {e.state && <span className="trk-item__state"> · {tt(`tracks.state.${e.state}`)}</span>}
      </p>
      <p className="trk-item__title">
        {e.href ? (
          e.href.startsWith('/programme') ? (
            <Link href={e.href}>{title}</Link>
          ) : (
            <a href={e.href}>{title}</a>
          )
        ) : (
          title
        )}
      </p>
      <p className="trk-item__meta">
        {e.by && <span>{txt(e.by, lang)}</span>}
        {start !== null && (
          <time dateTime={e.start}>
            {longDateOf(start, lang, zone)}, {timeOf(start, lang, zone)}
          </time>
        )}
        {outside}
      </p>
    </div>
  );
}
