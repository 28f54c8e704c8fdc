// The event bus across processes: every publish is delivered here at once (as the in-memory
// bus does) and sent through Redis PUBLISH to the other processes, which deliver it to their
// own listeners. So a lead posted through one process reaches the cabinet's live feed held by
// another, and a logout closes staff chat connections wherever they are. Payloads are JSON
// (the topics carry plain data); each message names the process it came from, so a process
// never delivers its own message twice.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type BusTopics, EventBus } from '../events/bus.ts';

export const BUS_CHANNEL = 'expo:bus';

interface Envelope {
  from: string;
  topic: string;
  payload: unknown;
}

export class RedisBus<Topics extends object = BusTopics> extends EventBus<Topics> {
  private readonly self = randomUUID();
  private readonly subscribed: Promise<unknown>;

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly log: (line: string) => void,
    private readonly channel = BUS_CHANNEL,
  ) {
    super();
    this.subscribed = sub.subscribe(channel);
    sub.on('message', (ch: string, text: string) => {
      if (ch === this.channel) this.receive(text);
    });
  }

  /** Resolves once messages of other processes arrive here. */
  async ready(): Promise<void> {
    await this.subscribed;
  }

  override publish<K extends keyof Topics>(topic: K, payload: Topics[K]): void {
    super.publish(topic, payload);
    const envelope: Envelope = { from: this.self, topic: String(topic), payload };
    this.pub.publish(this.channel, JSON.stringify(envelope)).catch((e: unknown) => {
      this.log(`[bus] "${String(topic)}" did not reach the other processes: ${String(e)}`);
    });
  }

  private receive(text: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      this.log('[bus] dropped a message that is not JSON');
      return;
    }
    if (envelope.from === this.self) return;
    super.publish(envelope.topic as keyof Topics, envelope.payload as Topics[keyof Topics]);
  }

  async close(): Promise<void> {
    await this.sub.unsubscribe(this.channel).catch(() => {});
  }
}
