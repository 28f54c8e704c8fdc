// Named visitor intents. Mouse, keyboard, buttons and tests all go through these, so each
// behaviour is defined once (open a stand, switch floor, fly to a search result, ...).
import { CATEGORY_TITLES, type CategoryId } from '../../../shared/categories.ts';
import { readingOrder } from '../../../shared/level/model.ts';
import type { Portal } from '../../../shared/level/schema.ts';
import { hall } from '../engine/hallApi.ts';
import { currentT, useStore } from '../store/index.ts';
import { watchArrival } from './arrivalWatch.ts';
import { navigate } from './navigation.ts';

let pendingArrival: { floorId: string; portalId: string } | null = null;

/** The portal the avatar should appear at on the floor being entered, consumed once. */
export function takeArrival(floorId: string): string | undefined {
  if (pendingArrival?.floorId !== floorId) return undefined;
  const id = pendingArrival.portalId;
  pendingArrival = null;
  return id;
}

export function openStand(standId: string): void {
  const floorId = useStore.getState().floorId;
  if (floorId) navigate({ kind: 'stand', floorId, standId });
}

export function closeStand(): void {
  const { floorId, openStandId } = useStore.getState();
  if (!floorId || !openStandId) return;
  navigate({ kind: 'floor', floorId });
  // Keep the keyboard where it was: on the stand just closed.
  useStore.getState().setFocused(openStandId);
  hall()?.focusCanvas();
}

export function goToFloor(floorId: string): void {
  navigate({ kind: 'floor', floorId });
}

/** Search pick: switch floor if needed, fly to the stand and highlight it. */
export function showStand(floorId: string, standId: string): void {
  navigate({ kind: 'floor', floorId, focus: standId });
}

export function usePortal(portal: Portal): void {
  pendingArrival = { floorId: portal.to.floor, portalId: portal.to.portal };
  navigate({ kind: 'floor', floorId: portal.to.floor });
}

export function escape(): void {
  const s = useStore.getState();
  if (s.openStandId) closeStand();
  else if (s.highlightedStandId) s.setHighlighted(null);
  else s.setFocused(null);
}

export function setFocusedStand(standId: string | null): void {
  const s = useStore.getState();
  s.setFocused(standId);
  const level = standId && s.floorId ? s.levels[s.floorId] : undefined;
  const at = level ? level.stands.findIndex((x) => x.id === standId) : -1;
  if (!level || at < 0) return;
  const stand = level.stands[at]!;
  const ex = s.exhibitors[stand.exhibitor];
  const index = readingOrder(level.stands).indexOf(at) + 1;
  s.announce(
    currentT()('hall.focused', {
      index,
      total: level.stands.length,
      name: ex?.name ?? stand.id,
      category: ex ? categoryTitle(ex.category) : '',
    }),
  );
}

export function walkToStand(standId: string): void {
  const s = useStore.getState();
  const stand = s.floorId ? s.levels[s.floorId]?.stands.find((x) => x.id === standId) : undefined;
  if (!stand) return;
  closeStand();
  hall()?.walkToStand(standId);
  const ex = s.exhibitors[stand.exhibitor];
  s.announce(currentT()('hall.walkingTo', { name: ex?.name ?? standId }));
  if (s.floorId) watchArrival(s.floorId, standId, ex?.name ?? standId);
}

export function categoryTitle(id: CategoryId): string {
  return CATEGORY_TITLES[id][useStore.getState().lang];
}
