// Where the live player and the moderated Q&A drop into an event page. The stream-hall
// issue registers its components here; until then the page shows a clearly marked empty
// place, never a fake player.
import { type ComponentType, type ReactNode, createElement } from 'react';
import type { EventState } from '../../../shared/programme/state.ts';
import type { EventView } from '../../../shared/programme/views.ts';

export interface SlotProps {
  event: EventView;
  state: EventState;
}

const slots: { player: ComponentType<SlotProps> | null; qa: ComponentType<SlotProps> | null } = { player: null, qa: null };

/** Registers the component for a slot; returns the dispose that empties it again. */
export function registerSlot(name: keyof typeof slots, component: ComponentType<SlotProps>): () => void {
  slots[name] = component;
  return () => {
    if (slots[name] === component) slots[name] = null;
  };
}

export function slotComponent(name: keyof typeof slots): ComponentType<SlotProps> | null {
  return slots[name];
}

/** Renders what is registered for the slot, or the fallback (the marked empty place). */
export function Slot({ name, fallback, ...props }: SlotProps & { name: keyof typeof slots; fallback: ReactNode }) {
  const component = slots[name];
  return component ? createElement(component, props) : fallback;
}
