// The exhibitor cabinet on the real server: who may do what (401 / 403 / organisers /
// moderators), editing the stand, leads with status and notes, CSV export, live lead events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type LeadAccepted, type LeadEvent, apiPath } from '../../shared/api.ts';
import { parseCsv } from '../../shared/csv.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Lead } from '../../shared/leads.ts';
import type { StandContent } from '../../shared/standContent.ts';
import { CALLBACK, CARD, type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';

let server: TestServer;
let alpha: string;
let beta: string;
let org: string;
let mod: string;
let betaLead: string;
beforeAll(async () => {
  server = await bootTestServer();
  [alpha, beta, org, mod] = await Promise.all([login(server.url, 'alpha'), login(server.url, 'beta'), login(server.url, 'org'), login(server.url, 'mod')]);
  const res = await call(server.url, 'POST', apiPath(API.callback, { exhibitorId: 'beta-university' }), { body: CALLBACK });
  betaLead = (res.json as LeadAccepted).id;
});
afterAll(async () => {
  await server?.close();
});

const ex = (path: string, exhibitorId: string, extra: Record<string, string> = {}) => apiPath(path, { exhibitorId, ...extra });

const CONTENT: StandContent = {
  video: { title: 'Видео', src: 'uploads/beta-university/intro.mp4', captions: [] },
  gallery: [{ id: 'lab', title: 'Лаборатория', description: '', image: 'assets/logos/beta-university.svg' }],
  materials: [],
  webinars: [],
};

/** Every cabinet request against one exhibitor, with a harmless valid body where one is needed. */
function cabinetCalls(exhibitorId: string, leadId: string): [string, string, unknown][] {
  return [
    ['GET', ex(API.cabinetExhibitor, exhibitorId), undefined],
    ['PUT', ex(API.cabinetExhibitor, exhibitorId), { name: 'Hijacked', colour: '#000000', logo: 'logos/x.svg', short: 'x', description: 'x', contacts: {} }],
    ['GET', ex(API.cabinetContent, exhibitorId), undefined],
    ['PUT', ex(API.cabinetContent, exhibitorId), { gallery: [], materials: [], webinars: [] }],
    ['GET', ex(API.cabinetLeads, exhibitorId), undefined],
    ['GET', ex(API.cabinetLeadsCsv, exhibitorId), undefined],
    ['PATCH', ex(API.cabinetLead, exhibitorId, { leadId }), { status: 'done', note: 'hijacked' }],
    ['GET', ex(API.cabinetAnalytics, exhibitorId), undefined],
    ['POST', ex(API.cabinetUpload, exhibitorId), undefined],
  ];
}

async function snapshot(exhibitorId: string, leadId: string) {
  return {
    exhibitor: await server.storage.getExhibitor(exhibitorId),
    content: await server.storage.getContent(exhibitorId),
    lead: await server.storage.getLead(leadId),
  };
}

describe('who may do what', () => {
  it('answers 401 to every cabinet request without a session', async () => {
    const all = [...cabinetCalls('beta-university', betaLead), ['GET', API.cabinetExhibitors, undefined], ['GET', API.cabinetEvents, undefined]] as const;
    for (const [method, path, body] of all) {
      const res = await call(server.url, method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((res.json as { error: string }).error).toMatch(/log in/);
    }
  });

  it("answers 403 to an exhibitor on another exhibitor's stand, and changes nothing", async () => {
    const before = await snapshot('beta-university', betaLead);
    for (const [method, path, body] of cabinetCalls('beta-university', betaLead)) {
      const res = await call(server.url, method, path, { cookie: alpha, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await snapshot('beta-university', betaLead)).toEqual(before);
  });

  it("hides another exhibitor's lead behind its own stand's path (404, unchanged)", async () => {
    const before = await server.storage.getLead(betaLead);
    const res = await call(server.url, 'PATCH', ex(API.cabinetLead, 'alpha-school', { leadId: betaLead }), { cookie: alpha, body: { status: 'done' } });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('Иван');
    expect(await server.storage.getLead(betaLead)).toEqual(before);
  });

  it('lists the exhibitors an account may act for', async () => {
    const names = async (cookie: string) => ((await call(server.url, 'GET', API.cabinetExhibitors, { cookie })).json as Exhibitor[]).map((e) => e.id);
    expect(await names(alpha)).toEqual(['alpha-school']);
    expect((await names(beta)).sort()).toEqual(['beta-university', 'gamma-lab']);
    expect((await names(org)).length).toBe(6);
    expect(await names(mod)).toEqual([]);
  });

  it('lets organisers act for anyone, and moderators edit no stand', async () => {
    expect((await call(server.url, 'GET', ex(API.cabinetLeads, 'beta-university'), { cookie: org })).status).toBe(200);
    const current = (await server.storage.getExhibitor('delta-books'))!;
    const { id: _id, ...editable } = current;
    const modPut = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'delta-books'), { cookie: mod, body: { ...editable, short: 'moderated' } });
    expect(modPut.status).toBe(403);
    const orgPut = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'delta-books'), { cookie: org, body: { ...editable, category: 'edtech' } });
    expect(orgPut.status).toBe(200);
    expect((await server.storage.getExhibitor('delta-books'))!.category).toBe('edtech');
    expect((await call(server.url, 'PUT', ex(API.cabinetContent, 'delta-books'), { cookie: mod, body: CONTENT })).status).toBe(403);
    expect((await call(server.url, 'GET', ex(API.cabinetLeads, 'no-such'), { cookie: org })).status).toBe(404);
  });

  it('refuses state changes sent from another site', async () => {
    const res = await call(server.url, 'PUT', ex(API.cabinetContent, 'alpha-school'), {
      cookie: alpha,
      body: { gallery: [], materials: [], webinars: [] },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await server.storage.getContent('alpha-school')).gallery.length).toBe(1);
  });
});

describe('editing the stand', () => {
  it('saves the card; id, name and category stay the organisers\'', async () => {
    const current = (await server.storage.getExhibitor('beta-university'))!;
    const { id: _id, category: _c, ...editable } = current;
    const ok = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'beta-university'), {
      cookie: beta,
      body: { ...editable, description: 'Новое описание университета', colour: '#123456' },
    });
    expect(ok.status).toBe(200);
    expect((await call(server.url, 'GET', ex(API.exhibitor, 'beta-university'))).json).toMatchObject({ description: 'Новое описание университета', colour: '#123456' });

    const cat = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'beta-university'), { cookie: beta, body: { ...editable, category: 'school' } });
    expect(cat.status).toBe(403);
    const renamed = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'beta-university'), { cookie: beta, body: { ...editable, name: 'Другой вуз' } });
    expect(renamed.status).toBe(403);
    expect((renamed.json as { error: string }).error).toMatch(/name/);
    expect((await server.storage.getExhibitor('beta-university'))!.name).toBe(current.name);
    const id = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'beta-university'), { cookie: beta, body: { ...editable, id: 'other' } });
    expect(id.status).toBe(400);
    expect((id.json as { details: string[] }).details).toEqual(['id: the id of an exhibitor cannot be changed']);
    const sameId = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'beta-university'), { cookie: beta, body: { ...current } });
    expect(sameId.status).toBe(200);
    const logo = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'beta-university'), { cookie: beta, body: { ...editable, logo: 'uploads/alpha-school/logo.png' } });
    expect(logo.status).toBe(400);
    const bad = await call(server.url, 'PUT', ex(API.cabinetExhibitor, 'beta-university'), { cookie: beta, body: { ...editable, colour: 'red', name: '' } });
    expect(bad.status).toBe(400);
    expect((bad.json as { details: string[] }).details).toEqual(
      expect.arrayContaining([expect.stringMatching(/^colour: a colour is "#rrggbb"/), expect.stringMatching(/^name: /)]),
    );
    expect((await server.storage.getExhibitor('beta-university'))!.category).toBe('higher');
  });

  it('saves the interior, which visitors then see; media must be assets or own uploads', async () => {
    const put = await call(server.url, 'PUT', ex(API.cabinetContent, 'beta-university'), { cookie: beta, body: CONTENT });
    expect(put.status).toBe(200);
    expect((await call(server.url, 'GET', ex(API.standContent, 'beta-university'))).json).toEqual(CONTENT);

    const foreign = await call(server.url, 'PUT', ex(API.cabinetContent, 'alpha-school'), { cookie: alpha, body: CONTENT });
    expect(foreign.status).toBe(400);
    expect((foreign.json as { details: string[] }).details).toEqual([expect.stringMatching(/^video\.src: "uploads\/beta-university\/intro\.mp4" is not/)]);

    const dup = await call(server.url, 'PUT', ex(API.cabinetContent, 'beta-university'), {
      cookie: beta,
      body: { ...CONTENT, gallery: [CONTENT.gallery[0], CONTENT.gallery[0]] },
    });
    expect(dup.status).toBe(400);
    expect((dup.json as { details: string[] }).details).toEqual(['gallery.1.id: "lab" is used twice']);

    const invalid = await call(server.url, 'PUT', ex(API.cabinetContent, 'beta-university'), {
      cookie: beta,
      body: { gallery: [{ id: 'X', title: '', image: 'https://evil.example/x.png' }], webinars: [{ id: 'w' }] },
    });
    expect(invalid.status).toBe(400);
    const details = (invalid.json as { details: string[] }).details;
    expect(details).toEqual(expect.arrayContaining([expect.stringMatching(/^gallery\.0\.id: /), expect.stringMatching(/^gallery\.0\.image: /), expect.stringMatching(/^webinars\.0\.kind: /)]));
    expect(await server.storage.getContent('beta-university')).toEqual(CONTENT);
  });
});

describe('leads', () => {
  it('lists newest first, filters, and changes status and note', async () => {
    const a = (await call(server.url, 'POST', ex(API.callback, 'alpha-school'), { body: CALLBACK })).json as LeadAccepted;
    const b = (await call(server.url, 'POST', ex(API.cardForMaterials, 'alpha-school'), { body: CARD })).json as LeadAccepted;
    const list = (await call(server.url, 'GET', ex(API.cabinetLeads, 'alpha-school'), { cookie: alpha })).json as Lead[];
    expect(list.map((l) => l.id)).toEqual([b.id, a.id]);
    const cards = (await call(server.url, 'GET', ex(API.cabinetLeads, 'alpha-school') + '?kind=card', { cookie: alpha })).json as Lead[];
    expect(cards.map((l) => l.id)).toEqual([b.id]);
    expect((await call(server.url, 'GET', ex(API.cabinetLeads, 'alpha-school') + '?status=maybe', { cookie: alpha })).status).toBe(400);

    const patched = await call(server.url, 'PATCH', ex(API.cabinetLead, 'alpha-school', { leadId: a.id }), { cookie: alpha, body: { status: 'called', note: 'перезвонить в пятницу' } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ id: a.id, status: 'called', note: 'перезвонить в пятницу' });
    expect((await server.storage.getLead(a.id))!.status).toBe('called');

    const empty = await call(server.url, 'PATCH', ex(API.cabinetLead, 'alpha-school', { leadId: a.id }), { cookie: alpha, body: {} });
    expect(empty.status).toBe(400);
    expect((empty.json as { details: string[] }).details[0]).toMatch(/nothing to change/);
    const bad = await call(server.url, 'PATCH', ex(API.cabinetLead, 'alpha-school', { leadId: a.id }), { cookie: alpha, body: { status: 'won' } });
    expect(bad.status).toBe(400);
    expect((await call(server.url, 'PATCH', ex(API.cabinetLead, 'alpha-school', { leadId: 'nope' }), { cookie: alpha, body: { status: 'done' } })).status).toBe(404);
    expect((await server.storage.getLead(a.id))!.status).toBe('called');
  });

  it('exports CSV that Excel opens: BOM, CRLF, ";", quoting, Cyrillic intact', async () => {
    const tricky = { ...CALLBACK, name: 'Анна "Кузя" Ли', question: 'Цена; сроки?\nИ второй вопрос, да' };
    const lead = (await call(server.url, 'POST', ex(API.callback, 'gamma-lab'), { body: tricky })).json as LeadAccepted;
    await call(server.url, 'PATCH', ex(API.cabinetLead, 'gamma-lab', { leadId: lead.id }), { cookie: beta, body: { note: '=HYPERLINK("http://x")' } });

    const res = await fetch(server.url + ex(API.cabinetLeadsCsv, 'gamma-lab'), { headers: { cookie: beta } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="leads-gamma-lab-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Анна ""Кузя"" Ли"');
    expect(text).toContain('"Цена; сроки?\nИ второй вопрос, да"');
    const rows = parseCsv(text, { delimiter: ';' });
    const head = rows[0]!.fields;
    expect(head[0]).toBe('Дата (UTC)');
    const row = rows.find((r) => r.fields.includes(lead.id))!.fields;
    const col = (name: string) => row[head.indexOf(name)];
    expect(col('Имя')).toBe('Анна "Кузя" Ли');
    expect(col('Вопрос')).toBe('Цена; сроки?\nИ второй вопрос, да');
    expect(col('Тип')).toBe('обратный звонок');
    expect(col('Телефон')).toBe("'+7 999 123-45-67");
    // A note that looks like a formula is kept as text, not run.
    expect(col('Заметка')).toBe('\'=HYPERLINK("http://x")');
    // Every physical line but those inside quotes ends with CRLF.
    expect(text.split('\r\n').length - 1).toBe(rows.length);
  });
});

describe('live lead events', () => {
  /** Opens the cabinet's event stream and collects "lead" events. */
  async function openStream(cookie: string) {
    const ctrl = new AbortController();
    const res = await fetch(server.url + API.cabinetEvents, { headers: { cookie }, signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let connected = false;
    const events: LeadEvent[] = [];
    const pump = async (until: () => boolean) => {
      const deadline = Date.now() + 3000;
      while (!until()) {
        if (Date.now() > deadline) throw new Error(`stream: timed out; got ${buffer}`);
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.includes(': connected')) connected = true;
          if (block.startsWith('event: lead\n')) events.push(JSON.parse(block.split('\ndata: ')[1]!) as LeadEvent);
        }
      }
    };
    // The first block (": connected") means the server is subscribed.
    await pump(() => connected);
    return { events, pump, close: () => ctrl.abort() };
  }

  it("sends an exhibitor its own new and changed leads as they happen, nobody else's", async () => {
    const s = await openStream(alpha);
    const o = await openStream(org);
    try {
      await call(server.url, 'POST', ex(API.callback, 'beta-university'), { body: CALLBACK });
      const mine = (await call(server.url, 'POST', ex(API.callback, 'alpha-school'), { body: { ...CALLBACK, name: 'Живой Лид' } })).json as LeadAccepted;
      const seen = () => s.events.filter((e) => e.change !== 'mail');
      await s.pump(() => seen().length >= 1);
      expect(seen()[0]!.change).toBe('created');
      expect(seen()[0]!.lead).toMatchObject({ id: mine.id, exhibitorId: 'alpha-school', callback: { name: 'Живой Лид' } });

      await call(server.url, 'PATCH', ex(API.cabinetLead, 'alpha-school', { leadId: mine.id }), { cookie: alpha, body: { status: 'done' } });
      await s.pump(() => seen().length >= 2);
      expect(seen()[1]).toMatchObject({ change: 'updated', lead: { id: mine.id, status: 'done' } });
      expect(s.events.every((e) => e.lead.exhibitorId === 'alpha-school')).toBe(true);

      // Mail-state events of earlier cards may arrive too; the leads themselves come in order.
      const leadsSeen = () => o.events.filter((e) => e.change !== 'mail');
      await o.pump(() => leadsSeen().length >= 3);
      expect(leadsSeen().map((e) => [e.change, e.lead.exhibitorId])).toEqual([
        ['created', 'beta-university'],
        ['created', 'alpha-school'],
        ['updated', 'alpha-school'],
      ]);
    } finally {
      s.close();
      o.close();
    }
  });
});
