// Start, optional end and step-free for the route: where I stand, or a landmark of any floor.
import { useId } from 'react';
import { useShallow, useStore, useT } from '../../store/index.ts';

const SEP = '/';

export function RouteOptions() {
  const t = useT();
  const id = useId();
  const { start, end, stepFree, floors, levels, lang } = useStore(
    useShallow((s) => ({ start: s.routeStart, end: s.routeEnd, stepFree: s.routeStepFree, floors: s.floors, levels: s.levels, lang: s.lang })),
  );
  const groups = [...floors]
    .sort((a, b) => a.order - b.order)
    .map((f) => ({ floor: f, landmarks: levels[f.id]?.landmarks ?? [] }))
    .filter((g) => g.landmarks.length > 0);
  const options = groups.map((g) => (
    <optgroup key={g.floor.id} label={g.floor.title[lang]}>
      {g.landmarks.map((l) => (
        <option key={l.id} value={`${g.floor.id}${SEP}${l.id}`}>
          {t('route.landmark', { floor: g.floor.title[lang], name: l.title[lang] })}
        </option>
      ))}
    </optgroup>
  ));
  const toLandmark = (v: string) => {
    const [floor = '', landmark = ''] = v.split(SEP);
    return { kind: 'landmark' as const, floor, landmark };
  };
  return (
    <div className="route-options">
      <div className="route-field">
        <label htmlFor={`${id}-start`}>{t('route.start')}</label>
        <select
          id={`${id}-start`}
          value={start.kind === 'here' ? 'here' : `${start.floor}${SEP}${start.landmark}`}
          onChange={(e) => useStore.getState().setRouteStart(e.target.value === 'here' ? { kind: 'here' } : toLandmark(e.target.value))}
        >
          <option value="here">{t('route.startHere')}</option>
          {options}
        </select>
      </div>
      <div className="route-field">
        <label htmlFor={`${id}-end`}>{t('route.end')}</label>
        <select
          id={`${id}-end`}
          value={end ? `${end.floor}${SEP}${end.landmark}` : ''}
          onChange={(e) => useStore.getState().setRouteEnd(e.target.value ? toLandmark(e.target.value) : null)}
        >
          <option value="">{t('route.endNone')}</option>
          {options}
        </select>
      </div>
      <label className="route-check">
        <input type="checkbox" checked={stepFree} onChange={(e) => useStore.getState().setRouteStepFree(e.target.checked)} />
        <span>{t('route.stepFree')}</span>
      </label>
    </div>
  );
}
