'use strict';
const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { Switchboard, FakeSocket, clock, client, settle, joined, broadcast } = require('./fake-hub.js');

beforeEach(() => clock.install(1_000_000));
afterEach(() => clock.uninstall());

/** Connects a client and returns it with its first socket, greeted. */
async function connected(options) {
  const hub = client(options);
  const established = hub.connect();
  await settle();
  FakeSocket.last().accept();
  await established;
  return hub;
}

test('connect resolves with the connection.established payload and offers the token as a subprotocol', async () => {
  const hub = client({ token: 'aaa.bbb.ccc' });
  const states = [];
  hub.on('state', (s) => states.push(s));
  const established = hub.connect();
  await settle();
  const socket = FakeSocket.last();
  assert.equal(socket.url, 'ws://hub.test/ws');
  assert.deepEqual(socket.protocols, ['switchboard.v1', 'bearer.aaa.bbb.ccc']);
  socket.accept({ user_id: 'bob' });
  assert.equal((await established).user_id, 'bob');
  assert.deepEqual(states, ['connecting', 'connected']);
});

test('the token goes in the query only when asked', async () => {
  const hub = client({ token: 'a.b.c', tokenTransport: 'query' });
  hub.connect();
  await settle();
  assert.equal(FakeSocket.last().url, 'ws://hub.test/ws?access_token=a.b.c');
  assert.deepEqual(FakeSocket.last().protocols, ['switchboard.v1']);
});

test('a dropped connection is retried with full jitter between the minimum and the doubled ceiling', async () => {
  const hub = await connected({ reconnect: { minDelayMs: 100, maxDelayMs: 1000 }, random: () => 1 });
  const delays = [];
  hub.on('state', (s, d) => s === 'disconnected' && delays.push(d.delayMs));
  for (let i = 0; i < 6; i++) {
    FakeSocket.last().drop(1006);
    clock.tick(delays[delays.length - 1]);
    await settle();
  }
  assert.deepEqual(delays, [100, 200, 400, 800, 1000, 1000]);
  assert.equal(FakeSocket.instances.length, 7);
});

test('the backoff restarts after a connection is established', async () => {
  const hub = await connected({ reconnect: { minDelayMs: 100, maxDelayMs: 1000 }, random: () => 1 });
  const delays = [];
  hub.on('state', (s, d) => s === 'disconnected' && delays.push(d.delayMs));
  FakeSocket.last().drop(1006);
  clock.tick(100);
  await settle();
  FakeSocket.last().drop(1006);
  clock.tick(200);
  await settle();
  FakeSocket.last().accept();
  FakeSocket.last().drop(1006);
  assert.deepEqual(delays, [100, 200, 100]);
});

test('no reconnect happens before the delay has passed', async () => {
  await connected({ reconnect: { minDelayMs: 1000, maxDelayMs: 1000 } });
  FakeSocket.last().drop(1011);
  clock.tick(999);
  await settle();
  assert.equal(FakeSocket.instances.length, 1);
  clock.tick(1);
  await settle();
  assert.equal(FakeSocket.instances.length, 2);
});

test('server.draining: the client waits exactly retry_after_ms', async () => {
  const hub = await connected();
  let detail;
  hub.on('state', (s, d) => (detail = d));
  FakeSocket.last().frame('server.draining', { retry_after_ms: 6412, reason: 'server shutting down' });
  FakeSocket.last().drop(1001, 'server shutting down');
  assert.equal(detail.delayMs, 6412);
  clock.tick(6411);
  await settle();
  assert.equal(FakeSocket.instances.length, 1);
  clock.tick(1);
  await settle();
  assert.equal(FakeSocket.instances.length, 2);
});

test('1001 without a notice waits between 1 and 10 s', async () => {
  const hub = await connected({ random: () => 0.5 });
  let detail;
  hub.on('state', (s, d) => (detail = d));
  FakeSocket.last().drop(1001);
  assert.equal(detail.delayMs, 5500);
});

test('1013 and 4002 back off from at least one second', async () => {
  for (const code of [1013, 4002]) {
    const hub = await connected({ reconnect: { minDelayMs: 100, maxDelayMs: 60000 }, random: () => 0 });
    let detail;
    hub.on('state', (s, d) => (detail = d));
    FakeSocket.last().drop(code);
    assert.equal(detail.delayMs, 1000, 'code ' + code);
  }
});

test('4000 reconnects at once', async () => {
  const hub = await connected({ random: () => 1 });
  let detail;
  hub.on('state', (s, d) => (detail = d));
  FakeSocket.last().drop(4000);
  assert.equal(detail.delayMs, 250);
});

test('4004 waits one full rate window', async () => {
  const hub = client();
  hub.connect();
  await settle();
  FakeSocket.last().accept({ limits: { rate_window_seconds: 7 } });
  let detail;
  hub.on('state', (s, d) => (detail = d));
  FakeSocket.last().drop(4004);
  assert.equal(detail.delayMs, 7000);
});

test('4001 reconnects only when there is something to do', async () => {
  const hub = await connected();
  let detail;
  hub.on('state', (s, d) => (detail = d));
  FakeSocket.last().drop(4001);
  assert.equal(detail.delayMs, null);
  clock.tick(120000);
  await settle();
  assert.equal(FakeSocket.instances.length, 1);
  hub.room('lobby').join();
  await settle();
  assert.equal(FakeSocket.instances.length, 2);
});

test('1000 and 4005 are final: the client closes and connect() rejects', async () => {
  for (const code of [1000, 4005]) {
    const hub = client();
    const established = hub.connect();
    await settle();
    const states = [];
    hub.on('state', (s) => states.push(s));
    FakeSocket.last().drop(code);
    await assert.rejects(established, { code: 'closed' });
    clock.tick(120000);
    await settle();
    assert.deepEqual(states, ['closed']);
    assert.equal(FakeSocket.instances.length, 1);
  }
});

test('4003 fetches a new token through getToken, then reconnects at once with it', async () => {
  let n = 0;
  const hub = await connected({ getToken: async () => 'tok.' + ++n + '.x' });
  assert.deepEqual(FakeSocket.last().protocols, ['switchboard.v1', 'bearer.tok.1.x']);
  FakeSocket.last().drop(4003, 'token expired');
  clock.tick(250);
  await settle();
  assert.deepEqual(FakeSocket.last().protocols, ['switchboard.v1', 'bearer.tok.2.x']);
});

test('4003 and 1008 without getToken are final: the same token would be refused again', async () => {
  for (const code of [4003, 1008]) {
    const hub = await connected({ token: 'a.b.c' });
    FakeSocket.last().drop(code);
    assert.equal(hub.state, 'closed', 'code ' + code);
  }
});

test('getToken throwing Unauthorized closes the client', async () => {
  const hub = client({ getToken: async () => { throw new Switchboard.Unauthorized('signed out'); } });
  await assert.rejects(hub.connect(), { code: 'unauthorized' });
  assert.equal(hub.state, 'closed');
  assert.equal(FakeSocket.instances.length, 0);
});

test('getToken failing otherwise is retried with backoff', async () => {
  let calls = 0;
  const hub = client({
    reconnect: { minDelayMs: 100, maxDelayMs: 100 },
    getToken: async () => {
      if (++calls === 1) throw new Error('network');
      return 'a.b.c';
    },
  });
  hub.connect();
  await settle();
  assert.equal(hub.state, 'disconnected');
  clock.tick(100);
  await settle();
  assert.equal(FakeSocket.instances.length, 1);
});

test('auth.expiring is answered with auth.refresh carrying getToken\'s token, redacted in sent events', async () => {
  let n = 0;
  const hub = await connected({ getToken: async () => 'tok.' + ++n + '.x' });
  const shown = [];
  hub.on('sent', (envelope, text) => shown.push(text));
  FakeSocket.last().frame('auth.expiring', { expires_at: '2026-01-01T00:00:00Z', seconds_left: 2 });
  await settle();
  const refresh = FakeSocket.last().sentOf('auth.refresh');
  assert.equal(refresh.length, 1);
  assert.equal(refresh[0].payload.token, 'tok.2.x');
  assert.ok(shown.some((t) => t.includes('[redacted]')));
  assert.ok(!shown.some((t) => t.includes('tok.2.x')));
});

test('heartbeat pings are answered with a pong quoting the ping', async () => {
  await connected();
  const socket = FakeSocket.last();
  socket.frame('heartbeat.ping', { server_time: 'now' });
  assert.equal(socket.sentOf('heartbeat.pong').length, 1);
});

test('a silent connection is given up after heartbeat interval plus timeout', async () => {
  await connected();
  const socket = FakeSocket.last();
  clock.tick(89999);
  assert.equal(socket.closedWith, null);
  clock.tick(1);
  assert.equal(socket.closedWith.code, 4000);
  clock.tick(250);
  await settle();
  assert.equal(FakeSocket.instances.length, 2);
});

test('disconnect closes with 1000 and never reconnects', async () => {
  const hub = await connected();
  const socket = FakeSocket.last();
  hub.disconnect();
  assert.equal(socket.closedWith.code, 1000);
  assert.equal(hub.state, 'closed');
  clock.tick(120000);
  await settle();
  assert.equal(FakeSocket.instances.length, 1);
});
