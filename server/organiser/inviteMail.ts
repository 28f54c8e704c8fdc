// The invitation e-mail: a link to set a password, in Russian and English. It goes through the
// server's one mailer (server/mail/mailer.ts, sendNotice: SMTP_URL through nodemailer, or the
// development outbox under data/outbox), not a transport of its own. Sent while the organiser
// waits, so the console can say at once whether it went out; a failure is counted on the
// dashboard (invitations.ts) and the organiser resends.
import type { Mailer } from '../mail/types.ts';

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

export function inviteMailer(mailer: Pick<Mailer, 'sendNotice'>): InviteMailer {
  return {
    async send(m) {
      const c = composeInvite(m);
      try {
        const status = await mailer.sendNotice({ to: m.to, subject: c.subject, text: c.text, html: c.html, headers: { 'X-Expo-Invitation': '1' } });
        return { status };
      } catch (e) {
        return { status: 'failed', error: (e instanceof Error ? e.message : String(e)).slice(0, 300) };
      }
    },
    // The shared mailer is closed with the backends (server/backends.ts), not here.
    close() {},
  };
}
