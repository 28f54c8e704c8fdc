// The Q&A pages' own small entry (client/qa.html), without the hall or Pixi: the moderator
// view at /moderate/<eventId> (behind the cabinet login: it needs a staff ticket), the
// pinned-question overlay at /overlay/<eventId>, and the broadcast page at
// /broadcast/<eventId> (its own lazy chunk: the overlay and moderator view never load it).
import { Suspense, lazy, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchTicket } from '../net/chatHttp.ts';
import { useQaT } from '../i18n/qa.ts';
import { ModeratorView } from './ModeratorView.tsx';
import { OverlayView } from './OverlayView.tsx';
import { qaPage } from './paths.ts';
import './qa.css';

const BroadcastView = lazy(() => import('../broadcast/BroadcastView.tsx').then((m) => ({ default: m.BroadcastView })));

function Moderate({ eventId }: { eventId: string }) {
  const t = useQaT();
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    fetchTicket().then(
      () => setAllowed(true),
      () => setAllowed(false),
    );
  }, []);
  if (allowed === null) return null;
  if (!allowed)
    return (
      <main className="qa-mod">
        <p>{t('qa.mod.login')}</p>
        <a href="/cabinet">{t('qa.mod.loginLink')}</a>
      </main>
    );
  return <ModeratorView eventId={eventId} />;
}

const page = qaPage(location.pathname);
if (page?.kind === 'overlay') document.documentElement.classList.add('qa-transparent');
function pageFor(p: typeof page) {
  switch (p?.kind) {
    case 'moderate':
      return <Moderate eventId={p.eventId} />;
    case 'overlay':
      return <OverlayView eventId={p.eventId} />;
    case 'broadcast':
      return (
        <Suspense fallback={null}>
          <BroadcastView eventId={p.eventId} />
        </Suspense>
      );
    case undefined:
      return null;
  }
}
createRoot(document.getElementById('root')!).render(pageFor(page));
