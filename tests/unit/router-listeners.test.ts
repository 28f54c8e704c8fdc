// The address-bar router is one listener however often the catalogue load is retried: a
// failed load starts no router, a success starts the only one, and its dispose removes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A window that counts its popstate listeners. */
function fakeWindow() {
  const listeners = new Set<unknown>();
  return {
    listeners,
    addEventListener: (type: string, fn: unknown) => type === 'popstate' && listeners.add(fn),
    removeEventListener: (type: string, fn: unknown) => type === 'popstate' && listeners.delete(fn),
  };
}

let win: ReturnType<typeof fakeWindow>;
let catalogueUp = false;

beforeEach(() => {
  win = fakeWindow();
  vi.stubGlobal('window', win);
  vi.stubGlobal('location', { pathname: '/', search: '' });
  vi.stubGlobal('history', { pushState: () => {}, replaceState: () => {} });
  vi.stubGlobal('fetch', async () => {
    if (!catalogueUp) return new Response('down', { status: 503 });
    return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('router listeners', () => {
  it('a router started again replaces the first', async () => {
    const { startRouter } = await import('../../client/src/actions/navigation.ts');
    const stopFirst = startRouter();
    const stopSecond = startRouter();
    expect(win.listeners.size).toBe(1);
    stopFirst(); // already replaced: removes nothing more
    expect(win.listeners.size).toBe(1);
    stopSecond();
    expect(win.listeners.size).toBe(0);
  });

  it('retrying the catalogue load leaves one listener, and none after the dispose', async () => {
    const { openExhibition, stopRouter } = await import('../../client/src/actions/navigation.ts');
    const { useStore } = await import('../../client/src/store/index.ts');
    catalogueUp = false;
    for (let i = 0; i < 3; i++) await openExhibition();
    expect(useStore.getState().status).toBe('error');
    expect(win.listeners.size).toBe(0);
    catalogueUp = true;
    await openExhibition();
    await openExhibition();
    expect(useStore.getState().status).toBe('ready');
    expect(win.listeners.size).toBe(1);
    stopRouter();
    expect(win.listeners.size).toBe(0);
  });
});
