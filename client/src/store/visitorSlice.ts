// What the browser remembers about the visitor at stands: an anonymous id that counts unique
// visitors (nothing else), and the business card they filled once to get materials by e-mail.
import type { StateCreator } from 'zustand';
import { VisitorId } from '../../../shared/analytics.ts';
import { BusinessCard } from '../../../shared/leads.ts';
import type { AppState } from './index.ts';

const ID_KEY = 'expo.visitorId';
const CARD_KEY = 'expo.businessCard';

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function storedVisitorId(): string {
  try {
    const known = VisitorId.safeParse(localStorage.getItem(ID_KEY));
    if (known.success) return known.data;
    const id = randomId();
    localStorage.setItem(ID_KEY, id);
    return id;
  } catch {
    // Private mode: an id for this page only.
    return randomId();
  }
}

/** The saved card, if it still parses (an old or hand-edited value is dropped, not trusted). */
function storedCard(): BusinessCard | null {
  try {
    const raw = localStorage.getItem(CARD_KEY);
    if (!raw) return null;
    const parsed = BusinessCard.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface VisitorSlice {
  visitorId: string;
  /** The visitor's business card, remembered in this browser; null until filled. */
  card: BusinessCard | null;
  saveCard(card: BusinessCard): void;
  /** Removes the card from this browser (a shared computer, a change of mind). */
  forgetCard(): void;
}

export const createVisitorSlice: StateCreator<AppState, [], [], VisitorSlice> = (set) => ({
  visitorId: storedVisitorId(),
  card: storedCard(),
  saveCard: (card) => {
    const valid = BusinessCard.parse(card);
    try {
      localStorage.setItem(CARD_KEY, JSON.stringify(valid));
    } catch {
      // Private mode: the card lasts for this page only.
    }
    set({ card: valid });
  },
  forgetCard: () => {
    try {
      localStorage.removeItem(CARD_KEY);
    } catch {
      // Nothing stored to remove.
    }
    set({ card: null });
  },
});
