// What the browser remembers about the visitor at stands: the business card they filled once
// to get materials by e-mail. Who the visitor is (unique visitors, chat identity) is the
// server's signed httpOnly cookie, which scripts never see; the page keeps no id of its own.
import type { StateCreator } from 'zustand';
import { BusinessCard } from '../../../shared/leads.ts';
import type { AppState } from './index.ts';

const CARD_KEY = 'expo.businessCard';
/** Where older pages kept a self-made visitor id: removed, nothing reads it any more. */
const OLD_ID_KEY = 'expo.visitorId';

function forgetOldVisitorId(): void {
  try {
    localStorage.removeItem(OLD_ID_KEY);
  } catch {
    // Storage unavailable: nothing was kept either.
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
  /** The visitor's business card, remembered in this browser; null until filled. */
  card: BusinessCard | null;
  saveCard(card: BusinessCard): void;
  /** Removes the card from this browser (a shared computer, a change of mind). */
  forgetCard(): void;
}

export const createVisitorSlice: StateCreator<AppState, [], [], VisitorSlice> = (set) => {
  forgetOldVisitorId();
  return {
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
  };
};
