// Organisers' intents in the hall: show the layout overlay, copy a stand as its file line.
// Unlocked by the dev flag for now (see organiserSlice.ts); an organiser role comes later.
import { standSnippet } from '../../../shared/level/snippet.ts';
import { loadLevelProblems } from '../net/api.ts';
import { useStore } from '../store/index.ts';

export function setLayoutOverlay(on: boolean): void {
  const store = useStore.getState();
  if (!store.layoutTools) return;
  store.setLayoutOverlay(on);
  // The room tells us about later changes; this is the list as it stands now.
  if (on) loadLevelProblems().catch((err: unknown) => console.warn('[layout] problems not loaded', err));
}

export function toggleLayoutOverlay(): void {
  setLayoutOverlay(!useStore.getState().layoutOverlay);
}

/** Copies a stand of the floor shown as one line of its floor file. */
export async function copyStand(standId: string): Promise<void> {
  const s = useStore.getState();
  const stand = s.floorId ? s.levels[s.floorId]?.stands.find((x) => x.id === standId) : undefined;
  if (!stand) return;
  const text = standSnippet(stand);
  await writeClipboard(text);
  useStore.getState().setCopied({ standId, text });
}

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // No permission or no secure context (plain http on a LAN address): the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const active = document.activeElement as HTMLElement | null;
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand('copy');
  } finally {
    area.remove();
    active?.focus({ preventScroll: true });
  }
}
