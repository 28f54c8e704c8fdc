// E-mail reminders before starred programme events, for visitors who left an address with
// consent. Every (visitor, event) reminder is one entry of one ReminderScheduler (one timer
// per process). The index follows the visitors' changes (stars, settings) and programme
// reloads (a moved event moves its reminders); when one falls due, storage is read again and
// decides: still starred, still an address, not started yet, and the sent mark (once per
// visitor, event and start, across processes and restarts) taken by this call. Reminders that
// fell due while the server was down go out at start, as long as the event has not begun.
import type { FairClock } from '../../shared/programme/clock.ts';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import { MINUTE, windowOf } from '../../shared/programme/time.ts';
import type { Mailer } from '../mail/types.ts';
import type { VisitorProgrammeRecord, VisitorProgrammeStore } from '../storage/visitorProgrammeStore.ts';
import { composeReminderMail } from './reminderMessage.ts';
import { type Due, ReminderScheduler, type Timers } from './reminderScheduler.ts';

export interface EmailRemindersOptions {
  storage: VisitorProgrammeStore;
  programme: { event(id: string): ProgrammeEvent | undefined; clusterTitle(id: string): string; timeZone(): string };
  clock: FairClock;
  mailer: Pick<Mailer, 'sendNotice'>;
  /** Absolute links for the e-mail. */
  eventUrl(eventId: string): string;
  myProgrammeUrl(): string;
  log: (line: string) => void;
  /** Waits before the 2nd.. attempts of a failed send (default 1 s, 5 s, 30 s). */
  retryDelaysMs?: readonly number[];
  timers?: Timers;
}

interface Watched {
  leadMinutes: number;
  events: Set<string>;
}

const keyOf = (visitorId: string, eventId: string) => `${visitorId}\n${eventId}`;

export class EmailReminders {
  private readonly scheduler: ReminderScheduler;
  /** Visitors with an address: their lead time and starred events. */
  private readonly watched = new Map<string, Watched>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  /** Reminders sent by this process (tests, the log). */
  sent = 0;

  constructor(private readonly o: EmailRemindersOptions) {
    this.scheduler = new ReminderScheduler(o.clock, (due) => this.fire(due), o.timers);
  }

  /** Loads every visitor with an address and stars from storage. */
  async start(): Promise<void> {
    const all = await this.o.storage.visitorsWithReminderEmail();
    this.scheduler.setMany(all.flatMap(({ visitorId, record }) => this.follow(visitorId, record)));
  }

  get scheduled(): number {
    return this.scheduler.size;
  }

  /** The visitor's record changed (stars, reminder settings, a transfer): reschedule them. */
  visitorChanged(visitorId: string, record: VisitorProgrammeRecord): void {
    if (this.closed) return;
    this.scheduler.setMany(this.follow(visitorId, record));
  }

  /** The programme was reloaded: every reminder is re-timed from its event's start now. */
  programmeChanged(): void {
    if (this.closed) return;
    const changes: [string, number | null][] = [];
    for (const [visitorId, w] of this.watched) for (const eventId of w.events) changes.push([keyOf(visitorId, eventId), this.dueOf(eventId, w.leadMinutes)]);
    this.scheduler.setMany(changes);
  }

  /** Resolves when no send is under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.scheduler.close();
    await this.idle();
  }

  /** The (key, due) changes that make the index match this visitor's record. */
  private follow(visitorId: string, record: VisitorProgrammeRecord): [string, number | null][] {
    const before = this.watched.get(visitorId);
    const changes: [string, number | null][] = [];
    const now = record.reminders.email !== null ? new Set(record.starred.map((s) => s.eventId)) : new Set<string>();
    for (const eventId of before?.events ?? []) if (!now.has(eventId)) changes.push([keyOf(visitorId, eventId), null]);
    if (now.size === 0) {
      this.watched.delete(visitorId);
      return changes;
    }
    const lead = record.reminders.leadMinutes;
    this.watched.set(visitorId, { leadMinutes: lead, events: now });
    for (const eventId of now) changes.push([keyOf(visitorId, eventId), this.dueOf(eventId, lead)]);
    return changes;
  }

  /** When to send: `lead` minutes before the start; null once the event has begun (too late to remind). */
  private dueOf(eventId: string, leadMinutes: number): number | null {
    const e = this.o.programme.event(eventId);
    if (!e) return null;
    const { start } = windowOf(e);
    return this.o.clock.now() >= start ? null : start - leadMinutes * MINUTE;
  }

  private fire(due: Due[]): void {
    for (const d of due) {
      const [visitorId, eventId] = d.key.split('\n') as [string, string];
      const p = this.deliver(visitorId, eventId).catch((e: unknown) =>
        this.o.log(`[reminders] ${eventId}: ${e instanceof Error ? e.message : String(e)}`),
      );
      this.inFlight.add(p);
      void p.finally(() => this.inFlight.delete(p));
    }
  }

  private async deliver(visitorId: string, eventId: string): Promise<void> {
    const record = await this.o.storage.visitorProgramme(visitorId);
    const event = this.o.programme.event(eventId);
    const email = record.reminders.email;
    if (!event || email === null || !record.starred.some((s) => s.eventId === eventId)) return;
    const { start } = windowOf(event);
    const now = this.o.clock.now();
    if (now >= start) return;
    // Another process changed the lead time since we scheduled: follow the stored one.
    const dueAt = start - record.reminders.leadMinutes * MINUTE;
    if (dueAt > now) {
      this.visitorChanged(visitorId, record);
      return;
    }
    if (!(await this.o.storage.markReminderSent(visitorId, { eventId, startMs: start, at: now }))) return;
    const mail = composeReminderMail({
      to: email,
      event,
      clusterTitle: this.o.programme.clusterTitle(event.cluster),
      timeZone: this.o.programme.timeZone(),
      minutesBefore: Math.max(1, Math.round((start - now) / MINUTE)),
      eventUrl: this.o.eventUrl(eventId),
      myProgrammeUrl: this.o.myProgrammeUrl(),
    });
    const delays = this.o.retryDelaysMs ?? [1_000, 5_000, 30_000];
    for (let attempt = 0; ; attempt++) {
      try {
        const where = await this.o.mailer.sendNotice(mail);
        this.sent++;
        this.o.log(`[reminders] ${eventId}: reminder ${where === 'sent' ? 'sent' : 'written to the outbox'}`);
        return;
      } catch (e) {
        const wait = delays[attempt];
        // A reminder after the start is no reminder: stop trying then.
        if (wait === undefined || this.closed || this.o.clock.now() + wait >= start) throw e;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }
}
