// The materials e-mail itself: subject, plain text and HTML for one business-card lead. Pure
// (no transport, no clock), so the wording can be checked without sending anything. Names and
// titles come from visitors and exhibitors: everything put into HTML goes through escapeHtml.
import type { Contacts } from '../../shared/exhibitor.ts';
import type { Material } from '../../shared/standContent.ts';
import type { MaterialsMail } from './types.ts';

export interface ComposedMail {
  to: { name: string; address: string };
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Header values must stay on one line whatever a visitor typed. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

/** «Name» in Russian quotes, unless the name brings its own («Тёплый дом», "Alpha"). */
export function quoted(name: string): string {
  return /[«»"“”„]/.test(name) ? name : `«${name}»`;
}

function origin(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** Absolute link to a stand file: media paths are server-relative ("assets/..", "uploads/.."). */
export function materialUrl(baseUrl: string, material: Pick<Material, 'file'>): string {
  return `${origin(baseUrl)}/${material.file}`;
}

/** The stand in the hall (standPath from the caller), or the hall itself when it is unknown. */
export function standUrl(mail: MaterialsMail): string {
  const path = mail.standPath && mail.standPath.startsWith('/') ? mail.standPath : '/';
  return origin(mail.baseUrl) + path;
}

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
};

function typeLabel(m: Material): string {
  return TYPE_LABELS[m.type] ?? m.file.split('.').pop()?.toUpperCase() ?? 'файл';
}

/** Russian size notation with a decimal comma: "840 КБ", "2,4 МБ". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} КБ`;
  const mb = bytes / (1024 * 1024);
  return `${(mb < 10 ? mb.toFixed(1) : Math.round(mb).toString()).replace('.', ',')} МБ`;
}

interface ContactLine {
  label: string;
  text: string;
  href?: string;
}

function contactLines(c: Contacts): ContactLine[] {
  const lines: ContactLine[] = [];
  // Only web links become links: a "javascript:" site must stay inert text.
  if (c.site) lines.push({ label: 'Сайт', text: c.site, href: /^https?:\/\//i.test(c.site) ? c.site : undefined });
  if (c.email) lines.push({ label: 'E-mail', text: c.email, href: `mailto:${c.email}` });
  if (c.phone) lines.push({ label: 'Телефон', text: c.phone, href: `tel:${c.phone.replace(/[^+0-9]/g, '')}` });
  if (c.address) lines.push({ label: 'Адрес', text: c.address });
  return lines;
}

export function composeMaterialsMail(mail: MaterialsMail): ComposedMail {
  const card = mail.lead.card;
  if (!card) throw new Error(`lead ${mail.lead.id} has no business card to send the materials to`);
  const exhibitor = mail.exhibitor;
  const materials = mail.content.materials;
  const contacts = contactLines(exhibitor.contacts);
  const stand = standUrl(mail);
  const name = quoted(exhibitor.name);
  const subject = oneLine(`Материалы стенда ${name}`);

  const text = [
    `Здравствуйте, ${oneLine(card.name)}!`,
    '',
    `Спасибо, что заглянули на стенд ${name} на виртуальной выставке.`,
    materials.length > 0
      ? 'Вы просили прислать материалы стенда — вот они:'
      : 'У стенда пока нет файлов для скачивания; экспонент получил вашу визитку и свяжется с вами.',
    '',
    ...materials.flatMap((m, i) => [`${i + 1}. ${oneLine(m.title)} (${typeLabel(m)}, ${formatSize(m.size)})`, `   ${materialUrl(mail.baseUrl, m)}`]),
    ...(materials.length > 0 ? [''] : []),
    `Стенд на выставке: ${stand}`,
    ...(contacts.length > 0 ? ['', `Контакты ${name}:`, ...contacts.map((c) => `${c.label}: ${c.text}`)] : []),
    '',
    'Вы получили это письмо, потому что оставили визитку на стенде и попросили прислать материалы;',
    'ваша визитка передана экспоненту. Ответ на это письмо придёт экспоненту.',
    '',
    '—',
    `Hello! Here are the materials of the ${exhibitor.name} stand you asked for at the virtual exhibition.`,
    '',
  ].join('\n');

  const e = escapeHtml;
  const link = (href: string, label: string) => `<a href="${e(href)}" style="color:#1a56db">${e(label)}</a>`;
  const materialItems = materials
    .map(
      (m) =>
        `<li style="margin:0 0 8px">${link(materialUrl(mail.baseUrl, m), m.title)} ` +
        `<span style="color:#5b6472">(${e(typeLabel(m))}, ${e(formatSize(m.size))})</span></li>`,
    )
    .join('\n');
  const contactItems = contacts
    .map((c) => `<li>${e(c.label)}: ${c.href ? link(c.href, c.text) : e(c.text)}</li>`)
    .join('\n');

  const html = `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6fa;font:16px/1.5 Arial,Helvetica,sans-serif;color:#1f2733">
<div style="max-width:600px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<p style="margin-top:0">Здравствуйте, ${e(card.name)}!</p>
<p>Спасибо, что заглянули на стенд ${e(name)} на виртуальной выставке.
${materials.length > 0 ? 'Вы просили прислать материалы стенда — вот они:' : 'У стенда пока нет файлов для скачивания; экспонент получил вашу визитку и свяжется с вами.'}</p>
${materials.length > 0 ? `<ul style="padding-left:20px">\n${materialItems}\n</ul>` : ''}
<p>${link(stand, 'Открыть стенд на выставке')}</p>
${contacts.length > 0 ? `<h2 style="font-size:16px;margin:24px 0 8px">Контакты ${e(name)}</h2>\n<ul style="padding-left:20px;margin-top:0">\n${contactItems}\n</ul>` : ''}
<p style="color:#5b6472;font-size:13px">Вы получили это письмо, потому что оставили визитку на стенде и попросили прислать материалы; ваша визитка передана экспоненту. Ответ на это письмо придёт экспоненту.</p>
<p lang="en" style="color:#5b6472;font-size:13px">Hello! Here are the materials of the ${e(exhibitor.name)} stand you asked for at the virtual exhibition.</p>
</div>
</body>
</html>
`;

  return {
    to: { name: oneLine(card.name), address: card.email },
    replyTo: exhibitor.contacts.email,
    subject,
    text,
    html,
  };
}
