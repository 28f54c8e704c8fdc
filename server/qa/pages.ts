// The Q&A pages of the built client: /moderate/<eventId> (the moderator view),
// /overlay/<eventId> (the pinned question for broadcast software) and /broadcast/<eventId>
// (the broadcast page) are client/qa.html, the Q&A's own small entry, not the hall's
// index.html. Without a built client they fall through. The page is public; its data is not
// (server/stream/streamApi.ts decides who may read a broadcast).
import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';

export function qaPages(clientDir: string): Router {
  const r = Router();
  const file = path.join(path.resolve(clientDir), 'qa.html');
  r.get(['/moderate/:eventId', '/overlay/:eventId', '/broadcast/:eventId'], (_req, res, next) => {
    if (!fs.existsSync(file)) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(file);
  });
  return r;
}
