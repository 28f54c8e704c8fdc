// The invitation e-mail: a link to set a password, in Russian and English, sent like every
// other mail of the server (SMTP_URL through nodemailer, or the development outbox under
// data/outbox without it; server/mail/outbox.ts). Sent while the organiser waits, so the
// console can say at once whether it went out; a failure is counted on the dashboard.
import nodemailer from 'nodemailer';
import { writeToOutbox } from '../mail/outbox.ts';

export interface InviteMailOptions {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
}

export interface InviteMessage {
  to: { name: string; address: string };
  link: string;
  expiresAt: string;
  invitedBy: string;
}

export type InviteMailResult = { status: 'sent' | 'outbox' } | { status: 'failed'; error: string };

export interface InviteMailer {
  send(message: InviteMessage): Promise<InviteMailResult>;
  close(): void;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function composeInvite(m: InviteMessage): { subject: string; text: string; html: string } {
  const until = new Date(m.expiresAt).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const subject = 'Приглашение в кабинет экспонента / Your exhibitor cabinet invitation';
  const text = [
    `${m.to.name}, ${m.invitedBy} приглашает вас в кабинет экспонента выставки.`,
    `Задайте пароль по ссылке (действует до ${until}, один раз):`,
    m.link,
    '',
    `${m.to.name}, ${m.invitedBy} invites you to the fair's exhibitor cabinet.`,
    `Set your password with this link (valid once, until ${until}):`,
    m.link,
  ].join('\n');
  const a = `<a href="${escapeHtml(m.link)}">${escapeHtml(m.link)}</a>`;
  const html =
    `<p>${escapeHtml(m.to.name)}, ${escapeHtml(m.invitedBy)} приглашает вас в кабинет экспонента выставки.</p>` +
    `<p>Задайте пароль по ссылке (действует до ${until}, один раз):<br>${a}</p><hr>` +
    `<p>${escapeHtml(m.to.name)}, ${escapeHtml(m.invitedBy)} invites you to the fair's exhibitor cabinet.</p>` +
    `<p>Set your password with this link (valid once, until ${until}):<br>${a}</p>`;
  return { subject, text, html };
}

export function inviteMailer(opts: InviteMailOptions): InviteMailer {
  const transport = opts.smtpUrl
    ? nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(m) {
      const c = composeInvite(m);
      const message = { from: opts.from, to: m.to, subject: c.subject, text: c.text, html: c.html, headers: { 'X-Expo-Invitation': '1' } };
      try {
        const info = await transport.sendMail(message);
        if (opts.smtpUrl) return { status: 'sent' };
        const raw = (info as { message?: unknown }).message;
        if (!Buffer.isBuffer(raw)) throw new Error('the outbox transport produced no message');
        await writeToOutbox(opts.outboxDir, raw, { to: `${m.to.name} <${m.to.address}>`, subject: c.subject, text: c.text, html: c.html });
        return { status: 'outbox' };
      } catch (e) {
        return { status: 'failed', error: (e instanceof Error ? e.message : String(e)).slice(0, 300) };
      }
    },
    close() {
      transport.close();
    },
  };
}
