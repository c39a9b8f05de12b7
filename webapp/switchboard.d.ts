// Type declarations for switchboard.js (the global `Switchboard`) and switchboard.esm.js.

export type State = 'connecting' | 'connected' | 'disconnected' | 'closed';

export interface Envelope<P = any> {
  type: string;
  message_id: string;
  timestamp: string;
  sender_id: string | null;
  payload: P;
}

export interface Established {
  connection_id: string;
  user_id: string;
  groups: string[];
  expires_at: string | null;
  server_time: string;
  limits: {
    max_message_size: number;
    message_queue_depth: number;
    max_rooms_per_connection: number;
    max_room_id_length: number;
    rate_limit: number;
    rate_window_seconds: number;
  };
  heartbeat: { interval_seconds: number; timeout_seconds: number };
  idle_timeout_seconds: number;
}

export interface StateDetail {
  code?: number | null;
  reason?: string;
  meaning?: string;
  /** Milliseconds until the next attempt; null: waits for a call that needs the connection. */
  delayMs?: number | null;
  /** Epoch milliseconds of the next attempt. */
  retryAt?: number | null;
  attempt?: number;
  error?: SwitchboardError;
}

export interface ClientOptions {
  url?: string;
  token?: string | null;
  getToken?: () => Promise<string | null> | string | null;
  tokenTransport?: 'subprotocol' | 'query';
  reconnect?: { minDelayMs?: number; maxDelayMs?: number };
  requestTimeoutMs?: number;
  publishTimeoutMs?: number;
  queueLimit?: number;
  WebSocket?: typeof WebSocket;
  random?: () => number;
}

export interface Position {
  epoch: string;
  seq: number;
}

export interface MessageMeta {
  seq: number;
  epoch: string;
  senderId: string;
  senderConnectionId: string;
  messageId: string;
  timestamp: string;
  replayed: boolean;
}

export interface Gap {
  reason: 'epoch_changed' | 'history_trimmed' | 'unknown_position' | 'sequence';
  stream: Position;
}

export interface PresenceUser {
  userId: string;
  connections: number;
}

export interface TypingEvent {
  userId: string | null;
  typing: boolean;
  reason: 'stopped' | 'expired' | 'disconnected' | null;
}

export interface Ack {
  seq: number;
  epoch: string;
  duplicate: boolean;
  messageId: string;
}

export interface ReconnectRule {
  final?: boolean;
  kind?: 'backoff' | 'slow' | 'immediate' | 'drain' | 'rateWindow' | 'whenNeeded';
  refreshToken?: boolean;
  why?: string;
}

export class SwitchboardError extends Error {
  constructor(code: string, message?: string, details?: object);
  code: string;
  refMessageId?: string | null;
  retryAfterMs?: number;
  maybeDelivered?: boolean;
}

export class Unauthorized extends Error {
  constructor(message?: string);
}

declare class Emitter {
  on(type: string, handler: (...args: any[]) => void): () => void;
  off(type: string, handler: (...args: any[]) => void): void;
}

export class Room extends Emitter {
  readonly id: string;
  wanted: boolean;
  joined: boolean;
  position: Position | null;
  users: Map<string, number>;
  memberCount: number;
  userCount: number;
  largeRoom: boolean;
  typingUsers: Set<string>;
  on(type: 'message', handler: (message: any, meta: MessageMeta) => void): () => void;
  on(type: 'gap', handler: (gap: Gap) => void): () => void;
  on(type: 'presence', handler: (users: PresenceUser[]) => void): () => void;
  on(type: 'typing', handler: (event: TypingEvent, typingUserIds: string[]) => void): () => void;
  on(type: 'occupancy', handler: (counts: { memberCount: number; userCount: number }) => void): () => void;
  on(type: 'joined' | 'left' | 'member.joined' | 'member.left', handler: (payload: any) => void): () => void;
  join(): Promise<any>;
  leave(): Promise<any>;
  publish(message: any, options?: { excludeSender?: boolean }): Promise<Ack>;
  members(): Promise<any>;
  typing(): void;
  stopTyping(): void;
  presence(): PresenceUser[];
}

export class Client extends Emitter {
  constructor(options?: ClientOptions);
  readonly state: State;
  readonly identity: Established | null;
  readonly attempt: number;
  readonly pingsAnswered: number;
  token: string | null;
  on(type: 'state', handler: (state: State, detail: StateDetail) => void): () => void;
  on(type: 'connected', handler: (established: Established) => void): () => void;
  on(type: 'disconnected', handler: (info: { code: number; reason: string; meaning: string; final: boolean }) => void): () => void;
  on(type: 'direct', handler: (message: any, meta: { senderId: string; senderConnectionId: string; messageId: string; timestamp: string }) => void): () => void;
  on(type: 'announcement' | 'draining' | 'token', handler: (payload: any) => void): () => void;
  on(type: 'error', handler: (error: SwitchboardError) => void): () => void;
  on(type: 'frame' | 'sent', handler: (envelope: Envelope, text: string) => void): () => void;
  on(type: string, handler: (envelope: Envelope) => void): () => void;
  connect(): Promise<Established>;
  disconnect(): void;
  reconnectNow(): void;
  room(id: string, options?: { history?: number }): Room;
  direct(target: { userId?: string; connectionId?: string }, message: any): Promise<{ messageId: string }>;
  presence(userId: string): Promise<{ user_id: string; online: boolean; connections: number }>;
  send(type: string, payload?: object): string;
}

export function hubUrl(location?: Location | URL): string;
export function uuid(): string;
export function tokenExpiry(token: string | null): number | null;
export const CLOSE_CODES: Readonly<Record<number, string>>;
export const RECONNECT_POLICY: Readonly<Record<number, ReconnectRule>>;
export const SUBPROTOCOL: 'switchboard.v1';

declare const Switchboard: {
  Client: typeof Client;
  Room: typeof Room;
  SwitchboardError: typeof SwitchboardError;
  Unauthorized: typeof Unauthorized;
  hubUrl: typeof hubUrl;
  uuid: typeof uuid;
  tokenExpiry: typeof tokenExpiry;
  CLOSE_CODES: typeof CLOSE_CODES;
  RECONNECT_POLICY: typeof RECONNECT_POLICY;
  SUBPROTOCOL: typeof SUBPROTOCOL;
};
export default Switchboard;

declare global {
  interface Window {
    Switchboard: typeof Switchboard;
  }
}
