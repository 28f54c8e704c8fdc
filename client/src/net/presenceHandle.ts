// What the UI may ask of the live connection, without importing the Colyseus client: that
// stays in the lazily loaded hall chunk, so the page shell loads fast on slow links.
import type { WhoEntry } from '../../../shared/protocol.ts';

export interface PresenceHandle {
  setProfile(name: string, colour: number): void;
  who(q: string): Promise<WhoEntry[]>;
}

let current: PresenceHandle | null = null;

export function setPresence(p: PresenceHandle | null): void {
  current = p;
}

export function presence(): PresenceHandle | null {
  return current;
}
