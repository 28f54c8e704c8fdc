// Whether new leads arrive by themselves right now: live, reconnecting, or off.
import { useStore, useT } from '../../store/index.ts';

export function LiveBadge() {
  const t = useT();
  const live = useStore((s) => s.cabLive);
  return (
    <p className={`cab-live cab-live--${live}`}>
      <span className="cab-live__dot" aria-hidden="true" />
      {t(`cabinet.live.${live}`)}
    </p>
  );
}
