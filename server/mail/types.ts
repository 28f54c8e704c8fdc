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

export interface Mailer {
  /**
   * Queues the materials e-mail for a business-card lead and returns at once. Delivery (SMTP
   * or the development outbox), retries and failures are recorded on the lead (setLeadMail)
   * and announced to the exhibitor's cabinet; the lead itself is already stored.
   */
  sendMaterials(mail: MaterialsMail): void;
  /** Waits for queued deliveries (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}
