// The organisers' console, assembled: counters fed by the rooms (fairHooks) and the bus, summed
// across processes through the Colyseus presence (fairShares.ts, eventRooms.ts), invitations
// through the server's one mailer, announcements with their schedule, and the HTTP API.
// server/app.ts starts it once and closes it with the server.
import type { Presence } from '@colyseus/core';
import type { Router } from 'express';
import type { ServerConfig } from '../config.ts';
import type { EventBus } from '../events/bus.ts';
import type { LevelStore } from '../levels/levelStore.ts';
import type { Mailer } from '../mail/types.ts';
import { StandAnalyticsService } from '../services/analytics.ts';
import type { Storage } from '../storage/storage.ts';
import { Announcements } from './announcements.ts';
import { FairCounters } from './fairCounters.ts';
import { setFairHooks } from './fairHooks.ts';
import { FairShares } from './fairShares.ts';
import { eventDuty, eventViewersReader, tellEventRooms } from './eventRooms.ts';
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
  /** Needs the levels (loaded after the storage) and the programme's events; mounted by app.ts. */
  router(levels: LevelStore, ownUrl: () => string, eventExists?: (eventId: string) => boolean): Router;
  close(): Promise<void>;
}

export interface OrganiserParts {
  /** The server's one mailer: invitations go out through it like every other mail. */
  mailer: Mailer;
  /** Colyseus presence (Redis with REDIS_URL): where per-process counts add up. */
  presence: Presence;
}

export async function startOrganiser(config: ServerConfig, storage: Storage, bus: EventBus, log: (line: string) => void, parts: OrganiserParts): Promise<Organiser> {
  const counters = new FairCounters({ store: storage, log, flushMs: 5000 });
  const shares = new FairShares(parts.presence, () => counters.visitorsNow(), { log });
  const eventViewers = eventViewersReader(parts.presence);
  const announcements = new Announcements(storage, undefined, log);
  await announcements.start();
  const unhook = setFairHooks({
    visitorJoined: (floorId, visitorId) => counters.visitorJoined(floorId, visitorId),
    visitorLeft: (floorId) => counters.visitorLeft(floorId),
    moderated: (kind) => counters.moderated(kind),
    announcementsFor: (floorId) => announcements.current({ floorId }),
    deliverToEventViewers: (a) => {
      if (a.audience.kind === 'event') void tellEventRooms(a.audience.eventId, a, log).catch((e: unknown) => log(`[organiser] announcement ${a.id}: ${String(e)}`));
    },
  });
  const stopLeads = bus.on('lead', (e) => {
    if (e.change === 'created') counters.lead(e.lead.exhibitorId);
    if (e.change === 'mail' && e.lead.mail?.status === 'failed') counters.mailFailed();
  });
  const mail = inviteMailer(parts.mailer);
  return {
    counters,
    analytics: new CountedStandAnalytics(storage, counters),
    announcements,
    router(levels, ownUrl, eventExists = () => true) {
      const invitations = new Invitations({ storage, mail, counters, baseUrl: () => config.publicUrl ?? ownUrl() });
      return organiserApi({ storage, bus, levels, levelsDir: config.levelsDir, eventExists, invitations, announcements, overview: new OverviewService(storage, counters, { visitorsNow: () => shares.visitorsNow(), eventViewers, eventDuty: () => eventDuty(log) }) });
    },
    async close() {
      unhook();
      stopLeads();
      announcements.stop();
      mail.close();
      await shares.close();
      await counters.close();
    },
  };
}
