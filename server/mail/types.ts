// The mail contract the HTTP layer uses; server/mail/mailer.ts implements it with nodemailer.
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Lead } from '../../shared/leads.ts';
import type { StandContent } from '../../shared/standContent.ts';

export interface MaterialsMail {
  lead: Lead;
  exhibitor: Exhibitor;
  content: StandContent;
  /** Absolute origin for links in the e-mail, e.g. "http://127.0.0.1:3000". */
  baseUrl: string;
  /** Client path of the stand (viewUrl of a 'stand' view, "/floor/school/stand/sc-a11"); else the hall's home. */
  standPath?: string;
}

/** A message composed by its sender: plain text and HTML, one recipient. */
export interface NoticeMail {
  to: { name?: string; address: string };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  /**
   * Queues the materials e-mail for a business-card lead and returns at once. Delivery (SMTP
   * or the development outbox), retries and failures are recorded on the lead (setLeadMail)
   * and announced to the exhibitor's cabinet; the lead itself is already stored.
   */
  sendMaterials(mail: MaterialsMail): void;
  /**
   * Sends one composed message through the same transport (SMTP, or the development outbox)
   * and resolves with where it went; rejects when this attempt failed (the caller retries).
   * Programme reminders use it (server/programme/emailReminders.ts).
   */
  sendNotice(mail: NoticeMail): Promise<'sent' | 'outbox'>;
  /** Waits for queued deliveries (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Which process sends a lead's mail when several run (server/redis/mailLease.ts): a process
 * sends only the leads whose lease it acquired. Without one, this process sends every lead.
 */
export interface MailLease {
  /** True when this process now owns the lead's mail (nobody else holds it, nor finished it lately). */
  acquire(leadId: string): Promise<boolean>;
  /** The job ended (sent or given up): nobody takes the lead up again for a while. */
  finish(leadId: string): Promise<void>;
  /** The job was dropped unfinished (this process is stopping): another may take it at once. */
  release(leadId: string): Promise<void>;
  close(): void;
}
