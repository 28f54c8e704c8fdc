// Intents of the list view and the keyboard paths around it: switch between plan and list,
// open a search result (fly there and open it, announced), move the hall's stand focus with
// arrow keys like a grid.
import { type GridKey, gridStep } from '../../../shared/level/standGroups.ts';
import { hall } from '../engine/hallApi.ts';
import type { HallMode } from '../store/listSlice.ts';
import { currentT, useStore } from '../store/index.ts';
import { setFocusedStand } from './hallActions.ts';
import { navigate } from './navigation.ts';

/** Id of the list view's heading: the skip link and the mode switch move focus there. */
export const LIST_HEADING_ID = 'stand-list-title';

/** Switches plan/list; `focus` moves the keyboard to the list's heading (or the hall). */
export function setHallMode(mode: HallMode, opts: { focus?: boolean } = {}): void {
  useStore.getState().setHallMode(mode);
  if (!opts.focus) return;
  if (mode === 'plan') {
    hall()?.focusCanvas();
    return;
  }
  const heading = document.getElementById(LIST_HEADING_ID);
  // Not shown yet: the list view takes the focus when it mounts (takeListFocus).
  if (heading) heading.focus();
  else listFocusPending = true;
}

let listFocusPending = false;

/** True once after setHallMode('list', { focus: true }) asked for focus before the list existed. */
export function takeListFocus(): boolean {
  const pending = listFocusPending;
  listFocusPending = false;
  return pending;
}

/** A search pick: show the stand's floor, fly to it and open its page; screen readers hear it. */
export function openFromSearch(floorId: string, standId: string): void {
  navigate({ kind: 'stand', floorId, standId });
  const s = useStore.getState();
  s.requestFocus(standId, 'centre');
  s.setHighlighted(standId);
  const stand = s.levels[floorId]?.stands.find((x) => x.id === standId);
  const entry = s.directory.find((d) => d.floor === floorId && d.stand === standId);
  const name = s.exhibitors[stand?.exhibitor ?? entry?.exhibitor ?? '']?.name ?? standId;
  const floor = s.floors.find((f) => f.id === floorId)?.title[s.lang] ?? floorId;
  s.announce(currentT()('list.openedFromSearch', { name, floor }));
}

/** Arrow keys in the hall's stand group: the next stand like a grid, focused and brought into view. */
export function stepHallFocus(key: GridKey): void {
  const s = useStore.getState();
  const level = s.floorId ? s.levels[s.floorId] : undefined;
  if (!level) return;
  const from = s.focusedStandId ? level.stands.findIndex((x) => x.id === s.focusedStandId) : -1;
  const next = level.stands[gridStep(level.stands, from, key)];
  if (!next || next.id === s.focusedStandId) return;
  setFocusedStand(next.id);
  hall()?.flyToStand(next.id, { onlyIfHidden: true });
}
