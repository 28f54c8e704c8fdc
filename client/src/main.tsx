// Client entry: the hall, or the exhibitor cabinet at /cabinet (its own chunk, no Pixi).
import { Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { isCabinetPath } from '../../shared/routes.ts';
import { exposeDebugHandle } from './debugHandle.ts';
import { App, preloadHall } from './ui/App.tsx';
import './ui/styles.css';

const CabinetApp = lazy(() => import('./ui/cabinet/CabinetApp.tsx').then((m) => ({ default: m.CabinetApp })));

exposeDebugHandle();
const cabinet = isCabinetPath(location.pathname);
if (!cabinet) void preloadHall();
createRoot(document.getElementById('root')!).render(
  cabinet ? (
    <Suspense fallback={null}>
      <CabinetApp />
    </Suspense>
  ) : (
    <App />
  ),
);
