// Typed messaging for our Colyseus rooms: each room declares its protocol (shared/protocol.ts:
// message name → payload, both directions, plus the answers of requests), and these helpers
// make `send` and `on` check names and payloads against it, so rooms need no casts and a
// misspelt name or a wrong payload is a compile error. Also the join-time protocol check.
import { type Client, type Room, ServerError } from '@colyseus/core';
import type { z } from 'zod';
import { JOIN_ERRORS, protocolOutdated } from '../../shared/protocol.ts';

/** One room's protocol: what clients send, what requests answer, what the room sends. */
export interface RoomProtocol {
  client: object;
  replies: object;
  server: object;
}

/** What a handler of message K returns: the request's answer, or nothing for plain messages. */
export type ReplyOf<P extends RoomProtocol, K> = K extends keyof P['replies'] ? P['replies'][K] : void;

export type SchemasOf<C> = { readonly [K in keyof C]: z.ZodType<C[K]> };

/** Runs before a message is parsed: a flooding or kicked client's messages stop here. */
export type Admit = (client: Client, type: string) => { pass: true } | { pass: false; reply?: unknown };

export interface InboundPolicy {
  admit: Admit;
  /** A payload its schema refused (or an unknown name): the answer for requests. */
  invalid(client: Client, type: string, why: string): unknown;
}

/** The outgoing half: sends checked against the room's server → client map. */
export class TypedSender<Out extends object> {
  constructor(protected readonly room: Room) {}

  /** Sends one message to one client. */
  sendTo<K extends keyof Out & string>(client: Client, type: K, payload: Out[K]): void {
    client.send(type, payload);
  }

  /** Sends one message to every client of the room (but `except`). */
  broadcast<K extends keyof Out & string>(type: K, payload: Out[K], except?: Client[]): void {
    this.room.broadcast(type, payload, except && except.length > 0 ? { except } : undefined);
  }
}

/** Both halves: typed sends, and typed handlers behind the room's admission policy. */
export class TypedRoom<P extends RoomProtocol> extends TypedSender<P['server']> {
  constructor(
    room: Room,
    private readonly schemas: SchemasOf<P['client']>,
    private readonly policy: InboundPolicy,
  ) {
    super(room);
    // Anything outside the protocol is dropped through the policy, never thrown.
    room.onMessage('*', (client: Client, type: unknown) => {
      if (policy.admit(client, String(type)).pass) policy.invalid(client, String(type), `unknown message "${String(type)}"`);
    });
  }

  /**
   * Handles message K: admitted by the policy, parsed by its schema, then given to the handler
   * typed. What the handler returns answers a request (`room.request` on the client).
   */
  onTyped<K extends keyof P['client'] & string>(
    type: K,
    handler: (client: Client, msg: P['client'][K]) => ReplyOf<P, K> | Promise<ReplyOf<P, K>>,
  ): void {
    const schema = this.schemas[type];
    this.room.onMessage(type, (client: Client, payload: unknown) => {
      const gate = this.policy.admit(client, type);
      if (!gate.pass) return gate.reply;
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return this.policy.invalid(client, type, `malformed "${type}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return handler(client, parsed.data);
    });
  }
}

/** Refuses a join from a page older than PROTOCOL_VERSION (call first thing in onAuth). */
export function refuseOutdated(options: unknown): void {
  if (protocolOutdated(options)) throw new ServerError(JOIN_ERRORS.protocolOutdated.code, JOIN_ERRORS.protocolOutdated.message);
}
