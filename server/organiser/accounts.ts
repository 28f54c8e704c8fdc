// Accounts as organisers manage them: the list with status, role and stand changes, and
// deactivation. Deactivating ends every session at once (stored sessions deleted, and
// `accountRevoked` on the bus closes live staff connections and voids chat tickets) and makes
// the password unusable; only a new invitation re-opens the account. A change of role or stands
// closes the account's open staff connections too (same bus topic, reason 'access'): a chat or
// Q&A moderator connection opened under the old role must not keep its rights; the browser
// rejoins with a new ticket, judged by the new role. Every change is audited.
import type { Me } from '../../shared/accounts.ts';
import type { AccessBody, AccountView } from '../../shared/organiser.ts';
import type { EventBus } from '../events/bus.ts';
import { ACTIVE } from '../storage/organiserStore.ts';
import type { Storage } from '../storage/storage.ts';
import { audit } from './audit.ts';
import { Refused } from './invitations.ts';

/** Not a scrypt hash: verifyPassword refuses it, so no password opens a deactivated account. */
const NO_PASSWORD = 'deactivated';

export async function accountViews(storage: Storage): Promise<AccountView[]> {
  const [accounts, statuses] = await Promise.all([storage.listAccounts(), storage.accountStatuses()]);
  return accounts.map((a) => {
    const s = Object.hasOwn(statuses, a.id) ? statuses[a.id]! : ACTIVE;
    return { id: a.id, email: a.email, name: a.name, role: a.role, exhibitors: a.exhibitors, staffAdmin: s.staffAdmin, deactivatedAt: s.deactivatedAt };
  });
}

export async function changeAccess(storage: Storage, bus: EventBus, me: Me, id: string, body: AccessBody): Promise<AccountView> {
  const before = await storage.getAccount(id);
  if (!before) throw new Refused(404, 'no such account');
  if (id === me.id && body.role !== undefined && body.role !== 'organiser') throw new Refused(400, 'you cannot take the organiser role from yourself');
  for (const e of body.exhibitors ?? []) if (!(await storage.getExhibitor(e))) throw new Refused(400, `no exhibitor ${e}`);
  const status = await storage.accountStatus(id);
  const role = body.role ?? before.role;
  const staffAdmin = role === 'exhibitor' ? (body.staffAdmin ?? status.staffAdmin) : false;
  const after = await storage.updateAccount(id, { role, exhibitors: body.exhibitors ?? before.exhibitors });
  if (!after) throw new Refused(404, 'no such account');
  if (staffAdmin !== status.staffAdmin) await storage.setAccountStatus(id, { ...status, staffAdmin });
  const changes = [
    before.role !== after.role ? `role ${before.role} → ${after.role}` : '',
    before.exhibitors.join(',') !== after.exhibitors.join(',') ? `stands [${before.exhibitors.join(', ')}] → [${after.exhibitors.join(', ')}]` : '',
    staffAdmin !== status.staffAdmin ? `staff admin ${String(status.staffAdmin)} → ${String(staffAdmin)}` : '',
  ].filter(Boolean);
  if (before.role !== after.role || before.exhibitors.join(',') !== after.exhibitors.join(',')) bus.publish('accountRevoked', { accountId: id, reason: 'access' });
  if (changes.length > 0) await audit(storage, me, 'account.access', after.email, changes.join('; '));
  return { id, email: after.email, name: after.name, role: after.role, exhibitors: after.exhibitors, staffAdmin, deactivatedAt: status.deactivatedAt };
}

export async function deactivate(storage: Storage, bus: EventBus, me: Me, id: string): Promise<void> {
  const account = await storage.getAccount(id);
  if (!account) throw new Refused(404, 'no such account');
  if (id === me.id) throw new Refused(400, 'you cannot deactivate your own account');
  const status = await storage.accountStatus(id);
  if (status.deactivatedAt !== null) throw new Refused(409, 'this account is already deactivated');
  await storage.updateAccount(id, { passwordHash: NO_PASSWORD });
  await storage.setAccountStatus(id, { ...status, deactivatedAt: new Date().toISOString() });
  await storage.deleteSessionsOf(id);
  bus.publish('accountRevoked', { accountId: id, reason: 'deactivated' });
  await audit(storage, me, 'account.deactivate', account.email);
}
