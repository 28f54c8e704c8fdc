// "My programme"'s part of the server, built in one call: the event ledger kept in step with
// the programme, e-mail reminders (one scheduler over the fair clock) loaded from storage and
// re-timed on every reload, and the HTTP router. app.ts mounts the router and closes it.
import type { Router } from 'express';
import type { FairClock } from '../../shared/programme/clock.ts';
import type { EventBus } from '../events/bus.ts';
import type { Limits } from '../limits.ts';
import type { Mailer } from '../mail/types.ts';
import type { Storage } from '../storage/storage.ts';
import type { VisitorIds } from '../visitors/visitorId.ts';
import { EmailReminders } from './emailReminders.ts';
import { type EventLedger, startEventLedger } from './eventLedgerSync.ts';
import { TRANSFER_PAGE, myProgrammeApi } from './myProgrammeApi.ts';
import type { ProgrammeStore } from './programmeStore.ts';

export interface MyProgrammeServer {
  router: Router;
  reminders: EmailReminders;
  ledger: EventLedger;
  close(): Promise<void>;
}

export interface MyProgrammeOptions {
  storage: Storage;
  programme: ProgrammeStore;
  clock: FairClock;
  mailer: Mailer;
  visitors: VisitorIds;
  limits: Limits;
  /** Tells the other processes (REDIS_URL) whose programme changed, so their reminders follow. */
  bus: EventBus;
  /** Origin for links in e-mail: PUBLIC_URL, else the address the server listens on. */
  mailBaseUrl: () => string;
  log: (line: string) => void;
  /** Tests: quicker retries of a failed reminder e-mail. */
  reminderRetryDelaysMs?: readonly number[];
}

export async function startMyProgramme(o: MyProgrammeOptions): Promise<MyProgrammeServer> {
  const ledger = await startEventLedger(o.storage, o.programme, o.log);
  const link = (path: string) => new URL(path, o.mailBaseUrl().replace(/\/*$/, '/')).toString();
  const reminders = new EmailReminders({
    storage: o.storage,
    programme: {
      event: (id) => o.programme.event(id),
      clusterTitle: (id) => o.programme.programme?.clusters.find((c) => c.id === id)?.title.ru ?? id,
      timeZone: () => o.programme.programme?.meta.timeZone ?? 'UTC',
    },
    clock: o.clock,
    mailer: o.mailer,
    eventUrl: (id) => link(`programme/${encodeURIComponent(id)}`),
    myProgrammeUrl: () => link(TRANSFER_PAGE.slice(1)),
    log: o.log,
    retryDelaysMs: o.reminderRetryDelaysMs,
  });
  await reminders.start();
  const stop = o.programme.onChange((change) => {
    if (change.changed) reminders.programmeChanged();
  });
  // A change made through any process (this one too): read back from the shared store, one
  // read after another per visitor, so the last read applied is never older than the last change.
  const following = new Map<string, Promise<void>>();
  const stopBus = o.bus.on('myProgramme', ({ visitorId }) => {
    const next = (following.get(visitorId) ?? Promise.resolve())
      .then(() => o.storage.visitorProgramme(visitorId))
      .then(
        (record) => reminders.visitorChanged(visitorId, record),
        (e: unknown) => o.log(`[reminders] could not follow a change of a visitor's programme: ${e instanceof Error ? e.message : String(e)}`),
      );
    following.set(visitorId, next);
    void next.finally(() => {
      if (following.get(visitorId) === next) following.delete(visitorId);
    });
  });
  const router = myProgrammeApi({
    storage: o.storage,
    programme: o.programme,
    ledger,
    visitors: o.visitors,
    limits: o.limits,
    changed: (id, record) => {
      reminders.visitorChanged(id, record);
      o.bus.publish('myProgramme', { visitorId: id });
    },
    now: () => Date.now(),
  });
  return {
    router,
    reminders,
    ledger,
    async close() {
      stop();
      stopBus();
      ledger.close();
      await reminders.close();
    },
  };
}
