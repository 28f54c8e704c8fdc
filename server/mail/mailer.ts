// The materials e-mail queue: nodemailer over SMTP (SMTP_URL), or, in the embedded default,
// the development outbox under data/outbox. Every attempt is recorded on the lead
// (storage.setLeadMail) and announced through onLeadChanged, so the exhibitor's cabinet shows
// queued → sent / outbox / failed live; the lead itself is stored before and kept either way.
//
// The queue lives in memory. A lead whose mail is still "queued" when the process stops is
// picked up again on the next start by resumeQueuedMail (call it once after the server listens).
// With several processes, a lease per lead (MailerOptions.lease) lets exactly one send it.
import nodemailer from 'nodemailer';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Lead, MailState } from '../../shared/leads.ts';
import type { Storage } from '../storage/storage.ts';
import { composeMaterialsMail } from './materialsMessage.ts';
import { writeToOutbox } from './outbox.ts';
import { type AttemptOutcome, RetryQueue } from './retryQueue.ts';
import type { MailLease, Mailer, MaterialsMail, NoticeMail } from './types.ts';

/** Waits before the 2nd..5th attempt: quick for a blip, patient for a restarting relay. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000];

export interface MailerOptions {
  /** "smtp://user:pass@host:587", "smtps://..."; query options too ("?ignoreTLS=true"). */
  smtpUrl?: string;
  /** Used when there is no smtpUrl. */
  outboxDir: string;
  /** Only the lead's mail state is written; a full Storage fits. */
  storage: Pick<Storage, 'setLeadMail'>;
  from: string;
  log: (line: string) => void;
  onLeadChanged?: (lead: Lead) => void;
  /** Override the backoff (tests use a few milliseconds). */
  retryDelaysMs?: readonly number[];
  /** Deliveries in flight at once (default 2). */
  concurrency?: number;
  /** Several processes: only the holder of a lead's lease sends it. */
  lease?: MailLease;
}

interface Job {
  mail: MaterialsMail;
  /** Attempts made before this process took the job (a resumed lead keeps its count). */
  priorAttempts: number;
}

/** A reason retrying cannot fix; the lead goes straight to "failed". */
class PermanentMailError extends Error {}

function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentMailError) return true;
  // SMTP 5xx is a permanent refusal (no such mailbox, policy); 4xx and network errors are not.
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 500) || 'unknown error';
}

function formatDelay(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

export function createMailer(opts: MailerOptions): Mailer {
  const viaSmtp = Boolean(opts.smtpUrl);
  const transport = opts.smtpUrl
    ? nodemailer.createTransport({
        url: opts.smtpUrl,
        // A dead relay must fail an attempt in bounded time, not hang the queue.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  /**
   * Leads being delivered now: resumeQueuedMail at start and a card arriving at the same
   * moment may both hand over the same "queued" lead; it goes out once.
   */
  const active = new Set<string>();

  async function record(lead: Lead, mail: MailState): Promise<void> {
    try {
      const updated = await opts.storage.setLeadMail(lead.id, mail);
      if (updated) opts.onLeadChanged?.(updated);
      else opts.log(`[mail] lead ${lead.id} is gone; its mail state was not recorded`);
    } catch (err) {
      opts.log(`[mail] could not record the mail state of lead ${lead.id}: ${describeError(err)}`);
    }
  }

  async function deliver(job: Job): Promise<void> {
    let composed;
    try {
      composed = composeMaterialsMail(job.mail);
    } catch (err) {
      throw new PermanentMailError(describeError(err));
    }
    const message = {
      from: opts.from,
      to: composed.to,
      replyTo: composed.replyTo,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      headers: { 'X-Expo-Lead': job.mail.lead.id },
    };
    if (viaSmtp) {
      await transport.sendMail(message);
      return;
    }
    const info = await transport.sendMail(message);
    const raw = (info as { message?: unknown }).message;
    if (!Buffer.isBuffer(raw)) throw new Error('the outbox transport produced no message');
    await writeToOutbox(opts.outboxDir, raw, {
      to: `${composed.to.name} <${composed.to.address}>`,
      subject: composed.subject,
      leadId: job.mail.lead.id,
      text: composed.text,
      html: composed.html,
    });
  }

  async function settled(job: Job, outcome: AttemptOutcome): Promise<void> {
    const lead = job.mail.lead;
    const attempts = job.priorAttempts + outcome.attempt;
    const updatedAt = new Date().toISOString();
    if (outcome.ok || outcome.retryInMs === undefined) {
      active.delete(lead.id);
      await opts.lease?.finish(lead.id).catch((e: unknown) => opts.log(`[mail] lead ${lead.id}: could not mark its mail done: ${describeError(e)}`));
    }
    if (outcome.ok) {
      opts.log(`[mail] materials for lead ${lead.id} ${viaSmtp ? 'sent' : 'written to the outbox'} (attempt ${attempts})`);
      await record(lead, { status: viaSmtp ? 'sent' : 'outbox', attempts, updatedAt });
      return;
    }
    const lastError = describeError(outcome.error);
    if (outcome.retryInMs !== undefined) {
      opts.log(`[mail] lead ${lead.id}: attempt ${attempts} failed (${lastError}); retrying in ${formatDelay(outcome.retryInMs)}`);
      await record(lead, { status: 'queued', attempts, lastError, updatedAt });
    } else {
      opts.log(`[mail] lead ${lead.id}: giving up after attempt ${attempts}: ${lastError}`);
      await record(lead, { status: 'failed', attempts, lastError, updatedAt });
    }
  }

  const queue = new RetryQueue<Job>({
    delaysMs: delays,
    concurrency: opts.concurrency ?? 2,
    attempt: (job) => deliver(job),
    isPermanent,
    settled,
  });
  let closed = false;
  async function owned(leadId: string): Promise<boolean> {
    try {
      return await opts.lease!.acquire(leadId);
    } catch (e) {
      // Redis away: sending twice is better than never; the lead's state still says what happened.
      opts.log(`[mail] lead ${leadId}: could not take its lease (${describeError(e)}); sending anyway`);
      return true;
    }
  }
  /** Jobs whose first "queued" write is still under way (idle() must wait for them too). */
  const starting = new Set<Promise<void>>();

  return {
    sendMaterials(mail) {
      if (closed) {
        opts.log(`[mail] mailer closed; lead ${mail.lead.id} stays queued for the next start`);
        return;
      }
      if (active.has(mail.lead.id)) return;
      active.add(mail.lead.id);
      const resumed = mail.lead.mail?.status === 'queued';
      const job: Job = { mail, priorAttempts: resumed ? (mail.lead.mail?.attempts ?? 0) : 0 };
      const start = (async () => {
        // Another process holds this lead (or has just finished it): it is not ours to send.
        if (opts.lease && !(await owned(mail.lead.id))) {
          active.delete(mail.lead.id);
          return;
        }
        // Record "queued" first, so a crash before delivery still leaves the lead resumable.
        if (!resumed) await record(mail.lead, { status: 'queued', attempts: 0, updatedAt: new Date().toISOString() });
        queue.push(job);
      })();
      starting.add(start);
      void start.finally(() => starting.delete(start));
    },
    async sendNotice(mail: NoticeMail) {
      if (closed) throw new Error('the mailer is closed');
      const message = { from: opts.from, to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers };
      const info = await transport.sendMail(message);
      if (viaSmtp) return 'sent';
      const raw = (info as { message?: unknown }).message;
      if (!Buffer.isBuffer(raw)) throw new Error('the outbox transport produced no message');
      await writeToOutbox(opts.outboxDir, raw, { to: mail.to.name ? `${mail.to.name} <${mail.to.address}>` : mail.to.address, subject: mail.subject, text: mail.text, html: mail.html });
      return 'outbox';
    },
    async idle() {
      while (starting.size > 0) await Promise.all([...starting]);
      await queue.idle();
    },
    async close() {
      closed = true;
      await Promise.all([...starting]);
      await queue.close();
      // Unfinished jobs are free for another process at once, not after the lease runs out.
      await Promise.all([...active].map((id) => opts.lease?.release(id).catch(() => {})));
      transport.close();
    },
  };
}

export interface ResumeSources {
  storage: Pick<Storage, 'listExhibitors' | 'listLeads' | 'getContent'>;
  baseUrl: string;
  /** Client path of a lead's stand (from the floors' directory), if it can be found. */
  standPath?: (lead: Lead, exhibitor: Exhibitor) => string | undefined;
}

/**
 * Re-queues the business cards whose materials e-mail was still "queued" when the process
 * stopped (the queue is in memory). Call once after start; returns how many were re-queued.
 */
export async function resumeQueuedMail(mailer: Mailer, src: ResumeSources): Promise<number> {
  let count = 0;
  for (const exhibitor of await src.storage.listExhibitors()) {
    const queued = (await src.storage.listLeads(exhibitor.id)).filter((l) => l.kind === 'card' && l.mail?.status === 'queued');
    if (queued.length === 0) continue;
    const content = await src.storage.getContent(exhibitor.id);
    for (const lead of queued.reverse()) {
      mailer.sendMaterials({ lead, exhibitor, content, baseUrl: src.baseUrl, standPath: src.standPath?.(lead, exhibitor) });
      count++;
    }
  }
  return count;
}
