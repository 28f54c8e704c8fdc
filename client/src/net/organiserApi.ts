// Every HTTP call of the organisers' console (client/src/ui/organiser). Answers are parsed by
// the shared schemas (shared/organiser.ts) before the console trusts them; failures throw the
// client's one HttpError (status, the server's message and details).
import { z } from 'zod';
import { API, apiPath } from '../../../shared/api.ts';
import {
  type AccessBody,
  AccountView,
  Announcement,
  type AnnouncementBody,
  AuditEntry,
  ExhibitorOverview,
  FairOverview,
  type InviteBody,
  InvitationView,
  type NewExhibitorBody,
} from '../../../shared/organiser.ts';
import { send } from './http.ts';

async function json<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  return schema.parse(await res.json());
}

const MailResult = z.object({ status: z.enum(['sent', 'outbox', 'failed']), error: z.string().optional() });
const Invited = z.object({ invitation: InvitationView, mail: MailResult });
export type Invited = z.infer<typeof Invited>;

export const fetchOverview = (minutes: number) => json('GET', `${API.organiserOverview}?minutes=${minutes}`, FairOverview);
export const fetchExhibitors = () => json('GET', API.organiserExhibitors, ExhibitorOverview);
export const createExhibitor = (body: NewExhibitorBody) => json('POST', API.organiserExhibitors, z.object({ id: z.string() }), body);
export const moveStand = (floorId: string, standId: string, exhibitorId: string) =>
  json('PUT', apiPath(API.organiserStand, { floorId, standId }), z.object({ previous: z.string() }), { exhibitorId });
export const fetchAccounts = async () => (await json('GET', API.organiserAccounts, z.object({ accounts: z.array(AccountView) }))).accounts;
export const changeAccess = (accountId: string, body: AccessBody) => json('PATCH', apiPath(API.organiserAccount, { accountId }), AccountView, body);
export const deactivateAccount = async (accountId: string) => {
  await send('POST', apiPath(API.organiserDeactivate, { accountId }));
};
export const fetchInvitations = async () => (await json('GET', API.organiserInvitations, z.object({ invitations: z.array(InvitationView) }))).invitations;
export const invite = (body: InviteBody) => json('POST', API.organiserInvitations, Invited, body);
export const resendInvitation = (invitationId: string) => json('POST', apiPath(API.organiserResend, { invitationId }), Invited);
export const revokeInvitation = (invitationId: string) => json('POST', apiPath(API.organiserRevoke, { invitationId }), InvitationView);
const BulkResults = z.object({ results: z.array(z.object({ line: z.number(), email: z.string(), ok: z.boolean(), message: z.string() })) });
export const inviteCsv = async (csv: string) => (await json('POST', API.organiserInvitationsCsv, BulkResults, { csv })).results;
export const fetchAudit = async () => (await json('GET', API.organiserAudit, z.object({ entries: z.array(AuditEntry) }))).entries;
export const fetchAnnouncements = async () => (await json('GET', API.organiserAnnouncements, z.object({ announcements: z.array(Announcement) }))).announcements;
export const announce = (body: AnnouncementBody) => json('POST', API.organiserAnnouncements, Announcement, body);
export const acceptInvitation = (token: string, password: string) => json('POST', API.acceptInvitation, z.object({ email: z.string() }), { token, password });
