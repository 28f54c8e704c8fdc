// The floor's programme landmarks (the main stage and the cluster stages) as buttons over
// the hall: a click or Enter enters the programme (its live event, or the schedule of its
// stage or cluster: onAirActions.enterProgramme). DOM buttons, so they are in the Tab order
// and read by screen readers; placed from the engine's screen positions on every camera
// change (written to the style, no React render per frame), like the unread markers.
import { useEffect, useRef } from 'react';
import type { Landmark } from '../../../../shared/level/schema.ts';
import { inScope } from '../../../../shared/programme/onAir.ts';
import { enterProgramme } from '../../actions/onAirActions.ts';
import { hall } from '../../engine/hallApi.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import { textIn } from '../live/OnAirBanner.tsx';
import '../live/onAir.css';

const NONE: Landmark[] = [];

export function ProgrammeLandmarks() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const box = useRef<HTMLDivElement>(null);
  const engineReady = useStore((s) => s.hallReady);
  const floorId = useStore((s) => s.floorId);
  const marks = useStore(useShallow((s) => (s.floorId ? s.levels[s.floorId]?.landmarks.filter((l) => l.kind === 'programme') : undefined) ?? NONE));
  const onAir = useStore((s) => s.progOnAir);
  // The list view covers the hall: no buttons over what cannot be seen.
  const listMode = useStore((s) => s.hallMode === 'list');

  useEffect(() => {
    const engine = hall();
    const el = box.current;
    if (!engine || !el || marks.length === 0) return;
    const place = () => {
      const w = el.clientWidth;
      const h = el.clientHeight;
      for (const child of el.children) {
        const node = child as HTMLElement;
        const l = marks.find((m) => m.id === node.dataset.landmark);
        const p = l ? engine.worldToScreen({ x: l.x, y: l.y }) : null;
        const shown = !!p && p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
        node.style.visibility = shown ? 'visible' : 'hidden';
        if (p && shown) node.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -50%)`;
      }
    };
    return engine.onCamera(place);
  }, [marks, engineReady, floorId, listMode]);

  if (marks.length === 0 || listMode) return null;
  return (
    <div ref={box} className="prog-marks">
      {marks.map((l) => {
        const live = onAir.filter((e) => inScope(e, l.programme ?? {}));
        const title = l.title[lang];
        const label =
          live.length === 1
            ? t('programme.landmark.goLive', { title, event: textIn(live[0]!.title, lang) })
            : live.length > 1
              ? t('programme.landmark.goMany', { title, count: live.length })
              : t('programme.landmark.goSchedule', { title });
        return (
          <button
            key={l.id}
            type="button"
            className={`prog-mark${live.length > 0 ? ' prog-mark--live' : ''}`}
            data-landmark={l.id}
            data-live={live.length}
            title={label}
            style={{ visibility: 'hidden' }}
            onClick={() => enterProgramme(l.id)}
          >
            {live.length > 0 && <span className="on-air__dot" aria-hidden="true" />}
            {live.length > 0 ? t('programme.landmark.live') : t('programme.landmark.open')}
            {/* The name starts with what is seen; where it leads is said after it. */}
            <span className="sr-only"> — {label}</span>
          </button>
        );
      })}
    </div>
  );
}
