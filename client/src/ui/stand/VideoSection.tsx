// The stand's video presentation: the browser's own player (keyboard and screen-reader
// friendly), a poster, captions in each language given, and never autoplay. The first play
// of each opening is reported once, for the exhibitor's analytics. For the keyboard the video
// is one Tab stop with a visible ring (Space plays, arrows seek, M, C, F): the browser's
// controls, which are several stops without a visible focus, show only under a pointer.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { StandVideo } from '../../../../shared/standContent.ts';
import type { Lang } from '../../../../shared/text.ts';
import { mediaUrl } from '../../net/standApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { useContentTexts } from './contentLang.tsx';

export function VideoSection({ video, onFirstPlay }: { video: StandVideo; onFirstPlay?: () => void }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const ref = useRef<HTMLVideoElement>(null);
  const played = useRef(false);
  const [pointer, setPointer] = useState(false);
  const hintId = useId();
  const title = useContentTexts().field(video, 'title');
  const defaultLang: Lang | undefined = video.captions.some((c) => c.lang === lang) ? lang : video.captions[0]?.lang;

  // A new video (another stand, or an edit in the cabinet) is a new first play.
  useEffect(() => {
    played.current = false;
  }, [video.src]);

  // Captions follow the interface language if the visitor has them on.
  useEffect(() => {
    const tracks = ref.current?.textTracks;
    if (!tracks) return;
    const list = Array.from(tracks);
    if (!list.some((tr) => tr.mode === 'showing')) return;
    const wanted = list.find((tr) => tr.language === lang);
    if (!wanted) return;
    for (const tr of list) tr.mode = tr === wanted ? 'showing' : 'disabled';
  }, [lang]);

  const onKey = (e: KeyboardEvent<HTMLVideoElement>) => {
    const v = e.currentTarget;
    if (e.target !== v || e.altKey || e.ctrlKey || e.metaKey) return;
    const keys: Record<string, () => void> = {
      ' ': () => void (v.paused ? v.play().catch(() => {}) : v.pause()),
      Enter: () => void (v.paused ? v.play().catch(() => {}) : v.pause()),
      ArrowRight: () => (v.currentTime = Math.min(v.duration || 0, v.currentTime + 5)),
      ArrowLeft: () => (v.currentTime = Math.max(0, v.currentTime - 5)),
      KeyM: () => (v.muted = !v.muted),
      KeyC: () => {
        const list = Array.from(v.textTracks);
        const on = list.some((tr) => tr.mode === 'showing');
        const wanted = list.find((tr) => tr.language === lang) ?? list[0];
        for (const tr of list) tr.mode = !on && tr === wanted ? 'showing' : 'disabled';
      },
      KeyF: () => void (document.fullscreenElement ? document.exitFullscreen() : v.requestFullscreen()).catch(() => {}),
    };
    const go = keys[e.key] ?? keys[e.code];
    if (!go) return;
    e.preventDefault();
    go();
  };

  return (
    <section className="stand-block stand-video" aria-labelledby="stand-video-title">
      <h3 id="stand-video-title">{t('stand.video')}</h3>
      <div className="stand-video__frame">
        <video
          ref={ref}
          controls={pointer}
          tabIndex={0}
          aria-describedby={hintId}
          onKeyDown={onKey}
          onPointerEnter={() => setPointer(true)}
          onPointerDown={() => setPointer(true)}
          onPointerLeave={(e) => e.pointerType === 'mouse' && setPointer(false)}
          preload="none"
          playsInline
          poster={video.poster ? mediaUrl(video.poster) : undefined}
          aria-label={title.text}
          onPlay={() => {
            if (played.current) return;
            played.current = true;
            onFirstPlay?.();
          }}
        >
          <source src={mediaUrl(video.src)} type={video.src.endsWith('.mp4') ? 'video/mp4' : 'video/webm'} />
          {video.captions.map((c) => (
            <track key={c.lang} kind="captions" srcLang={c.lang} label={c.label} src={mediaUrl(c.src)} default={c.lang === defaultLang} />
          ))}
          <a href={mediaUrl(video.src)}>{t('stand.videoDownload')}</a>
        </video>
      </div>
      <p className="stand-video__title" lang={title.lang}>
        {title.text}
      </p>
      <p className="sr-only" id={hintId}>
        {t('video.keys')}
      </p>
      {video.captions.length > 0 && <p className="stand-note">{t('stand.videoCaptions', { langs: video.captions.map((c) => c.label).join(', ') })}</p>}
    </section>
  );
}
