/**
 * switchboard.js: a tiny browser client for the Switchboard hub's WebSocket protocol.
 *
 * Plain script (no modules, no build step); it defines `window.Switchboard`.
 *
 *   const hub = new Switchboard.Client();
 *   hub.on('connection.established', (frame) => console.log('I am', frame.payload.user_id));
 *   hub.on('room.broadcast', (frame) => console.log(frame.sender_id, frame.payload.message));
 *   hub.on('close', (info) => console.log('closed', info.code, info.meaning, info.reason));
 *   hub.connect(Switchboard.hubUrl());
 *   hub.join('lobby');
 *   hub.broadcast('lobby', { type: 'chat', text: 'hello' });
 *
 * Every frame is the envelope `{type, message_id, timestamp, sender_id, payload}` as JSON text.
 * The client answers `heartbeat.ping` by itself, so a connection stays open while the page is.
 */
(function (global) {
  'use strict';

  /**
   * What each close code means, for people reading a status line.
   * 1000-1011 are RFC 6455's; 4000-4002 are the hub's own (reconnecting after them is fine).
   * @type {Object<number, string>}
   */
  const CLOSE_CODES = Object.freeze({
    1000: 'normal closure',
    1001: 'going away',
    1005: 'no status code',
    1006: 'connection lost (no close frame)',
    1008: 'policy violation',
    1009: 'message too big',
    1011: 'internal server error',
    4000: 'heartbeat timeout',
    4001: 'idle timeout',
    4002: 'slow consumer',
  });

  /**
   * The hub's WebSocket URL for a page the hub's WAR serves: same host, same context path, `/ws`.
   * A page at `/` gives `ws://host/ws`; one at `/switchboard/` or `/switchboard/index.html` gives
   * `ws://host/switchboard/ws`. `wss:` is used when the page came over https.
   * @param {Location|URL} [loc=window.location] where the page was loaded from
   * @returns {string}
   */
  function hubUrl(loc) {
    const where = loc || global.location;
    const scheme = where.protocol === 'https:' ? 'wss:' : 'ws:';
    const contextPath = where.pathname.replace(/[^/]*$/, ''); // drop the file name, keep the trailing '/'
    return scheme + '//' + where.host + contextPath + 'ws';
  }

  /**
   * A random RFC 4122 version 4 UUID. `crypto.randomUUID` exists only in secure contexts (https or
   * localhost), so a page served over plain http from another host falls back to `getRandomValues`.
   * @returns {string}
   */
  function uuid() {
    if (global.crypto && typeof global.crypto.randomUUID === 'function') {
      return global.crypto.randomUUID();
    }
    const b = global.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /**
   * @typedef {Object} Envelope
   * @property {string} type            e.g. 'room.broadcast'
   * @property {string} message_id      unique per frame; errors quote the client's as ref_message_id
   * @property {string} timestamp       ISO 8601 UTC
   * @property {?string} sender_id      user id of the relaying sender; null on frames the hub originates
   * @property {Object} payload
   */

  /**
   * @typedef {Object} CloseInfo
   * @property {number} code        WebSocket close code (see CLOSE_CODES)
   * @property {string} reason      reason phrase sent by the server, may be empty
   * @property {string} meaning     human-readable meaning of the code
   * @property {boolean} wasClean   false when the socket dropped without a close handshake
   * @property {?Object} identity    the closed connection's `connection.established` payload, if it got one
   */

  /**
   * One connection to the hub. Handlers are registered with {@link Client#on} for:
   * - any wire type the server sends ('connection.established', 'room.joined', 'room.broadcast', 'error', ...),
   *   called with the parsed {@link Envelope};
   * - 'frame': every incoming frame, called with (envelope, rawText); 'invalid' for text that is not JSON;
   * - 'sent': every outgoing frame, called with (envelope, rawText);
   * - 'state': called with the new {@link Client#state};
   * - 'close': called with a {@link CloseInfo}.
   */
  class Client {
    constructor() {
      /** @type {?WebSocket} */
      this.socket = null;
      /** @type {'disconnected'|'connecting'|'open'|'closing'} */
      this.state = 'disconnected';
      /** Payload of `connection.established` (connection_id, user_id, limits, heartbeat, ...) while connected, else null. */
      this.identity = null;
      /** How many `heartbeat.ping`s this connection has answered. */
      this.pingsAnswered = 0;
      /** @private @type {Map<string, Set<Function>>} */
      this.handlers = new Map();
    }

    /**
     * Registers a handler; see the class comment for the event names.
     * @param {string} type
     * @param {Function} handler
     * @returns {Function} call it to remove the handler again
     */
    on(type, handler) {
      if (!this.handlers.has(type)) this.handlers.set(type, new Set());
      this.handlers.get(type).add(handler);
      return () => this.handlers.get(type).delete(handler);
    }

    /**
     * Opens a connection. The server greets it with `connection.established`.
     * @param {string} [url=Switchboard.hubUrl()] ws: or wss: URL of the hub's `/ws` endpoint
     */
    connect(url) {
      if (this.socket) throw new Error('already ' + this.state + '; disconnect first');
      const socket = new WebSocket(url || hubUrl());
      this.socket = socket;
      this.identity = null;
      this.pingsAnswered = 0;
      this.setState('connecting');
      socket.onopen = () => this.setState('open');
      socket.onmessage = (event) => this.receive(event.data);
      socket.onclose = (event) => {
        if (this.socket !== socket) return;
        const identity = this.identity;
        this.socket = null;
        this.identity = null;
        this.setState('disconnected');
        this.emit('close', {
          code: event.code,
          reason: event.reason,
          meaning: CLOSE_CODES[event.code] || 'unknown code',
          wasClean: event.wasClean,
          identity: identity,
        });
      };
      // A failed socket also fires 'close' (code 1006), which is where it is reported.
      socket.onerror = () => {};
    }

    /**
     * Closes the connection normally (1000). The 'close' event follows once the server confirms.
     * @param {string} [reason='client disconnect']
     */
    disconnect(reason) {
      if (!this.socket) return;
      this.setState('closing');
      this.socket.close(1000, reason || 'client disconnect');
    }

    /**
     * Sends one frame.
     * @param {string} type     a type the client may send, e.g. 'room.join'
     * @param {Object} [payload={}]
     * @returns {string} the frame's message_id: an `error` answering it carries it as `ref_message_id`
     * @throws {Error} when the connection is not open
     */
    send(type, payload) {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) throw new Error('not connected');
      const envelope = {
        type: type,
        message_id: uuid(),
        timestamp: new Date().toISOString(),
        payload: payload || {},
      };
      const text = JSON.stringify(envelope);
      this.socket.send(text);
      this.emit('sent', envelope, text);
      return envelope.message_id;
    }

    /** Joins a room; answered by `room.joined` with the roster. @param {string} roomId @returns {string} message_id */
    join(roomId) {
      return this.send('room.join', { room_id: roomId });
    }

    /** Leaves a room; answered by `room.left`. @param {string} roomId @returns {string} message_id */
    leave(roomId) {
      return this.send('room.leave', { room_id: roomId });
    }

    /**
     * Sends a message to every member of a room the connection has joined.
     * @param {string} roomId
     * @param {*} message any JSON value but null; the demo uses `{type: 'chat', text}`
     * @param {{excludeSender?: boolean}} [options] excludeSender: do not echo it back to this connection
     * @returns {string} message_id
     */
    broadcast(roomId, message, options) {
      return this.send('room.broadcast', {
        room_id: roomId,
        message: message,
        exclude_sender: Boolean(options && options.excludeSender),
      });
    }

    /**
     * Sends a message to one connection or to every connection of a user (give exactly one of them).
     * Answered with `error` code `target_not_found` when the target is not connected.
     * @param {{connectionId?: string, userId?: string}} target
     * @param {*} message any JSON value but null
     * @returns {string} message_id
     */
    direct(target, message) {
      const payload = { message: message };
      if (target.connectionId) payload.connection_id = target.connectionId;
      if (target.userId) payload.user_id = target.userId;
      return this.send('message.direct', payload);
    }

    /** @private */
    receive(text) {
      let frame;
      try {
        frame = JSON.parse(text);
      } catch (e) {
        this.emit('invalid', text);
        return;
      }
      if (frame.type === 'connection.established') this.identity = frame.payload;
      this.emit('frame', frame, text);
      if (frame.type === 'heartbeat.ping' && this.state === 'open') {
        // Answer at once: the server closes with 4000 when pongs stop.
        this.send('heartbeat.pong', { ping_message_id: frame.message_id, client_time: new Date().toISOString() });
        this.pingsAnswered++;
      }
      this.emit(frame.type, frame);
    }

    /** @private */
    setState(state) {
      this.state = state;
      this.emit('state', state);
    }

    /** @private */
    emit(type, ...args) {
      const set = this.handlers.get(type);
      if (!set) return;
      for (const handler of Array.from(set)) {
        try {
          handler(...args);
        } catch (e) {
          console.error('Switchboard handler for ' + type + ' failed', e); // one bad handler must not stop the rest
        }
      }
    }
  }

  global.Switchboard = Object.freeze({ Client, hubUrl, uuid, CLOSE_CODES });
})(window);
