// Announcements (issue 17): a message in both languages to every visitor, one floor or the
// viewers of one event, as a banner or a toast, now or at a time, until an end time. Stored
// first (recorded), then delivered live by the process that took it: at its start it is told to
// the floor rooms (SERVER_MSG.announcement) or the event's Q&A rooms, in every process
// (eventRooms.ts), and rooms tell it again to a client that joins while it shows; pages loaded
// later read GET /api/announcements/current. Other processes learn of it from the store within
// REFRESH_MS, for their joiners and pages (their own timers never deliver it a second time).
import { randomUUID } from 'node:crypto';
import type { Me } from '../../shared/accounts.ts';
import { type Announcement, type AnnouncementBody, announcementApplies } from '../../shared/organiser.ts';
import { SERVER_MSG } from '../../shared/protocol.ts';
import { liveFloorRooms } from '../presence/roomRegistry.ts';
import type { Storage } from '../storage/storage.ts';
import { audit } from './audit.ts';
import { tellFloorRoomsElsewhere } from './eventRooms.ts';
import { fairHooks } from './fairHooks.ts';

/** How often scheduled announcements are checked for their start. */
const TICK_MS = 1000;
/** How often the store is read for announcements other processes took. */
const REFRESH_MS = 5000;

export class Announcements {
  /** Not ended yet, by start; loaded at start, kept in step with every one created. */
  private live: Announcement[] = [];
  private readonly delivered = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private refresher: NodeJS.Timeout | undefined;
  private refreshing = false;
  /** Being created here: a refresh meanwhile must not adopt it as another process's. */
  private readonly taking = new Set<string>();

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = () => Date.now(),
    private readonly log: (line: string) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.live = await this.storage.listAnnouncements(new Date(this.now()).toISOString());
    // Already showing when the process started: rooms greet joiners with them; no broadcast.
    for (const a of this.live) if (Date.parse(a.startsAt) <= this.now()) this.delivered.add(a.id);
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    this.refresher = setInterval(() => void this.refresh(), REFRESH_MS);
    this.refresher.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.refresher) clearInterval(this.refresher);
  }

  /** Adopts announcements another process took (delivered by that process, not here). */
  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const stored = await this.storage.listAnnouncements(new Date(this.now()).toISOString());
      // After the read: one created here meanwhile is either listed or still being taken.
      const known = new Set(this.live.map((a) => a.id));
      const added = stored.filter((a) => !known.has(a.id) && !this.taking.has(a.id));
      if (added.length === 0) return;
      for (const a of added) this.delivered.add(a.id);
      this.live = [...this.live, ...added].sort((x, y) => x.startsAt.localeCompare(y.startsAt));
    } catch (e) {
      this.log(`[organiser] announcements not re-read: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.refreshing = false;
    }
  }

  async create(me: Me, body: AnnouncementBody): Promise<Announcement> {
    const now = this.now();
    const a: Announcement = {
      id: randomUUID(),
      audience: body.audience,
      style: body.style,
      text: body.text,
      startsAt: new Date(body.startsAt ? Date.parse(body.startsAt) : now).toISOString(),
      endsAt: new Date(Date.parse(body.endsAt)).toISOString(),
      createdAt: new Date(now).toISOString(),
      createdBy: me.id,
    };
    if (Date.parse(a.endsAt) <= now) throw new Error('the end is in the past');
    this.taking.add(a.id);
    try {
      await this.storage.addAnnouncement(a);
      // Listed before the audit write: the announcement is stored, so it is this process's to deliver.
      this.live = [...this.live, a].sort((x, y) => x.startsAt.localeCompare(y.startsAt));
    } finally {
      this.taking.delete(a.id);
    }
    await audit(this.storage, me, 'announcement.create', a.id, `${a.audience.kind}${a.audience.kind === 'floor' ? ` ${a.audience.floorId}` : a.audience.kind === 'event' ? ` ${a.audience.eventId}` : ''}: ${a.text.en}`);
    this.tick();
    return a;
  }

  /** Showing now to a page on this floor or watching this event. */
  current(where: { floorId?: string; eventId?: string }): Announcement[] {
    const now = this.now();
    return this.live.filter((a) => announcementApplies(a, now, where));
  }

  /** Every announcement not ended yet (the console's list). */
  upcoming(): Announcement[] {
    const now = this.now();
    return this.live.filter((a) => Date.parse(a.endsAt) > now);
  }

  private tick(): void {
    const now = this.now();
    this.live = this.live.filter((a) => Date.parse(a.endsAt) > now);
    for (const a of this.live) {
      if (this.delivered.has(a.id) || Date.parse(a.startsAt) > now) continue;
      this.delivered.add(a.id);
      this.deliver(a);
    }
  }

  private deliver(a: Announcement): void {
    if (a.audience.kind === 'event') {
      fairHooks().deliverToEventViewers(a);
      return;
    }
    for (const [room, floorId] of liveFloorRooms()) {
      if (a.audience.kind === 'all' || a.audience.floorId === floorId) room.tell(SERVER_MSG.announcement, a);
    }
    void tellFloorRoomsElsewhere(a, this.log).catch((e: unknown) => this.log(`[organiser] announcement ${a.id}: ${String(e)}`));
  }
}
