// The stand chat's HTTP side: chat tickets for staff (behind the cabinet session), unread
// counts for a returning visitor, the staff inbox and the exhibitors' saved answers. Live
// messages go through the rooms (StandChatRoom); bodies are zod-checked here. The visitor is
// the one of the signed cookie (res.locals.visitorId), never one named in a body.
import { Router } from 'express';
import { API } from '../../shared/api.ts';
import { QuickReplies, UnreadQuery, type UnreadCounts } from '../../shared/chat.ts';
import { currentMe, requireAccount, requireActFor, sameOriginOnly } from '../auth/middleware.ts';
import { type Limits, memoryLimits } from '../limits.ts';
import { parseOr400 } from '../http/validate.ts';
import type { Storage } from '../storage/storage.ts';
import type { ChatService } from './service.ts';

export function chatApi(service: ChatService, storage: Storage, limits: Limits = memoryLimits): Router {
  const r = Router();
  // A visitor asks once per page load; a page reloaded in a loop is not.
  const unreadLimit = limits.window(60, 60_000, 'chatUnread');

  r.post(API.chatTicket, sameOriginOnly, requireAccount, (_req, res) => {
    const sessionHash = res.locals.sessionHash;
    if (!sessionHash) throw new Error('requireAccount must run before the ticket handler');
    // Bound to this session: logging out (or a password change elsewhere) voids it.
    res.set('Cache-Control', 'no-store').json(service.tickets.issue({ accountId: currentMe(res).id, sessionHash }));
  });

  r.post(API.chatUnread, sameOriginOnly, async (req, res) => {
    const key = req.ip ?? '?';
    const wait = await unreadLimit.blockedFor(key);
    if (wait > 0) {
      res.status(429).set('Retry-After', String(Math.ceil(wait / 1000))).json({ error: 'too many requests: try again in a minute' });
      return;
    }
    await unreadLimit.hit(key);
    const q = parseOr400(UnreadQuery, req.body, res);
    if (!q) return;
    const visitorId = res.locals.visitorId;
    if (!visitorId) throw new Error('the visitor-id middleware must run before the chat API');
    const body: UnreadCounts = { unread: await service.unread(visitorId, q.marks) };
    res.set('Cache-Control', 'no-store').json(body);
  });

  r.get(API.chatInbox, requireAccount, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await service.inbox(currentMe(res)));
  });

  const own = [sameOriginOnly, requireAccount, requireActFor('exhibitorId')];

  r.get(API.cabinetQuickReplies, ...own, async (req, res) => {
    const id = String(req.params.exhibitorId);
    // Like every cabinet path: an exhibitor that does not exist is a 404, not an empty list.
    if (!(await storage.getExhibitor(id))) {
      res.status(404).json({ error: `exhibitor "${id}" not found` });
      return;
    }
    const body: QuickReplies = { replies: await storage.getQuickReplies(id) };
    res.set('Cache-Control', 'no-store').json(body);
  });

  r.put(API.cabinetQuickReplies, ...own, async (req, res) => {
    const id = String(req.params.exhibitorId);
    if (!(await storage.getExhibitor(id))) {
      res.status(404).json({ error: `exhibitor "${id}" not found` });
      return;
    }
    const body = parseOr400(QuickReplies, req.body, res);
    if (!body) return;
    await storage.setQuickReplies(id, body.replies);
    res.json(body);
  });

  return r;
}
