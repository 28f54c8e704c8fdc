// The client's side of a room's typed protocol (shared/protocol.ts): a thin wrapper over an
// @colyseus/sdk Room whose send, request and onMessage check names and payloads against the
// room's maps, so a net module needs no casts and cannot send what the server does not take.
import type { Room } from '@colyseus/sdk';
import {
  type ChatClientMessages,
  type ChatReplies,
  type ChatServerMessages,
  type FloorClientMessages,
  type FloorReplies,
  type FloorServerMessages,
  JOIN_ERRORS,
} from '../../../shared/protocol.ts';

/** One room's protocol, as the client sees it. */
export interface ClientProtocol {
  client: object;
  replies: object;
  server: object;
}

export interface FloorProtocol extends ClientProtocol {
  client: FloorClientMessages;
  replies: FloorReplies;
  server: FloorServerMessages;
}

export interface ChatProtocol extends ClientProtocol {
  client: ChatClientMessages;
  replies: ChatReplies;
  server: ChatServerMessages;
}

export class TypedRoom<P extends ClientProtocol> {
  constructor(readonly room: Room) {}

  send<K extends keyof P['client'] & string>(type: K, payload: P['client'][K]): void {
    this.room.send(type, payload);
  }

  /** A request: the server handler's return value, typed by the room's reply map. */
  request<K extends keyof P['client'] & keyof P['replies'] & string>(type: K, payload: P['client'][K], options?: { timeout?: number }): Promise<P['replies'][K]> {
    return this.room.request<P['client'][K], P['replies'][K]>(type, payload, options);
  }

  /** Subscribes to one server message; returns the unsubscribe. */
  onMessage<K extends keyof P['server'] & string>(type: K, handler: (payload: P['server'][K]) => void): () => void {
    return this.room.onMessage<P['server'][K]>(type, handler);
  }
}

export function floorRoom(room: Room): TypedRoom<FloorProtocol> {
  return new TypedRoom<FloorProtocol>(room);
}

export function chatRoom(room: Room): TypedRoom<ChatProtocol> {
  return new TypedRoom<ChatProtocol>(room);
}

/** Whether a failed join means "this page is out of date": the UI asks for a reload. */
export function isOutdatedPage(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === JOIN_ERRORS.protocolOutdated.code;
}
