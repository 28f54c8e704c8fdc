// The exhibitor cabinet: edit the stand card and interior, work with leads (table, status,
// notes, CSV), analytics, uploads and a live feed of leads. Every route needs a session (401)
// and, per exhibitor, the right to act for it (403); nothing changes on a refused request.
import { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { canActFor } from '../../shared/accounts.ts';
import { API } from '../../shared/api.ts';
import { ExhibitorEdit, contentProblems } from '../../shared/exhibitorEdit.ts';
import { LeadPatch, LeadStatus } from '../../shared/leads.ts';
import { StandContent } from '../../shared/standContent.ts';
import { currentMe, requireAccount, requireActFor, sameOriginOnly } from '../auth/middleware.ts';
import type { EventBus } from '../events/bus.ts';
import type { LeadStreams } from '../events/leadStream.ts';
import type { StandAnalyticsService } from '../services/analytics.ts';
import { CabinetService } from '../services/cabinet.ts';
import type { Storage } from '../storage/storage.ts';
import type { Uploads } from '../uploads/types.ts';
import { leadsCsv } from './leadsCsv.ts';
import { parseOr400 } from './validate.ts';

export interface CabinetApiDeps {
  storage: Storage;
  uploads: Uploads;
  bus: EventBus;
  streams: LeadStreams;
  analytics: StandAnalyticsService;
}

const LeadFilter = z.strictObject({
  status: LeadStatus.optional(),
  kind: z.enum(['callback', 'card']).optional(),
});

function paramOf(req: Request, name: string): string {
  return String(req.params[name]);
}

export function cabinetApi(deps: CabinetApiDeps): Router {
  const { storage, uploads, bus, streams, analytics } = deps;
  const cabinet = new CabinetService(storage);
  const r = Router();
  r.use('/api/cabinet', sameOriginOnly, requireAccount);

  /** 404 for an exhibitor that does not exist (an organiser's typo), after the 403 check. */
  async function known(req: Request, res: Response, next: NextFunction) {
    const id = paramOf(req, 'exhibitorId');
    if (!(await storage.getExhibitor(id))) {
      res.status(404).json({ error: `exhibitor "${id}" not found` });
      return;
    }
    next();
  }
  const own = [requireActFor('exhibitorId'), known];

  r.get(API.cabinetExhibitors, async (_req, res) => {
    const me = currentMe(res);
    const all = await storage.listExhibitors();
    res.set('Cache-Control', 'no-store').json(all.filter((e) => canActFor(me, e.id)).sort((a, b) => a.name.localeCompare(b.name, 'ru')));
  });

  r.get(API.cabinetExhibitor, ...own, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await storage.getExhibitor(paramOf(req, 'exhibitorId')));
  });

  r.put(API.cabinetExhibitor, ...own, async (req, res) => {
    const edit = parseOr400(ExhibitorEdit, req.body, res);
    if (!edit) return;
    const outcome = await cabinet.editExhibitor(paramOf(req, 'exhibitorId'), edit, currentMe(res).role);
    if (!outcome) {
      res.status(404).json({ error: `exhibitor "${paramOf(req, 'exhibitorId')}" not found` });
      return;
    }
    if (!outcome.ok) {
      res.status(outcome.status).json({ error: outcome.error, ...(outcome.details ? { details: outcome.details } : {}) });
      return;
    }
    res.json(outcome.next);
  });

  r.get(API.cabinetContent, ...own, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await storage.getContent(paramOf(req, 'exhibitorId')));
  });

  r.put(API.cabinetContent, ...own, async (req, res) => {
    const id = paramOf(req, 'exhibitorId');
    const content = parseOr400(StandContent, req.body, res);
    if (!content) return;
    const problems = contentProblems(content, id);
    if (problems.length > 0) {
      res.status(400).json({ error: 'the request body is not valid', details: problems });
      return;
    }
    await storage.putContent(id, content);
    res.json(content);
  });

  r.get(API.cabinetLeads, ...own, async (req, res) => {
    const filter = parseOr400(LeadFilter, req.query, res, 'the query');
    if (!filter) return;
    const leads = (await storage.listLeads(paramOf(req, 'exhibitorId'))).filter(
      (l) => (!filter.status || l.status === filter.status) && (!filter.kind || l.kind === filter.kind),
    );
    res.set('Cache-Control', 'no-store').json(leads);
  });

  r.get(API.cabinetLeadsCsv, ...own, async (req, res) => {
    const id = paramOf(req, 'exhibitorId');
    const filter = parseOr400(LeadFilter, req.query, res, 'the query');
    if (!filter) return;
    const leads = (await storage.listLeads(id)).filter(
      (l) => (!filter.status || l.status === filter.status) && (!filter.kind || l.kind === filter.kind),
    );
    const day = new Date().toISOString().slice(0, 10);
    res
      .set('Content-Type', 'text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="leads-${id}-${day}.csv"`)
      .set('Cache-Control', 'no-store')
      .send(leadsCsv(leads));
  });

  r.patch(API.cabinetLead, ...own, async (req, res) => {
    const id = paramOf(req, 'exhibitorId');
    const patch = parseOr400(LeadPatch, req.body, res);
    if (!patch) return;
    const lead = await storage.getLead(paramOf(req, 'leadId'));
    // Another exhibitor's lead looks exactly like a missing one: nothing to learn, nothing changed.
    if (!lead || lead.exhibitorId !== id) {
      res.status(404).json({ error: 'lead not found' });
      return;
    }
    const updated = (await storage.updateLead(lead.id, patch))!;
    bus.publish('lead', { change: 'updated', lead: updated });
    res.json(updated);
  });

  r.get(API.cabinetAnalytics, ...own, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await analytics.of(paramOf(req, 'exhibitorId')));
  });

  r.post(API.cabinetUpload, ...own, uploads.receive);

  r.get(API.cabinetEvents, streams.handler);

  return r;
}
