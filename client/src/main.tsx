// Client entry: the hall, or the exhibitor cabinet at /cabinet (its own chunk, no Pixi).
import { Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { isCabinetPath } from '../../shared/routes.ts';
import { exposeDebugHandle } from './debugHandle.ts';
import { App } from './ui/App.tsx';
import './ui/styles.css';

const CabinetApp = lazy(() => import('./ui/cabinet/CabinetApp.tsx').then((m) => ({ default: m.CabinetApp })));

exposeDebugHandle();
createRoot(document.getElementById('root')!).render(
  isCabinetPath(location.pathname) ? (
    <Suspense fallback={null}>
      <CabinetApp />
    </Suspense>
  ) : (
    <App />
  ),
);
