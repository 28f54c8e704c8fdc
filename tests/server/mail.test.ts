// The materials e-mail against a real SMTP server on 127.0.0.1 (smtp-server) and a real lowdb
// store: the message as received (recipient, subject, links, escaping), retries after
// temporary refusals, giving up with the lead kept, the outbox without SMTP, its dev page,
// and resuming mail that was still queued when the process stopped.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Lead } from '../../shared/leads.ts';
import type { StandContent } from '../../shared/standContent.ts';
import { createMailer, resumeQueuedMail } from '../../server/mail/mailer.ts';
import { listOutbox } from '../../server/mail/outbox.ts';
import { outboxPage } from '../../server/mail/outboxPage.ts';
import type { Mailer } from '../../server/mail/types.ts';
import { openLowdbStorage } from '../../server/storage/lowdbStorage.ts';
import { seedStorage } from '../../server/storage/seed.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';
import { FIXTURE_EXHIBITORS } from '../fixtures/fixtures.ts';

// --- Reading what arrived: just enough MIME for nodemailer's output --------------------------

interface Part {
  headers: Map<string, string>;
  body: string;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQp(data.replaceAll('_', ' ')).toString('utf8'),
    );
}

function decodeQp(text: string): Buffer {
  const t = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const hex = t.slice(i + 1, i + 3);
    if (t[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(t[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function parsePart(raw: string): Part {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const enc = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return decodeQp(part.body).toString('utf8');
  return part.body;
}

interface Message {
  headers: Map<string, string>;
  text: string;
  html: string;
}

function parseMessage(raw: string): Message {
  const top = parsePart(raw);
  const type = top.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  const out: Message = { headers: top.headers, text: '', html: '' };
  const parts = boundary
    ? top.body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => parsePart(p.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [top];
  for (const p of parts) {
    const ct = p.headers.get('content-type') ?? 'text/plain';
    if (ct.startsWith('text/plain')) out.text = decodeBody(p);
    if (ct.startsWith('text/html')) out.html = decodeBody(p);
  }
  return out;
}

// --- A real SMTP server with a switchable answer ------------------------------------------------

interface Received {
  from: string;
  to: string[];
  message: Message;
}

interface TestSmtp {
  url: string;
  received: Received[];
  /** Answer for the next DATA commands: a code to refuse with, or undefined to accept. */
  refuse: (attempt: number) => number | undefined;
  attempts: number;
  close(): Promise<void>;
}

async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    received: [],
    refuse: () => undefined,
    attempts: 0,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.attempts++;
        const code = state.refuse(state.attempts);
        if (code !== undefined) {
          const err = new Error(code >= 500 ? 'mailbox unavailable' : 'try again later') as Error & { responseCode: number };
          err.responseCode = code;
          callback(err);
          return;
        }
        state.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          message: parseMessage(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

// --- Fixtures -----------------------------------------------------------------------------------

const BASE = 'http://expo.test:3000';
const FROM = 'ММСО Экспо <noreply@expo.test>';

const exhibitor: Exhibitor = {
  id: 'alpha-school',
  name: 'Школа <Юных> & «Умников»',
  category: 'school',
  colour: '#2f6fd6',
  logo: 'logos/alpha-school.svg',
  short: 'Тестовая школа.',
  description: 'Школа для тестов.',
  contacts: { site: 'https://alpha.example.org', email: 'hello@alpha.example.org', phone: '+7 495 123-45-67' },
};

const content: StandContent = {
  gallery: [],
  webinars: [],
  materials: [
    { id: 'brochure', title: 'Буклет школы', file: 'assets/materials/brochure.pdf', type: 'application/pdf', size: 1_258_291 },
    { id: 'price', title: 'Цены <2025>', file: 'uploads/alpha-school/0123456789abcdef0123456789abcdef.pdf', type: 'application/pdf', size: 84_000 },
  ],
};

let leadCount = 0;
function cardLead(overrides: Partial<Lead> = {}): Lead {
  leadCount++;
  return {
    id: `lead-${leadCount}`,
    exhibitorId: exhibitor.id,
    standId: 'sc-a01',
    createdAt: new Date().toISOString(),
    status: 'new',
    note: '',
    kind: 'card',
    card: { name: 'Анна <b>Иванова</b>', organisation: 'Гимназия № 5', position: 'учитель', email: `anna${leadCount}@school.test`, phone: '' },
    ...overrides,
  };
}

const temps: string[] = [];
async function tempDir(label: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `virtual-expo-${label}-`));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

let storage: Storage;
let dataDir: string;
let mailer: Mailer | undefined;
let changes: Lead[];
let logLines: string[];

beforeEach(async () => {
  dataDir = await tempDir('mail');
  storage = await openLowdbStorage(dataDir);
  await seedStorage(storage, { exhibitors: FIXTURE_EXHIBITORS });
  changes = [];
  logLines = [];
});

afterEach(async () => {
  await mailer?.close();
  mailer = undefined;
  await storage.close();
});

function makeMailer(smtpUrl: string | undefined, retryDelaysMs: number[] = [5, 5, 5]): Mailer {
  mailer = createMailer({
    smtpUrl,
    outboxDir: path.join(dataDir, 'outbox'),
    storage,
    from: FROM,
    log: (line) => logLines.push(line),
    onLeadChanged: (lead) => changes.push(lead),
    retryDelaysMs,
  });
  return mailer;
}

/** Stores the lead as the stand API does (mail "queued"), or with `null` without a mail state. */
async function storedLead(lead: Lead, mail: Lead['mail'] | null = { status: 'queued', attempts: 0, updatedAt: new Date().toISOString() }): Promise<Lead> {
  const stored = mail ? { ...lead, mail } : lead;
  await storage.addLead(stored);
  return stored;
}

// --- The tests ----------------------------------------------------------------------------------

describe('materials e-mail over SMTP', () => {
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
  });
  afterEach(async () => {
    await smtp.close();
  });

  it('delivers the materials to the card with links, contacts, the stand and escaped HTML', async () => {
    const m = makeMailer(smtp.url);
    const lead = await storedLead(cardLead());
    m.sendMaterials({ lead, exhibitor, content, baseUrl: `${BASE}/`, standPath: '/floor/school/stand/sc-a01' });
    await m.idle();

    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.to).toEqual([lead.card!.email]);
    expect(got.from).toBe('noreply@expo.test');
    const h = got.message.headers;
    expect(h.get('subject')).toBe('Материалы стенда Школа <Юных> & «Умников»');
    expect(h.get('to')).toContain(`<${lead.card!.email}>`);
    expect(h.get('from')).toContain('ММСО Экспо');
    expect(h.get('reply-to')).toBe('hello@alpha.example.org');

    const links = [`${BASE}/assets/materials/brochure.pdf`, `${BASE}/uploads/alpha-school/0123456789abcdef0123456789abcdef.pdf`];
    for (const link of links) {
      expect(got.message.text).toContain(link);
      expect(got.message.html).toContain(`href="${link}"`);
    }
    expect(got.message.text).toContain('Здравствуйте, Анна <b>Иванова</b>!');
    expect(got.message.text).toContain('Буклет школы (PDF, 1,2 МБ)');
    expect(got.message.text).toContain(`Стенд на выставке: ${BASE}/floor/school/stand/sc-a01`);
    expect(got.message.text).toContain('Телефон: +7 495 123-45-67');
    expect(got.message.html).toContain(`href="${BASE}/floor/school/stand/sc-a01"`);
    // Visitor and exhibitor text is escaped: no markup of theirs reaches the HTML part.
    expect(got.message.html).toContain('Анна &lt;b&gt;Иванова&lt;/b&gt;');
    expect(got.message.html).toContain('Цены &lt;2025&gt;');
    expect(got.message.html).toContain('Школа &lt;Юных&gt; &amp; «Умников»');
    expect(got.message.html).not.toMatch(/<b>Иванова|<Юных>|<2025>/);

    const after = await storage.getLead(lead.id);
    expect(after?.mail).toMatchObject({ status: 'sent', attempts: 1 });
    expect(changes.map((l) => l.mail?.status)).toEqual(['sent']);
  });

  it('records "queued" first for a lead stored without a mail state', async () => {
    const m = makeMailer(smtp.url);
    const lead = await storedLead(cardLead(), null);
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE });
    await m.idle();
    expect(changes.map((l) => l.mail?.status)).toEqual(['queued', 'sent']);
    // Without a stand path the link opens the hall.
    expect(smtp.received[0]?.message.text).toContain(`Стенд на выставке: ${BASE}/`);
  });

  it('retries after temporary refusals, then sends, showing each attempt on the lead', async () => {
    smtp.refuse = (attempt) => (attempt <= 2 ? 451 : undefined);
    const m = makeMailer(smtp.url);
    const lead = await storedLead(cardLead());
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE });
    await m.idle();

    expect(smtp.attempts).toBe(3);
    expect(smtp.received).toHaveLength(1);
    expect(changes.map((l) => [l.mail?.status, l.mail?.attempts])).toEqual([
      ['queued', 1],
      ['queued', 2],
      ['sent', 3],
    ]);
    expect(changes[0]?.mail?.lastError).toMatch(/451/);
    expect((await storage.getLead(lead.id))?.mail).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('gives up after the last attempt with the error on the lead, and keeps the lead', async () => {
    smtp.refuse = () => 451;
    const m = makeMailer(smtp.url, [5, 5]);
    const lead = await storedLead(cardLead());
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE });
    await m.idle();

    expect(smtp.attempts).toBe(3);
    const after = await storage.getLead(lead.id);
    expect(after?.card).toEqual(lead.card);
    expect(after?.mail).toMatchObject({ status: 'failed', attempts: 3 });
    expect(after?.mail?.lastError).toMatch(/451/);
    expect((await storage.listLeads(exhibitor.id)).map((l) => l.id)).toContain(lead.id);
    expect(logLines.some((l) => l.includes('giving up'))).toBe(true);
  });

  it('does not retry a permanent refusal (5xx)', async () => {
    smtp.refuse = () => 550;
    const m = makeMailer(smtp.url);
    const lead = await storedLead(cardLead());
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE });
    await m.idle();
    expect(smtp.attempts).toBe(1);
    expect((await storage.getLead(lead.id))?.mail).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries when the server cannot be reached at all', async () => {
    await smtp.close();
    const m = makeMailer(smtp.url, [5]);
    const lead = await storedLead(cardLead());
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE });
    await m.idle();
    const mail = (await storage.getLead(lead.id))?.mail;
    expect(mail).toMatchObject({ status: 'failed', attempts: 2 });
    expect(mail?.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('resumes mail still queued when the process stopped', async () => {
    await storage.putContent(exhibitor.id, content);
    const lead = await storedLead(cardLead(), { status: 'queued', attempts: 2, lastError: 'timeout', updatedAt: new Date().toISOString() });
    await storedLead(cardLead({ kind: 'card' }), { status: 'sent', attempts: 1, updatedAt: new Date().toISOString() });
    const m = makeMailer(smtp.url);
    const count = await resumeQueuedMail(m, { storage, baseUrl: BASE, standPath: () => '/floor/school/stand/sc-a01' });
    await m.idle();
    expect(count).toBe(1);
    expect(smtp.received.map((r) => r.to)).toEqual([[lead.card!.email]]);
    expect(smtp.received[0]?.message.text).toContain(`${BASE}/assets/materials/brochure.pdf`);
    // The stored exhibitor's name (from the store, not the test's copy) is in the subject.
    expect(smtp.received[0]?.message.headers.get('subject')).toBe('Материалы стенда «Alpha School»');
    expect((await storage.getLead(lead.id))?.mail).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('sends a lead handed over twice while it is being delivered only once', async () => {
    const m = makeMailer(smtp.url);
    const lead = await storedLead(cardLead());
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE });
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE });
    await m.idle();
    expect(smtp.received).toHaveLength(1);
  });

  it('close() drops scheduled retries at once and leaves the lead queued for the next start', async () => {
    smtp.refuse = () => 451;
    const m = makeMailer(smtp.url, [60_000]);
    const lead = await storedLead(cardLead());
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE });
    await expect.poll(() => changes.length).toBe(1);
    const started = Date.now();
    await m.close();
    await m.idle();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await storage.getLead(lead.id))?.mail).toMatchObject({ status: 'queued', attempts: 1 });
  });
});

describe('the outbox without SMTP', () => {
  it('writes a real .eml with a JSON entry and marks the lead "outbox"', async () => {
    const m = makeMailer(undefined);
    const lead = await storedLead(cardLead());
    m.sendMaterials({ lead, exhibitor, content, baseUrl: BASE, standPath: '/floor/school/stand/sc-a01' });
    await m.idle();

    const outbox = path.join(dataDir, 'outbox');
    const files = (await fs.readdir(outbox)).sort();
    expect(files).toHaveLength(2);
    const eml = files.find((f) => f.endsWith('.eml'))!;
    const message = parseMessage(await fs.readFile(path.join(outbox, eml), 'utf8'));
    expect(message.headers.get('subject')).toBe('Материалы стенда Школа <Юных> & «Умников»');
    expect(message.headers.get('to')).toContain(lead.card!.email);
    expect(message.headers.get('message-id')).toBeTruthy();
    expect(message.text).toContain(`${BASE}/assets/materials/brochure.pdf`);
    expect(message.html).toContain(`href="${BASE}/uploads/alpha-school/0123456789abcdef0123456789abcdef.pdf"`);

    const [entry] = await listOutbox(outbox);
    expect(entry).toMatchObject({ leadId: lead.id, subject: message.headers.get('subject') });
    expect((await storage.getLead(lead.id))?.mail).toMatchObject({ status: 'outbox', attempts: 1 });
    expect(changes.at(-1)?.mail?.status).toBe('outbox');
  });

  it('lists the mail on the dev page, newest first, escaped, with readable and raw views', async () => {
    const m = makeMailer(undefined);
    const first = await storedLead(cardLead());
    m.sendMaterials({ lead: first, exhibitor, content, baseUrl: BASE });
    await m.idle();
    await new Promise((r) => setTimeout(r, 5)); // distinct timestamps order the list
    const second = await storedLead(cardLead());
    m.sendMaterials({ lead: second, exhibitor: { ...exhibitor, name: 'Beta <script>alert(1)</script>' }, content, baseUrl: BASE });
    await m.idle();

    const app = express();
    app.use(outboxPage(path.join(dataDir, 'outbox')));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const res = await fetch(base + API.devOutbox);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      const page = await res.text();
      expect(page).not.toContain('<script>alert');
      expect(page).toContain('Beta &lt;script&gt;alert(1)&lt;/script&gt;');
      const newest = page.indexOf(second.card!.email);
      const oldest = page.indexOf(first.card!.email);
      expect(newest).toBeGreaterThan(0);
      expect(newest).toBeLessThan(oldest);

      const [entry] = await listOutbox(path.join(dataDir, 'outbox'));
      expect(page).toContain(`href="${API.devOutbox}/${entry!.id}"`);
      const view = await fetch(`${base}${API.devOutbox}/${entry!.id}`);
      const viewHtml = await view.text();
      expect(view.status).toBe(200);
      expect(viewHtml).toContain(`${BASE}/assets/materials/brochure.pdf`);
      expect(viewHtml).toContain('sandbox=');
      expect(viewHtml).not.toContain('<script>alert');

      const raw = await fetch(`${base}${API.devOutbox}/${entry!.id}.eml`);
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await raw.text()).toMatch(/^[\s\S]*Subject: /m);
      const download = await fetch(`${base}${API.devOutbox}/${entry!.id}.eml?download=1`);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment/);

      expect((await fetch(`${base}${API.devOutbox}/0000000000000-deadbeef`)).status).toBe(404);
      expect((await fetch(`${base}${API.devOutbox}/..%2F..%2Fetc%2Fpasswd.eml`)).status).toBe(404);
      const proxied = await fetch(base + API.devOutbox, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(proxied.status).toBe(403);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('shows an empty outbox plainly', async () => {
    const app = express();
    app.use(outboxPage(path.join(dataDir, 'outbox')));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${API.devOutbox}`);
      expect(await res.text()).toContain('No mail yet.');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('through the real server', () => {
  const card = { name: 'Пётр Смирнов', organisation: 'Лицей № 2', position: 'завуч', email: 'petr@school.test', phone: '' };

  async function sendCard(server: TestServer): Promise<string> {
    const res = await call(server.url, 'POST', apiPath(API.cardForMaterials, { exhibitorId: 'alpha-school' }), { body: { card, consent: true } });
    expect(res.status).toBe(201);
    await server.mailer.idle();
    return (res.json as { id: string }).id;
  }

  it('mails a business card the stand\'s materials over SMTP and marks the lead sent', async () => {
    const smtp = await startSmtp();
    const server = await bootTestServer({ smtpUrl: smtp.url, mailFrom: FROM });
    try {
      const id = await sendCard(server);
      expect(smtp.received).toHaveLength(1);
      const got = smtp.received[0]!;
      expect(got.to).toEqual([card.email]);
      expect(got.message.headers.get('subject')).toBe('Материалы стенда «Alpha School»');
      const content = await server.storage.getContent('alpha-school');
      expect(content.materials.length).toBeGreaterThan(0);
      for (const m of content.materials) expect(got.message.text).toContain(`${server.url}/${m.file}`);
      expect(got.message.text).toMatch(new RegExp(`${server.url}/floor/[a-z0-9-]+/stand/[a-z0-9-]+`));
      expect((await server.storage.getLead(id))?.mail?.status).toBe('sent');
      // With SMTP there is no outbox page.
      expect((await fetch(server.url + API.devOutbox)).status).not.toBe(200);
    } finally {
      await server.close();
      await smtp.close();
    }
  });

  it('keeps the mail in the outbox without SMTP and lists it on the dev page', async () => {
    const server = await bootTestServer();
    try {
      const id = await sendCard(server);
      expect((await server.storage.getLead(id))?.mail?.status).toBe('outbox');
      const page = await fetch(server.url + API.devOutbox);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(card.email);
      expect(html).toContain('Материалы стенда «Alpha School»');
    } finally {
      await server.close();
    }
  });
});
