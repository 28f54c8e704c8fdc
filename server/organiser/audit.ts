// The audit log: who changed what in accounts, invitations, stands and announcements. Written
// after the change it records has been stored; a failed audit write fails the request (the
// organiser sees it), so nothing the console does goes unrecorded silently.
import { randomUUID } from 'node:crypto';
import type { Me } from '../../shared/accounts.ts';
import type { OrganiserStore } from '../storage/organiserStore.ts';

export type Actor = Pick<Me, 'id' | 'email'>;

export function audit(store: Pick<OrganiserStore, 'appendAudit'>, actor: Actor, action: string, target: string, detail = ''): Promise<void> {
  return store.appendAudit({ id: randomUUID(), at: new Date().toISOString(), actorId: actor.id, actorEmail: actor.email, action, target, detail: detail.slice(0, 500) });
}
