/**
 * switchboard.js: the browser client of the Switchboard hub. One file, no build step, no dependency.
 *
 * - As a plain script it defines `window.Switchboard` (`<script src="switchboard.js"></script>`).
 * - As an ES module: `import { Client } from './switchboard.esm.js'` (which imports this file for its
 *   effect and re-exports its names); `import './switchboard.js'` alone also defines the global.
 * - In Node (the unit tests) `require('./switchboard.js')` returns the same object.
 *
 *   const hub = new Switchboard.Client({ getToken: () => fetchMyToken() });
 *   hub.on('state', (state, detail) => render(state, detail));
 *   await hub.connect();                          // connection.established's payload
 *   const room = hub.room('lobby', { history: 20 });
 *   room.on('message', (message, meta) => show(message, meta.senderId, meta.seq));
 *   room.on('gap', (gap) => refetch(gap.reason));
 *   await room.join();
 *   const ack = await room.publish({ type: 'chat', text: 'hi' });   // {seq, epoch, duplicate, messageId}
 *
 * What it guarantees, with the hub's help (docs/client.md has the details and the tables):
 * - it reconnects by itself, with a delay chosen by the close code (RECONNECT_POLICY) and full jitter;
 * - after a reconnect every joined room is joined again with `since`, so a room message missed while
 *   disconnected is delivered (meta.replayed) or reported as a `gap`; none is delivered twice;
 * - a publish() is retried across reconnects with the same message_id until its ack, so the room gets it once;
 * - the token travels as the `bearer.<token>` subprotocol and is refreshed through getToken() on
 *   `auth.expiring`, and before a reconnect that needs a new one.
 */
(function (global, factory) {
  'use strict';
  const Switchboard = factory(global);
  if (typeof module === 'object' && module.exports) module.exports = Switchboard;
  global.Switchboard = Switchboard;
})(typeof globalThis !== 'undefined' ? globalThis : this, function (global) {
  'use strict';

  /** The subprotocol the hub answers; offered on every connection. */
  const SUBPROTOCOL = 'switchboard.v1';

  /** What each close code means, for status lines. */
  const CLOSE_CODES = Object.freeze({
    1000: 'normal closure',
    1001: 'going away (server draining or restarting)',
    1005: 'no status code',
    1006: 'connection lost',
    1008: 'refused: token or origin not accepted',
    1009: 'message too big',
    1011: 'internal server error',
    1013: 'server full, try again later',
    4000: 'heartbeat timeout',
    4001: 'idle timeout',
    4002: 'slow consumer',
    4003: 'token expired',
    4004: 'rate limit abuse',
    4005: 'too many connections for this user',
    4006: 'disconnected by an operator',
  });

  /**
   * The reconnect policy by close code, from docs/protocol.md's close-code table. `final` codes end
   * the client (state 'closed'); the others reconnect after the delay `kind` names:
   * - 'backoff': full jitter between minDelayMs and min(maxDelayMs, minDelayMs * 2^attempt);
   * - 'slow': the same from at least 1 s, capped at 30 s (the hub's advice for 1013 and 4002);
   * - 'immediate': 0-250 ms of jitter; 'drain': the `retry_after_ms` of `server.draining`, else 1-10 s;
   * - 'rateWindow': one full `limits.rate_window_seconds`; 'whenNeeded': only when rooms or sends wait.
   * `refreshToken`: call getToken() before reconnecting.
   */
  const RECONNECT_POLICY = Object.freeze({
    1000: { final: true, why: 'a normal closure is asked for, never imposed' },
    1001: { kind: 'drain' },
    1005: { kind: 'backoff' },
    1006: { kind: 'backoff' },
    1008: { kind: 'backoff', refreshToken: true, why: 'the token was refused; final without getToken' },
    1009: { kind: 'immediate', why: 'the oversized frame is not sent again' },
    1011: { kind: 'backoff' },
    1013: { kind: 'slow' },
    4000: { kind: 'immediate' },
    4001: { kind: 'whenNeeded' },
    4002: { kind: 'slow', why: 'frames were lost: rooms rejoin with since' },
    4003: { kind: 'immediate', refreshToken: true, why: 'the token expired; final without getToken' },
    4004: { kind: 'rateWindow' },
    4005: { final: true, why: 'the user holds too many connections: retrying cannot succeed until another closes' },
    4006: { kind: 'backoff' },
  });

  /** Error codes after which a publish is retried rather than rejected. */
  const RETRIED = new Set(['rate_limited', 'not_a_member', 'internal_error']);

  /** A rejection or refusal: `code` is a protocol error code or one of the client's own. */
  class SwitchboardError extends Error {
    /**
     * @param {string} code e.g. 'forbidden', 'timeout', 'queue_full', 'closed', 'unauthorized'
     * @param {string} message
     * @param {Object} [details] refMessageId, retryAfterMs, maybeDelivered
     */
    constructor(code, message, details) {
      super(message || code);
      this.name = 'SwitchboardError';
      this.code = code;
      Object.assign(this, details || {});
    }
  }

  /** Thrown (or rejected) by getToken() to say there is no token to be had: the client closes. */
  class Unauthorized extends Error {
    constructor(message) {
      super(message || 'unauthorized');
      this.name = 'Unauthorized';
    }
  }

  /**
   * The hub's WebSocket URL for a page served by the hub's WAR: same host and context path, `/ws`.
   * @param {Location|URL} [loc=window.location]
   * @returns {string}
   */
  function hubUrl(loc) {
    const where = loc || global.location;
    const scheme = where.protocol === 'https:' ? 'wss:' : 'ws:';
    const contextPath = where.pathname.replace(/[^/]*$/, '');
    return scheme + '//' + where.host + contextPath + 'ws';
  }

  /** A random version 4 UUID, also outside secure contexts. @returns {string} */
  function uuid() {
    const crypto = global.crypto;
    if (crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const b = new Uint8Array(16);
    if (crypto && crypto.getRandomValues) crypto.getRandomValues(b);
    else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /**
   * A token's `exp` in epoch milliseconds, read without verifying (only to schedule), or null.
   * @param {?string} token
   * @returns {?number}
   */
  function tokenExpiry(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = typeof atob === 'function' ? atob(part) : Buffer.from(part, 'base64').toString('binary');
      const exp = JSON.parse(json).exp;
      return typeof exp === 'number' ? exp * 1000 : null;
    } catch (e) {
      return null;
    }
  }

  /** A tiny event emitter: one failing handler never stops the others. */
  class Emitter {
    constructor() {
      /** @private */
      this.handlers = new Map();
    }

    /**
     * @param {string} type
     * @param {Function} handler
     * @returns {Function} removes the handler
     */
    on(type, handler) {
      if (!this.handlers.has(type)) this.handlers.set(type, new Set());
      this.handlers.get(type).add(handler);
      return () => this.off(type, handler);
    }

    /** @param {string} type @param {Function} handler */
    off(type, handler) {
      const set = this.handlers.get(type);
      if (set) set.delete(handler);
    }

    /** @protected */
    emit(type, ...args) {
      const set = this.handlers.get(type);
      if (!set) return;
      for (const handler of Array.from(set)) {
        try {
          handler(...args);
        } catch (e) {
          if (global.console) global.console.error('Switchboard handler for ' + type + ' failed', e);
        }
      }
    }
  }

  /**
   * One room as this client sees it. Events: 'message' (message, meta {seq, epoch, senderId,
   * senderConnectionId, messageId, timestamp, replayed}), 'gap' ({reason, stream}), 'presence'
   * (users: Array<{userId, connections}>), 'typing' ({userId, typing, reason}, typingUserIds),
   * 'joined' (room.joined payload), 'left' (room.left payload), 'occupancy' ({memberCount, userCount}),
   * 'member.joined' / 'member.left' (payload).
   */
  class Room extends Emitter {
    /** @param {Client} hub @param {string} id @param {{history?: number}} options */
    constructor(hub, id, options) {
      super();
      /** @private */
      this.hub = hub;
      this.id = id;
      this.options = Object.assign({}, options);
      /** Wanted by the application: rejoined after every reconnect until leave(). */
      this.wanted = false;
      /** Joined on the current connection. */
      this.joined = false;
      /** The last room message delivered: where a rejoin resumes. @type {?{epoch: string, seq: number}} */
      this.position = null;
      /** user_id -> number of connections. @type {Map<string, number>} */
      this.users = new Map();
      this.memberCount = 0;
      this.userCount = 0;
      this.largeRoom = false;
      /** user_id of the members typing now. @type {Set<string>} */
      this.typingUsers = new Set();
      /** @private replayed frames still to come after the last room.joined */
      this.replayLeft = 0;
      /** @private */
      this.joinWaiters = [];
      /** @private */
      this.typingState = { lastStart: 0, idleTimer: null };
    }

    /**
     * Joins the room (and keeps it joined across reconnects). Resolves with the room.joined payload
     * once the replay it announced has been delivered. The first join asks for `history`; later
     * ones (after a reconnect) give `since`.
     * @returns {Promise<Object>}
     */
    join() {
      this.wanted = true;
      const promise = new Promise((resolve, reject) => this.joinWaiters.push({ resolve, reject }));
      if (this.joined && this.replayLeft === 0) {
        this.settleJoin(null, this.lastJoined);
      } else if (this.hub.state === 'connected' && !this.joinSent) {
        this.hub.sendJoin(this);
      } else if (this.hub.state !== 'connected') {
        this.hub.wake();
      }
      return promise;
    }

    /**
     * Leaves the room; it is no longer rejoined. Resolves with the room.left payload (or at once
     * when not connected).
     * @returns {Promise<?Object>}
     */
    leave() {
      this.wanted = false;
      this.position = null;
      this.stopTyping();
      if (!this.joined || this.hub.state !== 'connected') {
        this.joined = false;
        return Promise.resolve(null);
      }
      return this.hub.request('room.leave', { room_id: this.id }, 'room.left', (p) => p.room_id === this.id);
    }

    /**
     * Publishes a message to every member. Sent once the room is joined; on a dropped connection it
     * is sent again with the same message_id after the rejoin, so the room gets it once.
     * @param {*} message any JSON value but null
     * @param {{excludeSender?: boolean}} [options]
     * @returns {Promise<{seq: number, epoch: string, duplicate: boolean, messageId: string}>}
     */
    publish(message, options) {
      if (message === null || message === undefined) {
        return Promise.reject(new SwitchboardError('invalid_payload', 'a message must not be null'));
      }
      this.stopTyping();
      return this.hub.publish(this, message, options || {});
    }

    /**
     * The room's users now, from the hub (also refreshes `users` with connection counts).
     * @returns {Promise<Object>} the room.members payload
     */
    members() {
      return this.hub
        .request('room.members', { room_id: this.id }, 'room.members', (p) => p.room_id === this.id)
        .then((payload) => {
          this.applyRoster(payload);
          return payload;
        });
    }

    /**
     * Call on every keystroke: sends `typing.start` at most every 2 s (the hub coalesces and expires
     * indicators after 3 s), and `typing.stop` after 3 s without a call or on publish. Typing frames
     * are never queued: while disconnected they are dropped.
     */
    typing() {
      const now = Date.now();
      const state = this.typingState;
      if (now - state.lastStart >= 2000) {
        state.lastStart = now;
        this.hub.sendEphemeral('typing.start', { room_id: this.id });
      }
      this.hub.clear(state.idleTimer);
      state.idleTimer = this.hub.later(() => this.stopTyping(), 3000);
    }

    /** Says the user stopped typing, if a `typing.start` was sent. */
    stopTyping() {
      const state = this.typingState;
      this.hub.clear(state.idleTimer);
      state.idleTimer = null;
      if (state.lastStart) {
        state.lastStart = 0;
        this.hub.sendEphemeral('typing.stop', { room_id: this.id });
      }
    }

    /** @returns {Array<{userId: string, connections: number}>} */
    presence() {
      return Array.from(this.users, ([userId, connections]) => ({ userId, connections }));
    }

    /** @private */
    applyRoster(payload) {
      this.users = new Map((payload.users || []).map((u) => [u.user_id, u.connections]));
      this.memberCount = payload.member_count;
      this.userCount = payload.user_count;
      this.largeRoom = Boolean(payload.large_room);
      this.emit('presence', this.presence());
    }

    /** @private */
    settleJoin(error, payload) {
      const waiters = this.joinWaiters;
      this.joinWaiters = [];
      for (const w of waiters) error ? w.reject(error) : w.resolve(payload);
    }
  }

  /**
   * A connection to the hub that reconnects by itself. Events:
   * - 'state' (state, detail): 'connecting' | 'connected' | 'disconnected' | 'closed'; detail of
   *   'disconnected' is {code, reason, meaning, delayMs, retryAt, attempt} (delayMs null: waits for a
   *   call), of 'closed' {code, reason, error};
   * - 'connected' (connection.established payload), 'disconnected' ({code, reason, meaning, final});
   * - 'direct' (message, {senderId, senderConnectionId, messageId}), 'announcement' (payload),
   *   'draining' (payload), 'token' (auth.refreshed payload), 'error' (SwitchboardError not tied to
   *   a pending call), 'flow.slow' and every other wire type (envelope);
   * - 'frame' (envelope, text) for every frame in, 'sent' (envelope, text) out (tokens redacted).
   */
  class Client extends Emitter {
    /**
     * @param {Object} [options]
     * @param {string} [options.url] the hub's /ws URL; default {@link hubUrl}()
     * @param {?string} [options.token] the first token
     * @param {function(): Promise<?string>} [options.getToken] a fresh token; null or Unauthorized ends the client
     * @param {'subprotocol'|'query'} [options.tokenTransport='subprotocol']
     * @param {{minDelayMs?: number, maxDelayMs?: number}} [options.reconnect] default 500 and 30000
     * @param {number} [options.requestTimeoutMs=10000] answer deadline of join, leave, members, presence
     * @param {number} [options.publishTimeoutMs=45000] publish deadline, under the hub's 60 s dedup window
     * @param {number} [options.queueLimit=100] calls held while disconnected; past it calls are rejected
     * @param {Function} [options.WebSocket] the WebSocket class (tests inject a fake)
     * @param {function(): number} [options.random] Math.random by default
     */
    constructor(options) {
      super();
      const o = Object.assign({}, options);
      this.url = o.url || hubUrl();
      this.token = o.token || null;
      this.getToken = o.getToken || null;
      this.tokenTransport = o.tokenTransport || 'subprotocol';
      const r = o.reconnect || {};
      this.minDelayMs = r.minDelayMs != null ? r.minDelayMs : 500;
      this.maxDelayMs = r.maxDelayMs != null ? r.maxDelayMs : 30000;
      this.requestTimeoutMs = o.requestTimeoutMs || 10000;
      this.publishTimeoutMs = o.publishTimeoutMs || 45000;
      this.queueLimit = o.queueLimit != null ? o.queueLimit : 100;
      this.WebSocketClass = o.WebSocket || global.WebSocket;
      this.random = o.random || Math.random;
      /** @type {'connecting'|'connected'|'disconnected'|'closed'} */
      this.state = 'disconnected';
      /** connection.established's payload while connected. */
      this.identity = null;
      /** Reconnect attempts since the last established connection. */
      this.attempt = 0;
      this.pingsAnswered = 0;
      /** @type {Map<string, Room>} */
      this.rooms = new Map();
      /** @private outgoing calls waiting for a connection (or their room), oldest first */
      this.queue = [];
      /** @private message_id -> publish waiting for its ack */
      this.publishes = new Map();
      /** @private answers matched by type and payload */
      this.waiting = [];
      this.socket = null;
      this.retryTimer = null;
      this.livenessTimer = null;
      this.drainDelayMs = null;
      this.started = false;
      this.connectWaiters = [];
      if (typeof global.addEventListener === 'function') {
        global.addEventListener('online', () => this.reconnectNow());
      }
    }

    /**
     * Connects (and keeps reconnecting). Resolves with connection.established's payload of the first
     * connection; rejects when the client closes first (a final close code, no token).
     * @returns {Promise<Object>}
     */
    connect() {
      if (this.state === 'connected') return Promise.resolve(this.identity);
      const promise = new Promise((resolve, reject) => this.connectWaiters.push({ resolve, reject }));
      this.started = true;
      if (this.state === 'closed' || (this.state === 'disconnected' && !this.socket)) {
        this.clear(this.retryTimer);
        this.open(false);
      }
      return promise;
    }

    /** Closes for good (1000): no reconnect; waiting calls are rejected with code 'closed'. */
    disconnect() {
      this.started = false;
      this.clear(this.retryTimer);
      const socket = this.socket;
      this.detach();
      if (socket) socket.close(1000, 'client disconnect');
      this.finish(1000, 'client disconnect', new SwitchboardError('closed', 'the client disconnected'));
    }

    /**
     * The room `id` (one object per id). Nothing is sent until join().
     * @param {string} id
     * @param {{history?: number}} [options] history: messages to replay on the first join
     * @returns {Room}
     */
    room(id, options) {
      let room = this.rooms.get(id);
      if (!room) {
        room = new Room(this, id, options);
        this.rooms.set(id, room);
      }
      return room;
    }

    /**
     * Sends a direct message to a user (all their connections) or one connection. Resolves with
     * {messageId} once sent; a later `target_not_found` is an 'error' event quoting that id.
     * @param {{userId?: string, connectionId?: string}} target
     * @param {*} message
     * @returns {Promise<{messageId: string}>}
     */
    direct(target, message) {
      const payload = { message: message };
      if (target.connectionId) payload.connection_id = target.connectionId;
      else payload.user_id = target.userId;
      return this.enqueue({ type: 'message.direct', payload, messageId: uuid() });
    }

    /**
     * Whether a user is online on this node.
     * @param {string} userId
     * @returns {Promise<{user_id: string, online: boolean, connections: number}>}
     */
    presence(userId) {
      return this.request('presence.query', { user_id: userId }, 'presence.state', (p) => p.user_id === userId);
    }

    /**
     * Sends one frame of any type now, or throws when not connected (the escape hatch of the old client).
     * @returns {string} its message_id
     */
    send(type, payload) {
      if (this.state !== 'connected') throw new SwitchboardError('not_connected', 'not connected');
      const messageId = uuid();
      this.write(type, payload || {}, messageId);
      return messageId;
    }

    // ------------------------------------------------------------------ connection lifecycle

    /** @private opens a socket, fetching a token first when one is needed */
    async open(refreshToken) {
      this.setState('connecting', { attempt: this.attempt });
      let token = this.token;
      const exp = tokenExpiry(token);
      if (this.getToken && (refreshToken || !token || (exp !== null && exp - Date.now() < 5000))) {
        try {
          token = await this.getToken();
        } catch (e) {
          if (e instanceof Unauthorized) return this.finish(null, 'unauthorized', new SwitchboardError('unauthorized', e.message));
          if (this.state !== 'connecting' || !this.started) return;
          return this.scheduleReconnect({ code: null, reason: 'getToken failed' }, this.backoff(false));
        }
        if (!token) return this.finish(null, 'unauthorized', new SwitchboardError('unauthorized', 'getToken gave no token'));
        this.token = token;
      }
      if (this.state !== 'connecting' || !this.started) return;
      const protocols = [SUBPROTOCOL];
      let url = this.url;
      if (token && this.tokenTransport === 'query') {
        url += (url.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(token);
      } else if (token) {
        protocols.push('bearer.' + token);
      }
      const socket = new this.WebSocketClass(url, protocols);
      this.socket = socket;
      this.opened = false;
      this.drainDelayMs = null;
      socket.onopen = () => {
        this.opened = true;
        this.watchLiveness();
      };
      socket.onmessage = (event) => this.receive(event.data);
      socket.onerror = () => {};
      socket.onclose = (event) => {
        if (this.socket === socket) this.closed(event.code, event.reason || '');
      };
    }

    /** @private the socket closed (or was given up): decide what happens next */
    closed(code, reason) {
      const wasOpen = this.opened;
      const identity = this.identity;
      this.detach();
      const meaning = CLOSE_CODES[code] || 'unknown code';
      const policy = RECONNECT_POLICY[code] || { kind: 'backoff' };
      const refresh = Boolean(policy.refreshToken) || (!wasOpen && this.preOpenFailures >= 3);
      this.preOpenFailures = wasOpen ? 0 : (this.preOpenFailures || 0) + 1;
      this.emit('disconnected', { code, reason, meaning, final: Boolean(policy.final), identity });
      if (!this.started) return;
      if (policy.final || (policy.refreshToken && !this.getToken)) {
        return this.finish(code, reason, new SwitchboardError('closed', 'closed by the hub: ' + code + ' ' + meaning));
      }
      let delay;
      switch (policy.kind) {
        case 'drain':
          delay = this.drainDelayMs != null ? this.drainDelayMs : 1000 + this.random() * 9000;
          break;
        case 'immediate':
          delay = this.random() * 250;
          break;
        case 'slow':
          delay = this.backoff(true);
          break;
        case 'rateWindow':
          delay = 1000 * ((identity && identity.limits && identity.limits.rate_window_seconds) || 60);
          break;
        case 'whenNeeded':
          delay = this.hasWork() ? this.random() * 250 : null;
          break;
        default:
          delay = this.backoff(false);
      }
      this.scheduleReconnect({ code, reason, meaning }, delay, refresh);
    }

    /**
     * Full jitter: a random delay between the floor and min(cap, floor * 2^attempt).
     * @private
     */
    backoff(slow) {
      const floor = slow ? Math.max(1000, this.minDelayMs) : this.minDelayMs;
      const cap = slow ? Math.min(30000, Math.max(this.maxDelayMs, floor)) : this.maxDelayMs;
      const ceiling = Math.min(cap, floor * Math.pow(2, this.attempt));
      return floor + this.random() * Math.max(0, ceiling - floor);
    }

    /** @private */
    scheduleReconnect(info, delayMs, refreshToken) {
      this.attempt++;
      const retryAt = delayMs == null ? null : Date.now() + delayMs;
      this.setState('disconnected', Object.assign({}, info, { delayMs: delayMs == null ? null : Math.round(delayMs), retryAt, attempt: this.attempt }));
      this.pendingRefresh = Boolean(refreshToken);
      if (delayMs == null) return;
      this.retryTimer = this.later(() => this.reconnectNow(), delayMs);
    }

    /** Reconnects at once when waiting for a retry (for example when the page comes back online). */
    reconnectNow() {
      if (!this.started || this.state !== 'disconnected' || this.socket) return;
      this.clear(this.retryTimer);
      this.open(this.pendingRefresh);
    }

    /** @private a call needs the connection: an idle-closed client reconnects now */
    wake() {
      if (this.started && this.state === 'disconnected' && this.retryTimer === null) this.reconnectNow();
    }

    /** @private */
    hasWork() {
      return this.queue.length > 0 || this.publishes.size > 0 || Array.from(this.rooms.values()).some((r) => r.wanted);
    }

    /** @private the client is over: reject everything that waits */
    finish(code, reason, error) {
      this.started = false;
      this.detach();
      this.clear(this.retryTimer);
      for (const entry of this.queue.splice(0)) entry.reject(error);
      for (const entry of this.publishes.values()) this.settlePublish(entry, error);
      for (const w of this.waiting.splice(0)) w.reject(error);
      for (const room of this.rooms.values()) room.settleJoin(error);
      const waiters = this.connectWaiters;
      this.connectWaiters = [];
      for (const w of waiters) w.reject(error);
      this.setState('closed', { code, reason, error });
    }

    /** @private forgets the socket and everything tied to it; calls survive in the queue */
    detach() {
      const socket = this.socket;
      this.socket = null;
      this.identity = null;
      this.clear(this.livenessTimer);
      this.livenessTimer = null;
      if (socket) socket.onopen = socket.onmessage = socket.onclose = null;
      for (const room of this.rooms.values()) {
        room.joined = false;
        room.joinSent = false;
        room.replayLeft = 0;
        if (room.typingUsers.size) {
          room.typingUsers.clear();
          room.emit('typing', { userId: null, typing: false, reason: 'disconnected' }, []);
        }
      }
      for (const entry of this.publishes.values()) entry.sent = false;
      for (const w of this.waiting.splice(0)) w.reject(new SwitchboardError('disconnected', 'the connection dropped before the answer'));
    }

    /** @private no frame for heartbeat interval + timeout: the connection is dead, reconnect */
    watchLiveness() {
      this.clear(this.livenessTimer);
      const hb = this.identity && this.identity.heartbeat;
      if (!hb || !hb.interval_seconds) return;
      const socket = this.socket;
      this.livenessTimer = this.later(() => {
        if (this.socket !== socket) return;
        socket.close(4000, 'no frame from the hub');
        this.closed(4000, 'no frame from the hub');
      }, 1000 * (hb.interval_seconds + hb.timeout_seconds));
    }

    /** @private */
    setState(state, detail) {
      this.state = state;
      this.emit('state', state, detail || {});
    }

    // ------------------------------------------------------------------ frames in

    /** @private */
    receive(text) {
      let frame;
      try {
        frame = JSON.parse(text);
      } catch (e) {
        this.emit('invalid', text);
        return;
      }
      const p = frame.payload || {};
      if (frame.type === 'connection.established') this.identity = p;
      this.watchLiveness();
      this.emit('frame', frame, text);
      switch (frame.type) {
        case 'connection.established':
          this.established(p);
          break;
        case 'heartbeat.ping':
          this.write('heartbeat.pong', { ping_message_id: frame.message_id, client_time: new Date().toISOString() }, uuid());
          this.pingsAnswered++;
          break;
        case 'room.joined':
          this.roomJoined(p);
          break;
        case 'room.left':
          this.roomLeft(p);
          break;
        case 'room.broadcast':
          this.roomMessage(frame);
          break;
        case 'room.broadcast.ack':
          this.acked(p);
          break;
        case 'room.member.joined':
        case 'room.member.left':
          this.memberChanged(frame.type, p);
          break;
        case 'room.occupancy':
          this.withRoom(p.room_id, (room) => {
            room.memberCount = p.member_count;
            room.userCount = p.user_count;
            room.emit('occupancy', { memberCount: p.member_count, userCount: p.user_count });
          });
          break;
        case 'typing.started':
        case 'typing.stopped':
          this.typingChanged(frame.type === 'typing.started', p);
          break;
        case 'message.direct':
          this.emit('direct', p.message, { senderId: frame.sender_id, senderConnectionId: p.sender_connection_id, messageId: frame.message_id, timestamp: frame.timestamp });
          break;
        case 'server.announcement':
          this.emit('announcement', p, frame);
          break;
        case 'server.draining':
          this.drainDelayMs = p.retry_after_ms;
          this.emit('draining', p);
          break;
        case 'auth.expiring':
          this.refreshToken();
          break;
        case 'auth.refreshed':
          this.emit('token', p);
          break;
        case 'error':
          this.failed(p);
          break;
        default:
          this.answered(frame.type, p);
      }
      if (frame.type !== 'error') this.emit(frame.type, frame);
    }

    /** @private */
    established(payload) {
      this.attempt = 0;
      this.preOpenFailures = 0;
      this.setState('connected', payload);
      this.emit('connected', payload);
      const waiters = this.connectWaiters;
      this.connectWaiters = [];
      for (const w of waiters) w.resolve(payload);
      for (const room of this.rooms.values()) if (room.wanted) this.sendJoin(room);
      this.flush();
    }

    /** @private sends room.join: with since after a reconnect, with history on the first join */
    sendJoin(room) {
      const payload = { room_id: room.id };
      if (room.position) payload.since = { epoch: room.position.epoch, seq: room.position.seq };
      else if (room.options.history) payload.history = room.options.history;
      room.joinSent = true;
      room.joinMessageId = uuid();
      this.write('room.join', payload, room.joinMessageId);
    }

    /** @private */
    roomJoined(p) {
      this.withRoom(p.room_id, (room) => {
        const stream = p.stream || { epoch: null, seq: 0 };
        if (p.recovered === false && room.position) {
          room.emit('gap', { reason: p.gap, stream: { epoch: stream.epoch, seq: stream.seq } });
        }
        room.position = { epoch: stream.epoch, seq: stream.seq - (p.replayed || 0) };
        room.replayLeft = p.replayed || 0;
        room.joined = true;
        room.lastJoined = p;
        room.applyRoster(p);
        room.emit('joined', p);
        if (room.replayLeft === 0) this.roomReady(room);
      });
    }

    /** @private the room is joined and its replay delivered: settle join() and send what waited */
    roomReady(room) {
      room.settleJoin(null, room.lastJoined);
      this.flush();
    }

    /** @private */
    roomLeft(p) {
      this.withRoom(p.room_id, (room) => {
        room.joined = false;
        room.joinSent = false;
        if (p.reason) room.wanted = false;
        room.users.clear();
        room.emit('left', p);
        room.emit('presence', []);
      });
      this.answered('room.left', p);
    }

    /** @private delivers a room message once, in seq order, or reports the hole */
    roomMessage(frame) {
      const p = frame.payload;
      this.withRoom(p.room_id, (room) => {
        const replayed = room.replayLeft > 0;
        if (replayed) room.replayLeft--;
        const at = room.position;
        if (at && at.epoch === p.epoch && p.seq <= at.seq) {
          if (replayed && room.replayLeft === 0) this.roomReady(room);
          return;
        }
        if (at && at.epoch !== p.epoch) {
          room.emit('gap', { reason: 'epoch_changed', stream: { epoch: p.epoch, seq: p.seq } });
        } else if (at && p.seq > at.seq + 1) {
          room.emit('gap', { reason: 'sequence', stream: { epoch: p.epoch, seq: p.seq } });
        }
        room.position = { epoch: p.epoch, seq: p.seq };
        room.emit('message', p.message, {
          seq: p.seq,
          epoch: p.epoch,
          senderId: frame.sender_id,
          senderConnectionId: p.sender_connection_id,
          messageId: frame.message_id,
          timestamp: frame.timestamp,
          replayed,
        });
        if (replayed && room.replayLeft === 0) this.roomReady(room);
      });
    }

    /** @private */
    memberChanged(type, p) {
      this.withRoom(p.room_id, (room) => {
        const userId = p.member.user_id;
        if (type === 'room.member.joined') room.users.set(userId, Math.max(1, room.users.get(userId) || 0));
        else room.users.delete(userId);
        room.memberCount = p.member_count;
        room.userCount = p.user_count;
        room.emit(type.substring(5), p);
        room.emit('presence', room.presence());
      });
    }

    /** @private */
    typingChanged(typing, p) {
      this.withRoom(p.room_id, (room) => {
        if (typing) room.typingUsers.add(p.user_id);
        else room.typingUsers.delete(p.user_id);
        room.emit('typing', { userId: p.user_id, typing, reason: p.reason || null }, Array.from(room.typingUsers));
      });
    }

    /** @private */
    withRoom(roomId, action) {
      const room = this.rooms.get(roomId);
      if (room) action(room);
    }

    /** @private on auth.expiring: a new token through getToken, sent as auth.refresh */
    async refreshToken() {
      if (!this.getToken) return;
      const socket = this.socket;
      let token;
      try {
        token = await this.getToken();
      } catch (e) {
        this.emit('error', new SwitchboardError('token_refresh_failed', e.message));
        return;
      }
      if (!token || this.socket !== socket || this.state !== 'connected') return;
      this.token = token;
      this.write('auth.refresh', { token }, uuid());
    }

    // ------------------------------------------------------------------ frames out

    /**
     * @private Queues a durable call until it can be sent; bounded by queueLimit (the newest call is
     * refused when full: the caller learns at once instead of an old call vanishing).
     */
    enqueue(entry) {
      return new Promise((resolve, reject) => {
        if (this.state === 'closed') return reject(new SwitchboardError('closed', 'the client is closed'));
        if (this.queue.length >= this.queueLimit) {
          return reject(new SwitchboardError('queue_full', 'more than ' + this.queueLimit + ' calls wait for the connection'));
        }
        entry.resolve = resolve;
        entry.reject = reject;
        entry.timer = this.later(() => {
          const i = this.queue.indexOf(entry);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new SwitchboardError('timeout', entry.type + ' was not sent in time', { maybeDelivered: false }));
        }, this.publishTimeoutMs);
        this.queue.push(entry);
        this.flush();
        this.wake();
      });
    }

    /** @private sends what waits and can go: everything when connected, room frames once joined */
    flush() {
      if (this.state !== 'connected') return;
      for (const entry of this.publishes.values()) {
        if (!entry.sent && entry.room.joined && entry.room.replayLeft === 0 && !entry.retryTimer) this.sendPublish(entry);
      }
      const waiting = [];
      for (const entry of this.queue.splice(0)) {
        if (entry.room && (!entry.room.joined || entry.room.replayLeft > 0)) {
          waiting.push(entry);
          continue;
        }
        this.clear(entry.timer);
        this.write(entry.type, entry.payload, entry.messageId);
        entry.resolve({ messageId: entry.messageId });
      }
      this.queue = waiting;
    }

    /** @private */
    publish(room, message, options) {
      if (this.state === 'closed') return Promise.reject(new SwitchboardError('closed', 'the client is closed'));
      if (this.publishes.size + this.queue.length >= this.queueLimit) {
        return Promise.reject(new SwitchboardError('queue_full', 'more than ' + this.queueLimit + ' calls wait'));
      }
      if (!room.wanted) room.join().catch(() => {});
      return new Promise((resolve, reject) => {
        const messageId = uuid();
        const entry = {
          messageId,
          room,
          payload: { room_id: room.id, message, exclude_sender: Boolean(options.excludeSender) },
          resolve,
          reject,
          sent: false,
          attempts: 0,
        };
        entry.timer = this.later(() => {
          this.settlePublish(entry, new SwitchboardError('timeout', 'no ack in time', { maybeDelivered: entry.attempts > 0, refMessageId: messageId }));
        }, this.publishTimeoutMs);
        this.publishes.set(messageId, entry);
        this.flush();
        this.wake();
      });
    }

    /** @private */
    sendPublish(entry) {
      entry.sent = true;
      entry.attempts++;
      this.write('room.broadcast', entry.payload, entry.messageId);
    }

    /** @private */
    settlePublish(entry, error, ack) {
      if (!this.publishes.delete(entry.messageId)) return;
      this.clear(entry.timer);
      this.clear(entry.retryTimer);
      if (error) entry.reject(error);
      else entry.resolve(ack);
    }

    /** @private */
    acked(p) {
      const entry = this.publishes.get(p.ref_message_id);
      if (entry) this.settlePublish(entry, null, { seq: p.seq, epoch: p.epoch, duplicate: p.duplicate, messageId: p.ref_message_id });
    }

    /** @private an error frame: settle the call it quotes, or report it */
    failed(p) {
      const error = new SwitchboardError(p.code, p.message, { refMessageId: p.ref_message_id, retryAfterMs: p.retry_after_ms });
      const entry = p.ref_message_id && this.publishes.get(p.ref_message_id);
      if (entry) {
        if (!RETRIED.has(p.code)) return this.settlePublish(entry, error);
        entry.sent = false;
        if (p.code === 'not_a_member') {
          entry.room.joined = false;
          entry.room.joinSent = false;
          if (entry.room.wanted) this.sendJoin(entry.room);
        }
        entry.retryTimer = this.later(() => {
          entry.retryTimer = null;
          this.flush();
        }, p.retry_after_ms || 250);
        return;
      }
      for (const room of this.rooms.values()) {
        if (p.ref_message_id && p.ref_message_id === room.joinMessageId) {
          room.wanted = false;
          room.joinSent = false;
          room.settleJoin(error);
          for (const e of Array.from(this.publishes.values())) if (e.room === room) this.settlePublish(e, error);
          return;
        }
      }
      const waiter = p.ref_message_id && this.waiting.find((w) => w.messageId === p.ref_message_id);
      if (waiter) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        this.clear(waiter.timer);
        return waiter.reject(error);
      }
      this.emit('error', error);
    }

    /** @private a request answered by a frame of type `answer` whose payload `matches` */
    request(type, payload, answer, matches) {
      if (this.state !== 'connected') return Promise.reject(new SwitchboardError('not_connected', 'not connected'));
      return new Promise((resolve, reject) => {
        const waiter = { messageId: uuid(), answer, matches, resolve, reject };
        waiter.timer = this.later(() => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new SwitchboardError('timeout', 'no answer to ' + type));
        }, this.requestTimeoutMs);
        this.waiting.push(waiter);
        this.write(type, payload, waiter.messageId);
      });
    }

    /** @private */
    answered(type, payload) {
      const waiter = this.waiting.find((w) => w.answer === type && w.matches(payload));
      if (!waiter) return;
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      this.clear(waiter.timer);
      waiter.resolve(payload);
    }

    /** @private ephemeral frames are sent when connected and dropped otherwise */
    sendEphemeral(type, payload) {
      if (this.state === 'connected') this.write(type, payload, uuid());
    }

    /** @private */
    write(type, payload, messageId) {
      const envelope = { type, message_id: messageId, timestamp: new Date().toISOString(), payload };
      const text = JSON.stringify(envelope);
      this.socket.send(text);
      if (this.handlers.has('sent')) {
        const shown = type === 'auth.refresh' ? Object.assign({}, envelope, { payload: { token: '[redacted]' } }) : envelope;
        this.emit('sent', shown, type === 'auth.refresh' ? JSON.stringify(shown) : text);
      }
    }

    /** @private */
    later(action, delayMs) {
      return setTimeout(action, delayMs);
    }

    /** @private */
    clear(timer) {
      if (timer != null) clearTimeout(timer);
      if (timer === this.retryTimer) this.retryTimer = null;
    }
  }

  return Object.freeze({
    Client,
    Room,
    SwitchboardError,
    Unauthorized,
    hubUrl,
    uuid,
    tokenExpiry,
    CLOSE_CODES,
    RECONNECT_POLICY,
    SUBPROTOCOL,
  });
});
