// Announcements (issue 17): a message in both languages to every visitor, one floor or the
// viewers of one event, as a banner or a toast, now or at a time, until an end time. Stored
// first (recorded), then delivered live: at its start it is told to the floor rooms of this
// process (SERVER_MSG.announcement), and rooms tell it again to a client that joins while it
// shows; pages loaded later read GET /api/announcements/current.
import { randomUUID } from 'node:crypto';
import type { Me } from '../../shared/accounts.ts';
import { type Announcement, type AnnouncementBody, announcementApplies } from '../../shared/organiser.ts';
import { SERVER_MSG } from '../../shared/protocol.ts';
import { liveFloorRooms } from '../presence/roomRegistry.ts';
import type { Storage } from '../storage/storage.ts';
import { audit } from './audit.ts';
import { fairHooks } from './fairHooks.ts';

/** How often scheduled announcements are checked for their start. */
const TICK_MS = 1000;

export class Announcements {
  /** Not ended yet, by start; loaded at start, kept in step with every one created. */
  private live: Announcement[] = [];
  private readonly delivered = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async start(): Promise<void> {
    this.live = await this.storage.listAnnouncements(new Date(this.now()).toISOString());
    // Already showing when the process started: rooms greet joiners with them; no broadcast.
    for (const a of this.live) if (Date.parse(a.startsAt) <= this.now()) this.delivered.add(a.id);
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
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
    await this.storage.addAnnouncement(a);
    await audit(this.storage, me, 'announcement.create', a.id, `${a.audience.kind}${a.audience.kind === 'floor' ? ` ${a.audience.floorId}` : a.audience.kind === 'event' ? ` ${a.audience.eventId}` : ''}: ${a.text.en}`);
    this.live = [...this.live, a].sort((x, y) => x.startsAt.localeCompare(y.startsAt));
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
  }
}
