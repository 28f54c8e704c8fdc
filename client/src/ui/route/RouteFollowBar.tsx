// Plan, Go and the controls while following: Next, Skip, Back, Resume, Stop.
import { useState } from 'react';
import { planRoute } from '../../actions/routeActions.ts';
import { nextStop, previousStop, resumeFollow, skipStop, startFollow, stopFollow } from '../../actions/routeFollow.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';

export function RouteFollowBar({ onError }: { onError(text: string | null): void }) {
  const t = useT();
  const { count, plan, planning, follow } = useStore(
    useShallow((s) => ({ count: s.routeStops.length, plan: s.routePlan, planning: s.routePlanning, follow: s.routeFollow })),
  );
  const [busy, setBusy] = useState(false);
  const plan_ = () => {
    setBusy(true);
    onError(null);
    void planRoute().then((err) => {
      setBusy(false);
      onError(err);
    });
  };
  const status = follow.status;
  return (
    <div className="route-bar" role="group" aria-label={t('route.title')}>
      {(!plan?.ok || status === 'idle' || status === 'done') && (
        <button type="button" className="button route-plan" disabled={count === 0 || planning || busy} onClick={plan_}>
          {planning || busy ? t('route.planning') : t('route.plan')}
        </button>
      )}
      {plan?.ok && (status === 'idle' || status === 'done') && (
        <button type="button" className="button button--primary route-go" onClick={startFollow}>
          ▶ {t('route.go')}
        </button>
      )}
      {plan?.ok && status === 'arrived' && (
        <button type="button" className="button button--primary" onClick={nextStop}>
          {t('route.next')} →
        </button>
      )}
      {plan?.ok && status === 'off' && (
        <button type="button" className="button button--primary" onClick={resumeFollow}>
          {t('route.resume')}
        </button>
      )}
      {plan?.ok && status !== 'idle' && status !== 'done' && (
        <>
          <button type="button" className="button button--small" onClick={previousStop} disabled={follow.index === 0}>
            ← {t('route.back')}
          </button>
          <button type="button" className="button button--small" onClick={skipStop}>
            {t('route.skip')}
          </button>
          <button type="button" className="button button--small" onClick={stopFollow}>
            {t('route.stop')}
          </button>
        </>
      )}
    </div>
  );
}
