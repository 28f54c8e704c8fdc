// A small typed in-process event bus: what one part of the server announces (a new lead, a
// lead's status or mail state changed) reaches every listener in this process, such as the
// cabinet's event streams. When the fair runs on several processes, this is the one place
// that turns into Redis pub/sub (publish → PUBLISH, on → SUBSCRIBE); callers stay the same.
import type { LeadEvent } from '../../shared/api.ts';

export interface BusTopics {
  lead: LeadEvent;
  /** A visitor's "my programme" changed (stars, reminders, a transfer): every process's reminders follow it. */
  myProgramme: { visitorId: string };
  /**
   * An account's sessions ended (logout, password change, deactivation), or an organiser
   * changed its role or stands ('access': the sessions stay, but rights held by open staff
   * connections were granted under the old role): its staff tickets are void and its open
   * staff connections close; a new ticket is judged by the new role.
   */
  accountRevoked: {
    accountId: string;
    reason: 'logout' | 'password' | 'deactivated' | 'access';
    /** Logout: only this session (sha256 of its token) ended; other browsers stay in. */
    session?: string;
    /** Password change: every session but this one (the browser that changed it) ended. */
    except?: string;
  };
}

export type Listener<T> = (payload: T) => void;

export class EventBus<Topics extends object = BusTopics> {
  private readonly listeners = new Map<keyof Topics, Set<Listener<never>>>();

  /** Subscribes; the returned function unsubscribes. */
  on<K extends keyof Topics>(topic: K, listener: Listener<Topics[K]>): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  /** Delivers synchronously; a throwing listener is logged and does not stop the others. */
  publish<K extends keyof Topics>(topic: K, payload: Topics[K]): void {
    for (const l of [...(this.listeners.get(topic) ?? [])]) {
      try {
        (l as Listener<Topics[K]>)(payload);
      } catch (e) {
        console.error(`[bus] a "${String(topic)}" listener failed:`, e);
      }
    }
  }

  listenerCount<K extends keyof Topics>(topic: K): number {
    return this.listeners.get(topic)?.size ?? 0;
  }
}
