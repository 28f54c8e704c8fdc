// The organisers' console API (/api/organiser/*: organiser role only, 401 without a session,
// 403 for any other role, checked before the body is read, so a refused request changes
// nothing), the staff admins' team invitations (/api/team/*), accepting an invitation, and the
// announcements showing now (public). Paths come from shared/api.ts.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { API } from '../../shared/api.ts';
import { parseCsvTable } from '../../shared/csv.ts';
import { AcceptInviteBody, AccessBody, AnnouncementBody, InviteBody, MoveStandBody, NewExhibitorBody } from '../../shared/organiser.ts';
import { currentMe, requireAccount, sameOriginOnly } from '../auth/middleware.ts';
import type { EventBus } from '../events/bus.ts';
import { CSV_SEPARATOR, csvCell } from '../http/leadsCsv.ts';
import { parseOr400 } from '../http/validate.ts';
import type { LevelStore } from '../levels/levelStore.ts';
import type { Storage } from '../storage/storage.ts';
import { accountViews, changeAccess, deactivate } from './accounts.ts';
import type { Announcements } from './announcements.ts';
import { audit } from './audit.ts';
import { createExhibitor, exhibitorOverview } from './exhibitorsAdmin.ts';
import { type Invitations, Refused } from './invitations.ts';
import type { OverviewService } from './overview.ts';
import { moveStand } from './standAssignment.ts';

export interface OrganiserApiDeps {
  storage: Storage;
  bus: EventBus;
  levels: LevelStore;
  levelsDir: string;
  /** Whether the programme has this event (an event announcement must name one). */
  eventExists: (eventId: string) => boolean;
  invitations: Invitations;
  announcements: Announcements;
  overview: OverviewService;
}

function requireOrganiser(req: Request, res: Response, next: NextFunction): void {
  if (currentMe(res).role !== 'organiser') {
    res.status(403).json({ error: 'only organisers may use the console' });
    return;
  }
  next();
}

/** Runs a handler; a Refused becomes its status and message. */
function handle(fn: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      res.status(e.status).json({ error: e.message });
    }
  };
}

function param(req: Request, name: string): string {
  const v = req.params[name];
  return typeof v === 'string' ? v : '';
}

function csv(rows: string[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

const Minutes = z.coerce.number().int().min(1).max(24 * 60).default(10);
const CsvBody = z.strictObject({ csv: z.string().min(1).max(1_000_000) });

export function organiserApi(d: OrganiserApiDeps): Router {
  const r = Router();
  r.use(['/api/organiser', '/api/team', '/api/invitations'], sameOriginOnly);
  r.use('/api/organiser', requireAccount, requireOrganiser, (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  // --- The fair at a glance ---
  r.get(
    API.organiserOverview,
    handle(async (req, res) => {
      const minutes = Minutes.safeParse(req.query.minutes);
      res.json(await d.overview.overview(minutes.success ? minutes.data : 10));
    }),
  );
  r.get(
    API.organiserDaysCsv,
    handle(async (_req, res) => {
      const o = await d.overview.overview(10);
      const rows = [['Day (UTC)', 'Unique visitors', 'Peak concurrent', 'Stand visits', 'Leads'], ...o.days.map((x) => [x.day, String(x.uniqueVisitors), String(x.peakConcurrent), String(x.visits), String(x.leads)])];
      res.type('text/csv; charset=utf-8').attachment('fair-days.csv').send(csv(rows));
    }),
  );

  // --- Exhibitors and stands ---
  r.get(
    API.organiserExhibitors,
    handle(async (_req, res) => {
      res.json(await exhibitorOverview(d.storage, d.levels));
    }),
  );
  r.get(
    API.organiserExhibitorsCsv,
    handle(async (_req, res) => {
      const o = await exhibitorOverview(d.storage, d.levels);
      const parts = Object.keys(o.missing);
      const rows = [['id', 'name', 'category', 'stands', 'staff', ...parts], ...o.rows.map((x) => [x.id, x.name, x.category, x.stands.map((s) => `${s.floor}/${s.stand}`).join(' '), String(x.staff), ...parts.map((p) => (x.parts[p] ? 'yes' : 'no'))])];
      res.type('text/csv; charset=utf-8').attachment('exhibitors.csv').send(csv(rows));
    }),
  );
  r.post(
    API.organiserExhibitors,
    handle(async (req, res) => {
      const body = parseOr400(NewExhibitorBody, req.body, res);
      if (body) res.status(201).json(await createExhibitor(d.storage, currentMe(res), body));
    }),
  );
  r.put(
    API.organiserStand,
    handle(async (req, res) => {
      const body = parseOr400(MoveStandBody, req.body, res);
      if (!body) return;
      if (!(await d.storage.getExhibitor(body.exhibitorId))) throw new Refused(400, `no exhibitor ${body.exhibitorId}`);
      const floorId = param(req, 'floorId');
      const standId = param(req, 'standId');
      const before = await moveStand(d.levels, d.levelsDir, floorId, standId, body.exhibitorId);
      await audit(d.storage, currentMe(res), 'stand.assign', `${floorId}/${standId}`, `${before} → ${body.exhibitorId}`);
      res.json({ floorId, standId, exhibitorId: body.exhibitorId, previous: before });
    }),
  );

  // --- Accounts ---
  r.get(
    API.organiserAccounts,
    handle(async (_req, res) => {
      res.json({ accounts: await accountViews(d.storage) });
    }),
  );
  r.patch(
    API.organiserAccount,
    handle(async (req, res) => {
      const body = parseOr400(AccessBody, req.body, res);
      if (body) res.json(await changeAccess(d.storage, d.bus, currentMe(res), param(req, 'accountId'), body));
    }),
  );
  r.post(
    API.organiserDeactivate,
    handle(async (req, res) => {
      await deactivate(d.storage, d.bus, currentMe(res), param(req, 'accountId'));
      res.status(204).end();
    }),
  );
  r.get(
    API.organiserAudit,
    handle(async (_req, res) => {
      res.json({ entries: await d.storage.listAudit(500) });
    }),
  );

  // --- Invitations (organisers: any role; staff admins: their stands, under /api/team) ---
  for (const [list, resend, revoke, guard] of [
    [API.organiserInvitations, API.organiserResend, API.organiserRevoke, [] as const],
    [API.teamInvitations, API.teamResend, API.teamRevoke, [requireAccount] as const],
  ] as const) {
    r.get(
      list,
      ...guard,
      handle(async (_req, res) => {
        res.set('Cache-Control', 'no-store').json({ invitations: await d.invitations.list(currentMe(res)) });
      }),
    );
    r.post(
      list,
      ...guard,
      handle(async (req, res) => {
        const body = parseOr400(InviteBody, req.body, res);
        if (body) res.status(201).json(await d.invitations.create(currentMe(res), body));
      }),
    );
    r.post(
      resend,
      ...guard,
      handle(async (req, res) => {
        res.json(await d.invitations.resend(currentMe(res), param(req, 'invitationId')));
      }),
    );
    r.post(
      revoke,
      ...guard,
      handle(async (req, res) => {
        res.json(await d.invitations.revoke(currentMe(res), param(req, 'invitationId')));
      }),
    );
  }

  // Bulk: a CSV with email and exhibitor (or the exhibitor import's id) and name columns;
  // each row becomes an invitation of exhibitor staff (staff admin when the column says yes).
  r.post(
    API.organiserInvitationsCsv,
    handle(async (req, res) => {
      const body = parseOr400(CsvBody, req.body, res);
      if (!body) return;
      let table;
      try {
        table = parseCsvTable(body.csv);
      } catch (e) {
        throw new Refused(400, e instanceof Error ? e.message : String(e));
      }
      const exCol = table.columns.includes('exhibitor') ? 'exhibitor' : 'id';
      if (!table.columns.includes('email') || !table.columns.includes(exCol)) throw new Refused(400, 'the CSV needs "email" and "exhibitor" (or "id") columns');
      const results: { line: number; email: string; ok: boolean; message: string }[] = [];
      for (const row of table.rows) {
        const v = row.values;
        const parsed = InviteBody.safeParse({
          email: v.email?.trim(),
          name: (v.contact || v.name || v.email || '').trim(),
          role: 'exhibitor',
          exhibitors: [v[exCol]?.trim()],
          staffAdmin: /^(yes|да|1|true)$/i.test((v.admin ?? 'yes').trim()),
        });
        if (!parsed.success) {
          results.push({ line: row.line, email: v.email ?? '', ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') });
          continue;
        }
        try {
          const out = await d.invitations.create(currentMe(res), parsed.data);
          results.push({ line: row.line, email: parsed.data.email, ok: out.mail.status !== 'failed', message: `invited (mail ${out.mail.status})` });
        } catch (e) {
          if (!(e instanceof Refused)) throw e;
          results.push({ line: row.line, email: parsed.data.email, ok: false, message: e.message });
        }
      }
      res.json({ results });
    }),
  );

  r.post(
    API.acceptInvitation,
    handle(async (req, res) => {
      const body = parseOr400(AcceptInviteBody, req.body, res);
      if (body) res.set('Cache-Control', 'no-store').json(await d.invitations.accept(body.token, body.password));
    }),
  );

  // --- Announcements ---
  r.get(
    API.organiserAnnouncements,
    handle(async (_req, res) => {
      res.json({ announcements: d.announcements.upcoming() });
    }),
  );
  r.post(
    API.organiserAnnouncements,
    handle(async (req, res) => {
      const body = parseOr400(AnnouncementBody, req.body, res);
      if (!body) return;
      if (Date.parse(body.endsAt) <= Date.now()) throw new Refused(400, 'the end time is in the past');
      if (body.audience.kind === 'floor' && !d.levels.get(body.audience.floorId)) throw new Refused(400, `no floor ${body.audience.floorId}`);
      if (body.audience.kind === 'event' && !d.eventExists(body.audience.eventId)) throw new Refused(400, `no programme event ${body.audience.eventId}`);
      res.status(201).json(await d.announcements.create(currentMe(res), body));
    }),
  );
  r.get(API.announcementsCurrent, (req, res) => {
    const floor = typeof req.query.floor === 'string' ? req.query.floor : undefined;
    const event = typeof req.query.event === 'string' ? req.query.event : undefined;
    res.set('Cache-Control', 'no-store').json({ announcements: d.announcements.current({ floorId: floor, eventId: event }) });
  });
  return r;
}
