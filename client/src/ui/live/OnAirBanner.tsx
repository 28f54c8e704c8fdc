// "Сейчас в эфире: …" on the floor: the programme events live now in this floor's scope (its
// programme landmarks' stage or cluster; all events on a floor without one), with a link to
// the first and to the rest. It follows the fair clock through onAirActions (fetched again as
// events start and end) and shows nothing while nothing is live.
import { useEffect } from 'react';
import type { Text } from '../../../../shared/programme/schema.ts';
import { floorScopes, onAirFor } from '../../../../shared/programme/onAir.ts';
import { followOnAir, targetHref } from '../../actions/onAirActions.ts';
import { eventPath } from '../../programme/paths.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import './onAir.css';

export function textIn(text: Text, lang: 'ru' | 'en'): string {
  return lang === 'en' && text.en ? text.en : text.ru;
}

export function OnAirBanner() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const scopes = useStore(useShallow((s) => floorScopes((s.floorId ? s.levels[s.floorId]?.landmarks : undefined) ?? [])));
  const live = useStore(useShallow((s) => onAirFor(s.progOnAir, scopes)));

  useEffect(() => followOnAir(), []);

  const first = live[0];
  if (!first) return null;
  // "And N more": the schedule of this floor's one scope (or the whole programme) live now.
  const scope = scopes?.length === 1 ? scopes[0]! : {};
  const moreHref = targetHref({ kind: 'schedule', stage: scope.stage ?? null, cluster: scope.cluster ?? null, live: true });
  return (
    <aside className="on-air" aria-label={t('programme.onAir.region')}>
      <span className="on-air__dot" aria-hidden="true" />
      <p className="on-air__text">
        <span className="on-air__label">{t('programme.onAir.label')}</span>{' '}
        <a className="on-air__link" href={eventPath(first.id)}>
          {textIn(first.title, lang)}
        </a>
        {first.clusterTitle && <span className="on-air__cluster"> · {textIn(first.clusterTitle, lang)}</span>}
        {live.length > 1 && (
          <>
            {' '}
            <a className="on-air__more" href={moreHref}>
              {t('programme.onAir.more', { count: live.length - 1 })}
            </a>
          </>
        )}
      </p>
    </aside>
  );
}
