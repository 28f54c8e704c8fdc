// The organisers' console, assembled: counters fed by the rooms (fairHooks) and the bus,
// invitations with their mail, announcements with their schedule, and the HTTP API.
// server/app.ts starts it once and closes it with the server.
import path from 'node:path';
import type { Router } from 'express';
import type { ServerConfig } from '../config.ts';
import { DEFAULT_MAIL_FROM } from '../config.ts';
import type { EventBus } from '../events/bus.ts';
import type { LevelStore } from '../levels/levelStore.ts';
import { StandAnalyticsService } from '../services/analytics.ts';
import type { Storage } from '../storage/storage.ts';
import { Announcements } from './announcements.ts';
import { FairCounters } from './fairCounters.ts';
import { setFairHooks } from './fairHooks.ts';
import { inviteMailer } from './inviteMail.ts';
import { Invitations } from './invitations.ts';
import { organiserApi } from './organiserApi.ts';
import { OverviewService } from './overview.ts';

/** Stand analytics that also count into the fair's totals (stand visits per exhibitor). */
export class CountedStandAnalytics extends StandAnalyticsService {
  constructor(
    store: Storage,
    private readonly counters: FairCounters,
  ) {
    super(store);
  }

  override record(...args: Parameters<StandAnalyticsService['record']>): Promise<void> {
    if (args[1].kind === 'visit') this.counters.standVisit(args[0]);
    return super.record(...args);
  }
}

export interface Organiser {
  counters: FairCounters;
  analytics: StandAnalyticsService;
  announcements: Announcements;
  /** Needs the levels (loaded after the storage); mounted by app.ts. */
  router(levels: LevelStore, ownUrl: () => string): Router;
  close(): Promise<void>;
}

export async function startOrganiser(config: ServerConfig, storage: Storage, bus: EventBus, log: (line: string) => void): Promise<Organiser> {
  const counters = new FairCounters({ store: storage, log, flushMs: 5000 });
  const announcements = new Announcements(storage);
  await announcements.start();
  const unhook = setFairHooks({
    visitorJoined: (floorId, visitorId) => counters.visitorJoined(floorId, visitorId),
    visitorLeft: (floorId) => counters.visitorLeft(floorId),
    announcementsFor: (floorId) => announcements.current({ floorId }),
  });
  const stopLeads = bus.on('lead', (e) => {
    if (e.change === 'created') counters.lead(e.lead.exhibitorId);
    if (e.change === 'mail' && e.lead.mail?.status === 'failed') counters.mailFailed();
  });
  const mail = inviteMailer({ smtpUrl: config.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox'), from: config.mailFrom ?? DEFAULT_MAIL_FROM });
  return {
    counters,
    analytics: new CountedStandAnalytics(storage, counters),
    announcements,
    router(levels, ownUrl) {
      const invitations = new Invitations({ storage, mail, counters, baseUrl: () => config.publicUrl ?? ownUrl() });
      return organiserApi({ storage, bus, levels, levelsDir: config.levelsDir, invitations, announcements, overview: new OverviewService(storage, counters) });
    },
    async close() {
      unhook();
      stopLeads();
      announcements.stop();
      mail.close();
      await counters.close();
    },
  };
}
