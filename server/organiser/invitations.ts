// Invitations (issue 17): an organiser, or an exhibitor's staff admin for their own stands,
// invites someone by e-mail; the link (a random 32-byte token, only its sha256 is stored) sets a
// password once, before it expires. Accepting creates the account, or re-opens a deactivated
// one with the same e-mail. Resend makes a new link (the old one dies); revoke ends it.
import { randomBytes, randomUUID } from 'node:crypto';
import { type Me, normaliseEmail } from '../../shared/accounts.ts';
import { INVITE_PATH, INVITE_TTL_MS, type InviteBody, type InvitationView } from '../../shared/organiser.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashToken } from '../auth/sessions.ts';
import type { Invitation } from '../storage/organiserStore.ts';
import type { Storage } from '../storage/storage.ts';
import { audit } from './audit.ts';
import type { FairCounters } from './fairCounters.ts';
import type { InviteMailResult, InviteMailer } from './inviteMail.ts';

/** A refusal the caller shows as it is (status + message); nothing was changed. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function invitationView(i: Invitation, now = Date.now()): InvitationView {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    role: i.role,
    exhibitors: i.exhibitors,
    staffAdmin: i.staffAdmin,
    status: i.status,
    expired: i.status === 'pending' && Date.parse(i.expiresAt) <= now,
    createdAt: i.createdAt,
    createdBy: i.createdBy,
    expiresAt: i.expiresAt,
  };
}

export interface InvitationDeps {
  storage: Storage;
  mail: InviteMailer;
  counters: FairCounters;
  /** Origin for the link ("https://expo.example.org"). */
  baseUrl: () => string;
  now?: () => number;
}

/** What the inviter may grant: organisers anything; a staff admin exhibitor staff of their own stands. */
export async function mayInvite(storage: Storage, me: Me, body: Pick<InviteBody, 'role' | 'exhibitors' | 'staffAdmin'>): Promise<string | null> {
  if (me.role === 'organiser') return null;
  const status = await storage.accountStatus(me.id);
  if (me.role !== 'exhibitor' || !status.staffAdmin) return 'only organisers and exhibitors\u2019 staff admins may invite';
  if (body.role !== 'exhibitor') return 'a staff admin may invite exhibitor staff only';
  if (body.exhibitors.length === 0 || body.exhibitors.some((e) => !me.exhibitors.includes(e))) return 'a staff admin may invite only to their own stands';
  return null;
}

export class Invitations {
  private readonly now: () => number;
  constructor(private readonly deps: InvitationDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  private link(token: string): string {
    // The token travels in the fragment: it never reaches a server log or a Referer header.
    return `${this.deps.baseUrl()}${INVITE_PATH}#token=${token}`;
  }

  private async mail(i: Invitation, token: string, by: Me): Promise<InviteMailResult> {
    const r = await this.deps.mail.send({ to: { name: i.name, address: i.email }, link: this.link(token), expiresAt: i.expiresAt, invitedBy: by.name });
    if (r.status === 'failed') this.deps.counters.mailFailed();
    return r;
  }

  async create(me: Me, body: InviteBody): Promise<{ invitation: InvitationView; mail: InviteMailResult }> {
    const why = await mayInvite(this.deps.storage, me, body);
    if (why) throw new Refused(403, why);
    const email = normaliseEmail(body.email);
    const existing = await this.deps.storage.findAccountByEmail(email);
    if (existing && (await this.deps.storage.accountStatus(existing.id)).deactivatedAt === null) {
      throw new Refused(409, `an active account with e-mail ${email} exists`);
    }
    if (body.role !== 'exhibitor' && body.staffAdmin) throw new Refused(400, 'only exhibitor staff can be staff admins');
    const exhibitors = body.role === 'exhibitor' ? [...new Set(body.exhibitors)] : [];
    for (const id of exhibitors) if (!(await this.deps.storage.getExhibitor(id))) throw new Refused(400, `no exhibitor ${id}`);
    if (body.role === 'exhibitor' && exhibitors.length === 0) throw new Refused(400, 'exhibitor staff need at least one exhibitor');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const inv: Invitation = {
      id: randomUUID(),
      email,
      name: body.name,
      role: body.role,
      exhibitors,
      staffAdmin: body.staffAdmin,
      tokenHash: hashToken(token),
      status: 'pending',
      createdAt: new Date(now).toISOString(),
      createdBy: me.id,
      expiresAt: new Date(now + INVITE_TTL_MS).toISOString(),
    };
    await this.deps.storage.createInvitation(inv);
    await audit(this.deps.storage, me, 'invite.create', email, `${inv.role}${exhibitors.length ? ` of ${exhibitors.join(', ')}` : ''}${inv.staffAdmin ? ', staff admin' : ''}`);
    return { invitation: invitationView(inv, now), mail: await this.mail(inv, token, me) };
  }

  /** Organisers: every invitation; staff admins: those to their stands. */
  async list(me: Me): Promise<InvitationView[]> {
    const all = await this.deps.storage.listInvitations();
    const mine = me.role === 'organiser' ? all : all.filter((i) => i.exhibitors.some((e) => me.exhibitors.includes(e)));
    return mine.map((i) => invitationView(i, this.now()));
  }

  private async own(me: Me, id: string): Promise<Invitation> {
    const inv = await this.deps.storage.getInvitation(id);
    if (!inv) throw new Refused(404, 'no such invitation');
    if (me.role !== 'organiser' && (await mayInvite(this.deps.storage, me, inv))) throw new Refused(403, 'this invitation is not for your stands');
    return inv;
  }

  async resend(me: Me, id: string): Promise<{ invitation: InvitationView; mail: InviteMailResult }> {
    await this.own(me, id);
    const token = randomBytes(32).toString('base64url');
    const renewed = await this.deps.storage.renewInvitation(id, hashToken(token), new Date(this.now() + INVITE_TTL_MS).toISOString());
    if (!renewed) throw new Refused(409, 'only a pending invitation can be sent again');
    await audit(this.deps.storage, me, 'invite.resend', renewed.email);
    return { invitation: invitationView(renewed, this.now()), mail: await this.mail(renewed, token, me) };
  }

  async revoke(me: Me, id: string): Promise<InvitationView> {
    await this.own(me, id);
    const revoked = await this.deps.storage.revokeInvitation(id);
    if (!revoked) throw new Refused(409, 'only a pending invitation can be revoked');
    await audit(this.deps.storage, me, 'invite.revoke', revoked.email);
    return invitationView(revoked, this.now());
  }

  /** Sets the password: creates the account (or re-opens a deactivated one). */
  async accept(token: string, password: string): Promise<{ email: string }> {
    const storage = this.deps.storage;
    const tokenHash = hashToken(token);
    // Hash first (slow): the claim below is then one quick atomic step.
    const passwordHash = await hashPassword(password);
    const pending = (await storage.listInvitations()).find((i) => i.tokenHash === tokenHash);
    const existing = pending && (await storage.findAccountByEmail(pending.email));
    const accountId = existing?.id ?? randomUUID();
    const inv = await storage.claimInvitation(tokenHash, new Date(this.now()).toISOString(), accountId);
    if (!inv) throw new Refused(410, 'this invitation link was used, revoked or has expired; ask for a new one');
    if (existing) {
      await storage.updateAccount(existing.id, { role: inv.role, exhibitors: inv.exhibitors, name: inv.name, passwordHash });
    } else {
      await storage.createAccount({ id: accountId, email: inv.email, name: inv.name, role: inv.role, exhibitors: inv.exhibitors, passwordHash });
    }
    await storage.setAccountStatus(accountId, { staffAdmin: inv.staffAdmin, deactivatedAt: null });
    await audit(storage, { id: accountId, email: inv.email }, 'invite.accept', inv.email, existing ? 'account re-opened' : 'account created');
    return { email: inv.email };
  }
}
