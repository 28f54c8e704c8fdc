// Per-event moderators: organisers assign accounts (moderators or any staff) to a programme
// event; the Q&A room and the broadcast API ask `may` before letting anyone moderate or
// broadcast it (the rule is shared/eventModerators.ts). Assignments are audit logged.
import type { Me } from '../../shared/accounts.ts';
import { type EventModeratorsView, type StaffRef, mayModerateEvent } from '../../shared/eventModerators.ts';
import type { Account } from '../storage/records.ts';
import type { Storage } from '../storage/storage.ts';
import { type Actor, audit } from './audit.ts';

export class ModeratorsRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Organisers, the event's assigned moderators, or a moderator assigned nowhere while the event has none. */
export async function moderatesEvent(
  store: Pick<Storage, 'eventModerators' | 'eventsModeratedBy'>,
  account: Pick<Account, 'id' | 'role'>,
  eventId: string,
): Promise<boolean> {
  if (account.role === 'organiser') return true;
  const [assigned, own] = await Promise.all([store.eventModerators(eventId), store.eventsModeratedBy(account.id)]);
  return mayModerateEvent(account, { assigned, ownEvents: own.length });
}

type Store = Pick<Storage, 'eventModerators' | 'eventsModeratedBy' | 'setEventModerators' | 'getAccount' | 'listAccounts' | 'accountStatuses' | 'appendAudit'>;

const refOf = (a: Account): StaffRef => ({ id: a.id, name: a.name, email: a.email, role: a.role });

export class EventModerators {
  constructor(private readonly store: Store) {}

  /** May this account moderate (and broadcast) this event? */
  may(account: Pick<Account, 'id' | 'role'>, eventId: string): Promise<boolean> {
    return moderatesEvent(this.store, account, eventId);
  }

  async view(me: Pick<Me, 'role'>, eventId: string): Promise<EventModeratorsView> {
    const ids = await this.store.eventModerators(eventId);
    const canAssign = me.role === 'organiser';
    const accounts = canAssign ? await this.activeAccounts() : [];
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const assigned: StaffRef[] = [];
    for (const id of ids) {
      const a = byId.get(id) ?? (await this.store.getAccount(id));
      if (a) assigned.push(refOf(a));
    }
    // Organisers moderate every event already; they are not offered.
    const candidates = accounts.filter((a) => a.role !== 'organiser').map(refOf);
    return { eventId, assigned, candidates, canAssign };
  }

  /** Replaces the event's moderators: every id an existing, active account that is not an organiser. */
  async assign(actor: Actor & Pick<Me, 'role'>, eventId: string, accountIds: readonly string[]): Promise<EventModeratorsView> {
    if (actor.role !== 'organiser') throw new ModeratorsRefused(403, 'only organisers assign moderators');
    const ids = [...new Set(accountIds)];
    const active = new Map((await this.activeAccounts()).map((a) => [a.id, a]));
    const unknown = ids.filter((id) => !active.has(id));
    if (unknown.length > 0) throw new ModeratorsRefused(400, `no active account ${unknown.map((id) => `"${id}"`).join(', ')}`);
    const organisers = ids.filter((id) => active.get(id)?.role === 'organiser');
    if (organisers.length > 0) throw new ModeratorsRefused(400, 'organisers moderate every event already; assign moderators or exhibitor staff');
    const before = await this.store.eventModerators(eventId);
    await this.store.setEventModerators(eventId, ids);
    const emails = ids.map((id) => active.get(id)!.email);
    await audit(this.store, actor, 'event.moderators', eventId, `${before.length} → ${ids.length}: ${emails.join(', ') || '(none: every moderator)'}`);
    return this.view(actor, eventId);
  }

  private async activeAccounts(): Promise<Account[]> {
    const [accounts, statuses] = await Promise.all([this.store.listAccounts(), this.store.accountStatuses()]);
    return accounts.filter((a) => !(Object.hasOwn(statuses, a.id) && statuses[a.id]!.deactivatedAt));
  }
}
