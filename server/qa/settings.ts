// What Q&A rooms need from the rest of the server, handed over once at start (Colyseus builds
// rooms itself, as chat/settings.ts explains): the store, which events exist, who a visitor
// cookie belongs to, the staff ticket signer shared with the stand chat (one ticket endpoint),
// the bus (accountRevoked closes moderator connections) and the per-address budgets.
import type { EventBus } from '../events/bus.ts';
import type { PostRate } from '../chat/postLimit.ts';
import type { TicketSigner } from '../chat/tickets.ts';
import type { Storage } from '../storage/storage.ts';

export interface QaSettings {
  storage: Storage;
  /** Whether the programme has an event with this id (and its title, for logs). */
  eventExists(eventId: string): boolean;
  visitorOf(cookieHeader: string | null): string | null;
  tickets: TicketSigner;
  bus: EventBus;
  /** Visitor comments and questions per client address and event (a school shares one address). */
  addressPosts: PostRate;
}

let current: QaSettings | null = null;

export function configureQa(settings: QaSettings): void {
  current = settings;
}

export function qaSettings(): QaSettings {
  if (!current) throw new Error('configureQa() was not called');
  return current;
}
