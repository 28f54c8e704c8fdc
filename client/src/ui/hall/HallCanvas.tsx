// The canvas host (lazily loaded: Pixi lives in this chunk). @pixi/react creates the Pixi
// application; the HallEngine takes over its stage. This component only wires the engine to
// the store and disposes it; it renders no per-frame state.
// Pixi generates shader and uniform code with new Function unless this polyfill is loaded;
// the server's CSP (server/http/security.ts) allows no eval.
import 'pixi.js/unsafe-eval';
import { Application } from '@pixi/react';
import { type Application as PixiApp } from 'pixi.js';
import { useEffect, useRef, useState } from 'react';
import type { Level } from '../../../../shared/level/schema.ts';
import { escape, openStand, setFocusedStand, takeArrival, usePortal } from '../../actions/hallActions.ts';
import { startRouteDrawing } from '../../actions/routeDrawing.ts';
import { copyStand, toggleLayoutOverlay } from '../../actions/organiserActions.ts';
import { setHall } from '../../engine/hallApi.ts';
import { HallEngine } from '../../engine/hallEngine.ts';
import { keepViewInUrl, onHallView, setDefaultHallView } from '../../engine/iso/viewPref.ts';
import { whenIdle } from '../../engine/light/frameGaps.ts';
import { renderSettings, softwareRenderer } from '../../engine/light/lightMode.ts';
import { decideForRenderer, lightMode, onLightMode, probeCaveat, reportFrameGaps } from '../../engine/light/lightPref.ts';
import { LightNotice } from '../chrome/LightNotice.tsx';
import { ViewSwitch } from '../chrome/ViewSwitch.tsx';
import { CategoryLegend } from './CategoryLegend.tsx';
import { translate } from '../../i18n/index.ts';
import { assetUrl, loadLevel } from '../../net/api.ts';
import { PresenceConnection } from '../../net/presence.ts';
import { loadStandContent, mediaUrl } from '../../net/standApi.ts';
import { setPresence } from '../../net/presenceHandle.ts';
import { useStore, useT } from '../../store/index.ts';
import { bindLayoutOverlay } from '../organiser/bindLayout.ts';
import { bindStandGroupKeys } from './standGroupKeys.ts';
import { openOrEnlarge, trackPointerKind } from './touchTargets.ts';

function labelNames(level: Level) {
  const { exhibitors, lang, floors } = useStore.getState();
  const floorTitle = (id: string) => floors.find((f) => f.id === id)?.title[lang] ?? id;
  return {
    standNames: level.stands.map((s) => exhibitors[s.exhibitor]?.name ?? s.id),
    markerNames: [
      ...level.landmarks.map((l) => l.title[lang]),
      ...level.portals.map(
        (p) =>
          p.title?.[lang] ??
          translate(lang, 'portal.to', {
            kind: translate(lang, p.kind === 'lift' ? 'portal.lift' : p.kind === 'stairs' ? 'portal.stairs' : 'portal.escalator'),
            floor: floorTitle(p.to.floor),
          }),
      ),
    ],
  };
}

function createEngine(): HallEngine {
  return new HallEngine({
    openStand: (id) => openOrEnlarge(id, openStand),
    usePortal,
    escape,
    hover: (id) => {
      if (useStore.getState().hoveredStandId !== id) useStore.getState().setHovered(id);
    },
    focus: setFocusedStand,
    labels: labelNames,
    logoUrl: (exhibitorId) => {
      const e = useStore.getState().exhibitors[exhibitorId];
      return e ? assetUrl(e.logo) : null;
    },
    copyStand: (standId) => void copyStand(standId),
    boothMedia: (exhibitorId) =>
      loadStandContent(exhibitorId).then((c) => ({
        poster: c.video?.poster ? mediaUrl(c.video.poster) : null,
        banner: c.gallery[0] ? mediaUrl(c.gallery[0].image) : null,
      })),
    // Slow frames while moving switch light mode on (unless the visitor chose).
    frameGaps: reportFrameGaps,
    // No accounts yet: the dev flag unlocks the layout tools (later: the organiser role).
    ...(useStore.getState().layoutTools ? { toggleLayout: toggleLayoutOverlay } : {}),
  });
}

export default function HallCanvas() {
  const hostRef = useRef<HTMLDivElement>(null);
  const [engine] = useState(createEngine);
  const [attached, setAttached] = useState(false);
  const t = useT();
  const floorTitle = useStore((s) => {
    const f = s.floors.find((x) => x.id === s.floorId);
    return f ? f.title[s.lang] : '';
  });

  // Before the engine attaches its keys, so the stand group's keys come first.
  useEffect(() => {
    const el = hostRef.current;
    if (!el) return;
    const unbindKeys = bindStandGroupKeys(el);
    const untrack = trackPointerKind(el);
    return () => {
      unbindKeys();
      untrack();
    };
  }, []);

  useEffect(
    () => () => {
      setHall(null);
      useStore.getState().setHallReady(false);
      engine.detach();
    },
    [engine],
  );

  // Floor and content → scene; focus requests → camera; marks → overlay.
  useEffect(() => {
    if (!attached) return;
    const live = new PresenceConnection(engine);
    setPresence(live);
    let shownLevel: Level | null = null;
    let handledFocus = 0;
    const sync = () => {
      const s = useStore.getState();
      if (!s.floorId) return;
      const level = s.levels[s.floorId];
      if (!level) {
        loadLevel(s.floorId).catch(() => s.setStatus('error'));
        return;
      }
      if (level !== shownLevel) {
        const first = shownLevel === null;
        const portal = takeArrival(level.id);
        engine.setLevel(level, s.exhibitors, { portalId: portal });
        // The same floor again is an organiser's live edit, not an arrival.
        if (!first && shownLevel?.id !== level.id) s.announce(translate(s.lang, 'hall.arrivedFloor', { floor: level.title[s.lang] }));
        shownLevel = level;
        // The server places the avatar: at the portal it came through, if any.
        live.enterFloor(level.id, { portal });
      }
      if (s.focusRequest && s.focusRequest.seq !== handledFocus) {
        handledFocus = s.focusRequest.seq;
        const { standId, mode } = s.focusRequest;
        if (level.stands.some((x) => x.id === standId)) engine.flyToStand(standId, { onlyIfHidden: mode === 'reveal' });
        else s.announce(translate(s.lang, 'hall.standNotFound', { id: standId }));
      }
      engine.setMarks({ hovered: s.hoveredStandId, focused: s.focusedStandId, highlighted: s.highlightedStandId });
    };
    sync();
    const unbindView = onHallView((v) => engine.setView(v));
    const unbindLayout = bindLayoutOverlay(engine);
    const stopRouteDrawing = startRouteDrawing(engine);
    const unsubscribe = useStore.subscribe((s, prev) => {
      keepViewInUrl();
      if (s.lang !== prev.lang || s.exhibitors !== prev.exhibitors) {
        const level = s.floorId ? s.levels[s.floorId] : undefined;
        if (level) engine.setNames(labelNames(level));
      }
      if (
        s.floorId !== prev.floorId ||
        s.levels !== prev.levels ||
        s.focusRequest !== prev.focusRequest ||
        s.hoveredStandId !== prev.hoveredStandId ||
        s.focusedStandId !== prev.focusedStandId ||
        s.highlightedStandId !== prev.highlightedStandId
      )
        sync();
    });
    return () => {
      unsubscribe();
      unbindView();
      unbindLayout();
      stopRouteDrawing();
      setPresence(null);
      live.dispose();
    };
  }, [attached, engine]);

  // Light mode is decided before the first frame (it sets the resolution): first from what
  // this browser remembered, then from the renderer the new context reports (onInit).
  const [chosen] = useState(() => renderSettings(lightMode().light, window.devicePixelRatio));
  const stopLight = useRef<() => void>(() => {});
  useEffect(() => () => stopLight.current(), []);

  const onInit = (app: PixiApp) => {
    const host = hostRef.current;
    if (!host || engine.ready) return;
    performance.mark('expo:pixi-ready');
    const renderer = webglRenderer(app);
    const settings = renderSettings(decideForRenderer(renderer ?? '', renderer === null).light, window.devicePixelRatio);
    if (settings.resolution !== app.renderer.resolution) app.renderer.resize(app.screen.width, app.screen.height, settings.resolution);
    engine.attach(app, host);
    engine.setLight(settings);
    // Without a choice in the URL or remembered, 3D on a real GPU and the plan on software
    // rendering or in light mode.
    engine.setView(setDefaultHallView(settings.plainView || softwareRenderer(renderer ?? '') ? 'plan' : '3d'));
    const cancelProbe = whenIdle(probeCaveat, 5000);
    const unbindLight = onLightMode((d) => {
      const next = renderSettings(d.light, window.devicePixelRatio);
      app.renderer.resize(app.screen.width, app.screen.height, next.resolution);
      engine.setLight(next);
      if (next.plainView) setDefaultHallView('plan');
    });
    stopLight.current = () => {
      unbindLight();
      cancelProbe();
    };
    setHall(engine);
    setAttached(true);
    useStore.getState().setHallReady(true);
  };

  return (
    <>
    <div
      ref={hostRef}
      id="hall"
      className="hall"
      tabIndex={0}
      role="application"
      aria-roledescription={t('floors.label')}
      aria-label={t('hall.label', { floor: floorTitle })}
      data-ready={attached ? 'true' : 'false'}
    >
      <Application
        resizeTo={hostRef}
        onInit={onInit}
        background={0x1f2933}
        antialias={chosen.antialias}
        autoDensity
        resolution={chosen.resolution}
        // WebGL first (Pixi's canvas renderer where there is none); WebGPU is never tried.
        preference="webgl"
        // None of Pixi's DOM-event, accessibility or filter extensions (input is engine/input.ts,
        // nothing is filtered or masked): one chunk and one round trip fewer before the first frame.
        skipExtensionImports
      />
    </div>
    <ViewSwitch />
    <CategoryLegend />
    <LightNotice />
    </>
  );
}

/** The WebGL renderer's name (e.g. "ANGLE (Google, SwiftShader ...)"); null on Pixi's canvas renderer. */
function webglRenderer(app: PixiApp): string | null {
  const gl = (app.renderer as { gl?: WebGLRenderingContext }).gl;
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}
