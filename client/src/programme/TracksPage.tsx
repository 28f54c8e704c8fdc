// /programme/tracks: "University" — a teacher picks topics (the programme's tags) and a level,
// the server builds the track (shared/programme/tracks.ts) and the page opens it; below, the
// visitor's own tracks with their progress.
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { MAX_TRACK_TOPICS, TRACK_LEVELS, type TrackLevel, topicChoices } from '../../../shared/programme/tracks.ts';
import { type TrackSummary, trackPagePath } from '../../../shared/programme/tracksView.ts';
import { useTracksT } from '../i18n/tracks.ts';
import { HttpError } from '../net/http.ts';
import { buildNewTrack, fetchMyTracks } from '../net/tracksApi.ts';
import { useT } from '../store/index.ts';
import { goTo, loadProgramme } from './actions.ts';
import { Link } from './Link.tsx';
import { LoadState, useProgrammeIndex } from './Loading.tsx';
import './tracks.css';

const errorText = (e: unknown) => (e instanceof HttpError ? [e.message, ...e.details].join(': ') : String(e));

export function TracksPage() {
  const tt = useTracksT();
  const t = useT();
  const { status, index } = useProgrammeIndex();
  const topics = useMemo(() => (index ? topicChoices(index.events.map((ie) => ie.e)) : []), [index]);
  const [mine, setMine] = useState<TrackSummary[] | null>(null);
  const [mineFailed, setMineFailed] = useState(false);

  useEffect(() => {
    document.title = `${tt('tracks.title')} · ${t('programme.title')}`;
  }, [tt, t]);
  useEffect(() => {
    let live = true;
    fetchMyTracks().then(
      (r) => live && setMine(r.tracks),
      () => live && setMineFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="trk">
      <h1 className="prog-h1">{tt('tracks.title')}</h1>
      <p className="trk-intro">{tt('tracks.intro')}</p>
      {index ? <TrackBuilder topics={topics} /> : <LoadState status={status} onRetry={() => void loadProgramme()} />}
      <section aria-labelledby="trk-mine" className="trk-section">
        <h2 id="trk-mine">{tt('tracks.mine.title')}</h2>
        {mineFailed ? (
          <p role="alert">{tt('tracks.loadError')}</p>
        ) : mine === null ? (
          <p role="status">{t('programme.loading')}</p>
        ) : mine.length === 0 ? (
          <p>{tt('tracks.mine.empty')}</p>
        ) : (
          <ul className="trk-mine">
            {mine.map((m) => (
              <li key={m.id} data-track={m.id}>
                <Link href={trackPagePath(m.id)}>{m.title}</Link>{' '}
                <span className="trk-muted">
                  {tt(`tracks.level.${m.level}`)} · {tt('tracks.mine.progress', m.progress)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function TrackBuilder({ topics }: { topics: string[] }) {
  const tt = useTracksT();
  const [picked, setPicked] = useState<string[]>([]);
  const [level, setLevel] = useState<TrackLevel>('practitioner');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (topic: string) =>
    setPicked((p) => (p.includes(topic) ? p.filter((x) => x !== topic) : p.length >= MAX_TRACK_TOPICS ? p : [...p, topic]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked.length === 0) {
      setError(tt('tracks.build.needTopic'));
      return;
    }
    setBusy(true);
    setError(null);
    buildNewTrack({ topics: picked, level, ...(title.trim() ? { title: title.trim() } : {}) }).then(
      (view) => goTo(trackPagePath(view.track.id)),
      (err: unknown) => {
        setBusy(false);
        setError(tt('tracks.error', { message: errorText(err) }));
      },
    );
  };

  return (
    <form className="trk-builder trk-section" onSubmit={submit} aria-labelledby="trk-build" noValidate>
      <h2 id="trk-build">{tt('tracks.build.title')}</h2>
      <fieldset className="trk-topics">
        <legend>{tt('tracks.build.topics', { max: MAX_TRACK_TOPICS })}</legend>
        <p className="trk-muted" aria-live="polite">
          {tt('tracks.build.topicsHint', { count: picked.length })}
        </p>
        <div className="trk-chips">
          {topics.map((topic) => {
            const on = picked.includes(topic);
            return (
              <label key={topic} className={on ? 'trk-chip trk-chip--on' : 'trk-chip'}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={!on && picked.length >= MAX_TRACK_TOPICS}
                  onChange={() => toggle(topic)}
                  data-topic={topic}
                />
                {topic}
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="trk-levels">
        <legend>{tt('tracks.build.level')}</legend>
        {TRACK_LEVELS.map((l) => (
          <label key={l} className="trk-level">
            <input type="radio" name="trk-level" value={l} checked={level === l} onChange={() => setLevel(l)} />
            <span>
              <strong>{tt(`tracks.level.${l}`)}</strong> <span className="trk-muted">— {tt(`tracks.level.${l}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="trk-field">
        <span>{tt('tracks.build.name')}</span>
        <input type="text" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {error && (
        <p className="trk-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="prog-button" disabled={busy}>
        {busy ? tt('tracks.build.busy') : tt('tracks.build.submit')}
      </button>
    </form>
  );
}
