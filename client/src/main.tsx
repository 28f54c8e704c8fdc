// Client entry: the hall, the exhibitor cabinet at /cabinet or the business programme at
// /programme and /speakers (each its own chunk, without Pixi).
import { Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { isOrganiserPath } from '../../shared/organiser.ts';
import { isCabinetPath } from '../../shared/routes.ts';
import { exposeDebugHandle } from './debugHandle.ts';
import { isProgrammePath } from './programme/paths.ts';
import { App, preloadHall } from './ui/App.tsx';
import './ui/styles.css';

const CabinetApp = lazy(() => import('./ui/cabinet/CabinetApp.tsx').then((m) => ({ default: m.CabinetApp })));
const OrganiserApp = lazy(() => import('./ui/organiser/OrganiserApp.tsx').then((m) => ({ default: m.OrganiserApp })));
const ProgrammeApp = lazy(() => import('./programme/ProgrammeApp.tsx').then((m) => ({ default: m.ProgrammeApp })));

exposeDebugHandle();
const cabinet = isCabinetPath(location.pathname);
const organiser = isOrganiserPath(location.pathname);
const programme = !cabinet && !organiser && isProgrammePath(location.pathname);
if (!cabinet && !programme && !organiser) void preloadHall();
createRoot(document.getElementById('root')!).render(
  cabinet ? (
    <Suspense fallback={null}>
      <CabinetApp />
    </Suspense>
  ) : organiser ? (
    <Suspense fallback={null}>
      <OrganiserApp />
    </Suspense>
  ) : programme ? (
    <Suspense fallback={null}>
      <ProgrammeApp />
    </Suspense>
  ) : (
    <App />
  ),
);
