'use strict';
/**
 * A fake WebSocket class and helpers to play the hub's side in the client's unit tests. Every socket
 * the client opens is recorded; a test opens it, sends it frames and closes it with any code.
 */
const Switchboard = require('../../../webapp/switchboard.js');

class FakeSocket {
  static instances = [];

  constructor(url, protocols) {
    this.url = url;
    this.protocols = protocols;
    this.sent = [];
    this.closedWith = null;
    FakeSocket.instances.push(this);
  }

  send(text) {
    this.sent.push(JSON.parse(text));
  }

  close(code, reason) {
    this.closedWith = { code, reason };
  }

  /** The hub accepts the handshake and greets the connection. */
  accept(established) {
    this.onopen && this.onopen({});
    this.frame('connection.established', Object.assign(
      {
        connection_id: 'c-' + FakeSocket.instances.length,
        user_id: 'alice',
        groups: [],
        limits: { rate_window_seconds: 60, max_message_size: 1048576 },
        heartbeat: { interval_seconds: 30, timeout_seconds: 60 },
      },
      established));
  }

  /** The hub sends a frame. */
  frame(type, payload, senderId) {
    const envelope = { type, message_id: Switchboard.uuid(), timestamp: new Date().toISOString(), sender_id: senderId || null, payload };
    this.onmessage && this.onmessage({ data: JSON.stringify(envelope) });
  }

  /** The connection ends with `code` (1006 when it drops or the handshake is refused). */
  drop(code, reason) {
    this.onclose && this.onclose({ code, reason: reason || '', wasClean: code !== 1006 });
  }

  /** Frames of `type` the client sent on this socket. */
  sentOf(type) {
    return this.sent.filter((f) => f.type === type);
  }

  static last() {
    return FakeSocket.instances[FakeSocket.instances.length - 1];
  }
}

/**
 * Fake timers: setTimeout, clearTimeout and Date.now replaced while a test runs, time moved by
 * tick(). Written here rather than node:test's mock.timers so that the tests run on Node 18 too
 * (Debian's nodejs).
 */
const clock = {
  now: 0,
  timers: [],
  nextId: 1,
  saved: null,
  install(start) {
    this.saved = { setTimeout: global.setTimeout, clearTimeout: global.clearTimeout, now: Date.now };
    this.now = start;
    this.timers = [];
    global.setTimeout = (fn, ms) => {
      const id = this.nextId++;
      this.timers.push({ id, at: this.now + Math.max(0, ms || 0), fn });
      return id;
    };
    global.clearTimeout = (id) => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
    Date.now = () => this.now;
  },
  uninstall() {
    global.setTimeout = this.saved.setTimeout;
    global.clearTimeout = this.saved.clearTimeout;
    Date.now = this.saved.now;
  },
  /** Moves time on by `ms`, running every timer that falls due, in order. */
  tick(ms) {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.now = due.at;
      due.fn();
    }
    this.now = end;
  },
};

/** A client wired to fake sockets, with a fixed random source (0.5 unless given). */
function client(options) {
  FakeSocket.instances = [];
  return new Switchboard.Client(Object.assign({ url: 'ws://hub.test/ws', WebSocket: FakeSocket, random: () => 0.5 }, options));
}

/** Lets pending promise callbacks run (getToken, then/await chains). */
async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A room.joined payload. */
function joined(roomId, epoch, seq, extra) {
  return Object.assign(
    {
      room_id: roomId,
      member_count: 1,
      members: [],
      user_count: 1,
      users: [{ user_id: 'alice', connections: 1 }],
      large_room: false,
      stream: { epoch, seq },
      replayed: 0,
    },
    extra);
}

function broadcast(roomId, epoch, seq, message) {
  return { room_id: roomId, message, sender_connection_id: 'c-x', seq, epoch };
}

module.exports = { Switchboard, FakeSocket, clock, client, settle, joined, broadcast };
