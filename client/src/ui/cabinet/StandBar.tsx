// Above the tabs: the stand being managed and the way to it in the exhibition (one link per
// stand the exhibitor rents, found in the public directory).
import { viewUrl } from '../../../../shared/routes.ts';
import { useStore, useShallow, useT } from '../../store/index.ts';
import { logoUrl } from './format.ts';

export function StandBar() {
  const t = useT();
  const selected = useStore((s) => s.cabSelected);
  const exhibitor = useStore((s) => s.cabExhibitors?.find((e) => e.id === s.cabSelected));
  const places = useStore(useShallow((s) => s.cabDirectory.filter((d) => d.exhibitor === s.cabSelected)));
  if (!selected || !exhibitor) return null;
  return (
    <div className="cab-standbar" style={{ '--brand': exhibitor.colour } as React.CSSProperties}>
      <img className="cab-standbar__logo" src={logoUrl(exhibitor.logo)} alt="" width={44} height={44} />
      <div className="cab-standbar__text">
        <p className="cab-standbar__name">{exhibitor.name}</p>
        <p className="cab-standbar__places">
          {places.length === 0 && <span className="cab-muted">{t('cabinet.stand.notPlaced')}</span>}
          {places.map((p, i) => (
            <a key={`${p.floor}/${p.stand}`} href={viewUrl({ kind: 'stand', floorId: p.floor, standId: p.stand })} target="_blank" rel="noopener" className="cab-standbar__link">
              {places.length === 1 ? t('cabinet.stand.open') : t('cabinet.stand.openN', { n: i + 1, stand: p.stand })}
              <span aria-hidden="true"> ↗</span>
              <span className="sr-only"> {t('cabinet.newTab')}</span>
            </a>
          ))}
        </p>
      </div>
    </div>
  );
}
