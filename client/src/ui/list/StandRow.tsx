// One stand in the list view: booth number, name, topic, visitors now and whether staff are
// online (both from the presence connection), and its actions: open, add to route, walk to.
import { CATEGORY_TITLES } from '../../../../shared/categories.ts';
import type { Exhibitor } from '../../../../shared/exhibitor.ts';
import { nameLang } from '../../../../shared/localized.ts';
import { openStand, walkToStand } from '../../actions/hallActions.ts';
import { assetUrl } from '../../net/api.ts';
import { useStore, useT } from '../../store/index.ts';
import { useBoothNumber } from '../useBoothNumber.ts';
import { RouteButton } from '../route/RouteButton.tsx';

export function StandRow({ floorId, standId, exhibitor }: { floorId: string; standId: string; exhibitor: Exhibitor | undefined }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const here = useStore((s) => s.standCounts[standId] ?? 0);
  const staff = useStore((s) => s.staffOnline[standId] === true);
  const name = exhibitor?.name ?? standId;
  const booth = useBoothNumber(standId) ?? standId;
  const titleId = `list-stand-${standId}`;
  return (
    <li className="list-stand" data-list-stand={standId} aria-labelledby={titleId}>
      {exhibitor && <img className="list-stand__logo" src={assetUrl(exhibitor.logo)} alt="" width={40} height={40} loading="lazy" />}
      <div className="list-stand__body">
        <h4 className="list-stand__name" id={titleId} lang={nameLang(name, lang)}>
          {name}
        </h4>
        <p className="list-stand__meta">
          <span className="list-stand__booth">{t('list.booth', { id: booth })}</span>
          {exhibitor && <span>{CATEGORY_TITLES[exhibitor.category][lang]}</span>}
          <span>{here > 0 ? t('list.visitors', { count: here }) : t('list.noVisitors')}</span>
          <span className={staff ? 'list-stand__staff list-stand__staff--on' : 'list-stand__staff'}>{t(staff ? 'list.staffOnline' : 'list.staffOffline')}</span>
        </p>
      </div>
      <div className="list-stand__actions">
        <button type="button" className="button button--primary button--small" onClick={() => openStand(standId)}>
          {t('list.open')}
          <span className="sr-only"> — {name}</span>
        </button>
        <RouteButton floor={floorId} stand={standId} name={name} />
        <button type="button" className="button button--small" onClick={() => walkToStand(standId)}>
          {t('list.walk')}
          <span className="sr-only"> — {name}</span>
        </button>
      </div>
    </li>
  );
}
