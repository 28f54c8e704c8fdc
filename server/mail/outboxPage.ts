// Development page for the outbox (mounted only without SMTP_URL): the mail the server would
// have sent, newest first, each readable as text, as a sandboxed HTML preview and as the raw
// .eml. The messages hold visitors' personal data, so the page answers only to requests from
// this machine that did not come through a proxy.
import fs from 'node:fs';
import express, { type Request, type Response, type Router } from 'express';
import { API } from '../../shared/api.ts';
import { escapeHtml as e } from './materialsMessage.ts';
import { type OutboxEntry, listOutbox, outboxMessagePath, readOutboxEntry } from './outbox.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function isLocal(req: Request): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined;
}

function page(res: Response, title: string, body: string): void {
  res
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // The preview iframe (srcdoc) inherits this: styles only, no script anywhere.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'",
    })
    .send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#1f2733}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #dde2ea;vertical-align:top}
caption{text-align:left;color:#5b6472;padding-bottom:8px}pre{white-space:pre-wrap;background:#f4f6fa;padding:12px;border-radius:6px}
iframe{width:100%;height:560px;border:1px solid #dde2ea;border-radius:6px}a{color:#1a56db}dt{font-weight:600}dd{margin:0 0 8px}
</style></head>
<body>
${body}
</body>
</html>
`);
}

function time(entry: OutboxEntry): string {
  return `<time datetime="${e(entry.createdAt)}">${e(entry.createdAt.replace('T', ' ').slice(0, 19))} UTC</time>`;
}

function listHtml(dir: string, entries: OutboxEntry[]): string {
  const rows = entries
    .map(
      (m) => `<tr><td>${time(m)}</td><td>${e(m.to)}</td><td><a href="${API.devOutbox}/${e(m.id)}">${e(m.subject)}</a></td>` +
        `<td><a href="${API.devOutbox}/${e(m.id)}.eml">.eml</a></td></tr>`,
    )
    .join('\n');
  return `<h1>Outbox</h1>
<p>There is no <code>SMTP_URL</code>, so mail is kept in <code>${e(dir)}</code> instead of being sent. Set <code>SMTP_URL</code> to deliver it.</p>
${
  entries.length === 0
    ? '<p role="status">No mail yet.</p>'
    : `<table><caption>${entries.length} message${entries.length === 1 ? '' : 's'}, newest first</caption>
<thead><tr><th scope="col">Time</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Raw</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
}`;
}

function messageHtml(m: OutboxEntry): string {
  // Links in the preview open in a new tab; the sandbox keeps the preview script-free anyway.
  const preview = m.html?.replace(/<head>/i, '<head><base target="_blank">');
  return `<p><a href="${API.devOutbox}">← Outbox</a></p>
<h1>${e(m.subject)}</h1>
<dl><dt>To</dt><dd>${e(m.to)}</dd><dt>Written</dt><dd>${time(m)}</dd>${m.leadId ? `<dt>Lead</dt><dd>${e(m.leadId)}</dd>` : ''}
<dt>Raw message</dt><dd><a href="${API.devOutbox}/${e(m.id)}.eml">view</a> · <a href="${API.devOutbox}/${e(m.id)}.eml?download=1">download .eml</a></dd></dl>
<h2>Text</h2>
<pre>${e(m.text)}</pre>
${preview ? `<h2>HTML</h2>\n<iframe title="HTML version of the message" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${e(preview)}"></iframe>` : ''}`;
}

export function outboxPage(dir: string): Router {
  const r = express.Router();
  r.use(API.devOutbox, (req, res, next) => {
    if (isLocal(req)) {
      next();
      return;
    }
    res.status(403).type('text/plain').send('The outbox holds visitors\' personal data and is shown only on this machine (open it via 127.0.0.1).');
  });

  r.get(API.devOutbox, async (_req, res) => {
    page(res, 'Outbox', listHtml(dir, await listOutbox(dir)));
  });

  r.get(`${API.devOutbox}/:file`, async (req, res) => {
    const file = String(req.params.file);
    if (file.endsWith('.eml')) {
      const id = file.slice(0, -'.eml'.length);
      const raw = outboxMessagePath(dir, id);
      if (!raw || !fs.existsSync(raw)) {
        res.status(404).type('text/plain').send('No such message in the outbox.');
        return;
      }
      const download = req.query.download !== undefined;
      res.set({
        // Viewed as plain text (never rendered); downloaded as a message a mail client opens.
        'Content-Type': download ? 'message/rfc822' : 'text/plain; charset=utf-8',
        'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename="${id}.eml"`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
        'Cache-Control': 'no-store',
      });
      res.sendFile(raw);
      return;
    }
    const entry = await readOutboxEntry(dir, file);
    if (!entry) {
      res.status(404);
      page(res, 'Not found', `<p><a href="${API.devOutbox}">← Outbox</a></p><h1>No such message</h1>`);
      return;
    }
    page(res, entry.subject, messageHtml(entry));
  });
  return r;
}
