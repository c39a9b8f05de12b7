'use strict';
const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { FakeSocket, clock, client, settle, joined, broadcast } = require('./fake-hub.js');

beforeEach(() => clock.install(1_000_000));
afterEach(() => clock.uninstall());

async function connected(options) {
  const hub = client(options);
  const established = hub.connect();
  await settle();
  FakeSocket.last().accept();
  await established;
  return hub;
}

/** Drops the connection and lets the client reconnect (immediate policy: 4000). */
async function reconnect() {
  FakeSocket.last().drop(4000);
  clock.tick(250);
  await settle();
  FakeSocket.last().accept();
  await settle();
  return FakeSocket.last();
}

function collect(room) {
  const seen = [];
  room.on('message', (m, meta) => seen.push({ text: m.text, seq: meta.seq, replayed: meta.replayed }));
  return seen;
}

test('the first join asks for history and resolves after the replay', async () => {
  const hub = await connected();
  const room = hub.room('lobby', { history: 20 });
  const seen = collect(room);
  let done = false;
  const joining = room.join().then(() => (done = true));
  const socket = FakeSocket.last();
  assert.deepEqual(socket.sentOf('room.join')[0].payload, { room_id: 'lobby', history: 20 });
  socket.frame('room.joined', joined('lobby', 'e1', 2, { replayed: 2 }));
  await settle();
  assert.equal(done, false);
  socket.frame('room.broadcast', broadcast('lobby', 'e1', 1, { text: 'a' }), 'bob');
  socket.frame('room.broadcast', broadcast('lobby', 'e1', 2, { text: 'b' }), 'bob');
  await joining;
  assert.deepEqual(seen, [
    { text: 'a', seq: 1, replayed: true },
    { text: 'b', seq: 2, replayed: true },
  ]);
});

test('after a reconnect every joined room is joined again with since, and the missed messages arrive once', async () => {
  const hub = await connected();
  const room = hub.room('lobby');
  const seen = collect(room);
  room.join();
  FakeSocket.last().frame('room.joined', joined('lobby', 'e1', 0));
  FakeSocket.last().frame('room.broadcast', broadcast('lobby', 'e1', 1, { text: 'a' }));
  const socket = await reconnect();
  assert.deepEqual(socket.sentOf('room.join')[0].payload, { room_id: 'lobby', since: { epoch: 'e1', seq: 1 } });
  socket.frame('room.joined', joined('lobby', 'e1', 3, { replayed: 2, recovered: true }));
  socket.frame('room.broadcast', broadcast('lobby', 'e1', 2, { text: 'b' }));
  socket.frame('room.broadcast', broadcast('lobby', 'e1', 3, { text: 'c' }));
  socket.frame('room.broadcast', broadcast('lobby', 'e1', 3, { text: 'c' }));
  socket.frame('room.broadcast', broadcast('lobby', 'e1', 4, { text: 'd' }));
  assert.deepEqual(seen.map((m) => m.text), ['a', 'b', 'c', 'd']);
  assert.deepEqual(seen.map((m) => m.replayed), [false, true, true, false]);
});

test('a rejoin the hub cannot recover reports a gap with its reason and continues from the new stream', async () => {
  const hub = await connected();
  const room = hub.room('lobby');
  const gaps = [];
  room.on('gap', (g) => gaps.push(g));
  const seen = collect(room);
  room.join();
  FakeSocket.last().frame('room.joined', joined('lobby', 'e1', 5));
  const socket = await reconnect();
  socket.frame('room.joined', joined('lobby', 'e2', 0, { recovered: false, gap: 'epoch_changed' }));
  socket.frame('room.broadcast', broadcast('lobby', 'e2', 1, { text: 'new' }));
  assert.deepEqual(gaps, [{ reason: 'epoch_changed', stream: { epoch: 'e2', seq: 0 } }]);
  assert.deepEqual(seen.map((m) => m.text), ['new']);
});

test('publish resolves with the ack of its message_id', async () => {
  const hub = await connected();
  const room = hub.room('lobby');
  room.join();
  const socket = FakeSocket.last();
  socket.frame('room.joined', joined('lobby', 'e1', 0));
  await settle();
  const publishing = room.publish({ text: 'hi' });
  await settle();
  const sent = socket.sentOf('room.broadcast')[0];
  assert.deepEqual(sent.payload, { room_id: 'lobby', message: { text: 'hi' }, exclude_sender: false });
  socket.frame('room.broadcast.ack', { room_id: 'lobby', seq: 1, epoch: 'e1', duplicate: false, ref_message_id: sent.message_id });
  assert.deepEqual(await publishing, { seq: 1, epoch: 'e1', duplicate: false, messageId: sent.message_id });
});

test('a publish without an ack is sent again after the rejoin with the same message_id', async () => {
  const hub = await connected();
  const room = hub.room('lobby');
  room.join();
  FakeSocket.last().frame('room.joined', joined('lobby', 'e1', 0));
  await settle();
  const publishing = room.publish({ text: 'once' });
  await settle();
  const first = FakeSocket.last().sentOf('room.broadcast')[0];
  const socket = await reconnect();
  assert.equal(socket.sentOf('room.broadcast').length, 0, 'not before the room is joined again');
  socket.frame('room.joined', joined('lobby', 'e1', 1, { replayed: 1, recovered: true }));
  socket.frame('room.broadcast', broadcast('lobby', 'e1', 1, { text: 'once' }));
  await settle();
  const retry = socket.sentOf('room.broadcast');
  assert.equal(retry.length, 1);
  assert.equal(retry[0].message_id, first.message_id);
  socket.frame('room.broadcast.ack', { room_id: 'lobby', seq: 1, epoch: 'e1', duplicate: true, ref_message_id: first.message_id });
  assert.equal((await publishing).duplicate, true);
});

test('publish while disconnected waits in the queue and goes out after the reconnect', async () => {
  const hub = await connected();
  const room = hub.room('lobby');
  room.join();
  FakeSocket.last().frame('room.joined', joined('lobby', 'e1', 0));
  FakeSocket.last().drop(1006);
  const publishing = room.publish({ text: 'later' });
  clock.tick(1000);
  await settle();
  const socket = FakeSocket.last();
  socket.accept();
  socket.frame('room.joined', joined('lobby', 'e1', 0, { recovered: true }));
  await settle();
  const sent = socket.sentOf('room.broadcast')[0];
  socket.frame('room.broadcast.ack', { room_id: 'lobby', seq: 1, epoch: 'e1', duplicate: false, ref_message_id: sent.message_id });
  assert.equal((await publishing).seq, 1);
});

test('rate_limited is retried with the same id after retry_after_ms; forbidden rejects', async () => {
  const hub = await connected();
  const room = hub.room('lobby');
  room.join();
  const socket = FakeSocket.last();
  socket.frame('room.joined', joined('lobby', 'e1', 0));
  await settle();
  const limited = room.publish({ text: 'x' });
  await settle();
  const id = socket.sentOf('room.broadcast')[0].message_id;
  socket.frame('error', { code: 'rate_limited', message: 'slow down', ref_message_id: id, retry_after_ms: 1500 });
  clock.tick(1499);
  assert.equal(socket.sentOf('room.broadcast').length, 1);
  clock.tick(1);
  assert.equal(socket.sentOf('room.broadcast')[1].message_id, id);
  socket.frame('error', { code: 'forbidden', message: 'no', ref_message_id: id });
  await assert.rejects(limited, { code: 'forbidden', refMessageId: id });
});

test('a publish never acked is rejected after publishTimeoutMs, saying it may have been delivered', async () => {
  const hub = await connected({ publishTimeoutMs: 5000 });
  const room = hub.room('lobby');
  room.join();
  FakeSocket.last().frame('room.joined', joined('lobby', 'e1', 0));
  await settle();
  const publishing = room.publish({ text: 'x' });
  await settle();
  clock.tick(5000);
  await assert.rejects(publishing, { code: 'timeout', maybeDelivered: true });
});

test('the outgoing queue is bounded: past queueLimit a call is refused at once', async () => {
  const hub = await connected({ queueLimit: 2 });
  FakeSocket.last().drop(1006);
  const a = hub.direct({ userId: 'bob' }, 'one');
  const b = hub.direct({ userId: 'bob' }, 'two');
  await assert.rejects(hub.direct({ userId: 'bob' }, 'three'), { code: 'queue_full' });
  clock.tick(1000);
  await settle();
  FakeSocket.last().accept();
  await Promise.all([a, b]);
  assert.deepEqual(FakeSocket.last().sentOf('message.direct').map((f) => f.payload.message), ['one', 'two']);
});

test('typing sends one start per two seconds and a stop after three idle seconds; nothing while disconnected', async () => {
  const hub = await connected();
  const room = hub.room('lobby');
  room.join();
  const socket = FakeSocket.last();
  socket.frame('room.joined', joined('lobby', 'e1', 0));
  room.typing();
  clock.tick(1000);
  room.typing();
  clock.tick(1000);
  room.typing();
  assert.equal(socket.sentOf('typing.start').length, 2);
  clock.tick(3000);
  assert.equal(socket.sentOf('typing.stop').length, 1);
  socket.drop(1006);
  room.typing();
  assert.equal(socket.sentOf('typing.start').length, 2);
});

test('presence follows the roster and the member notices; typing events name the typists', async () => {
  const hub = await connected();
  const room = hub.room('lobby');
  const presence = [];
  const typists = [];
  room.on('presence', (users) => presence.push(users.map((u) => u.userId)));
  room.on('typing', (event, ids) => typists.push(ids));
  room.join();
  const socket = FakeSocket.last();
  socket.frame('room.joined', joined('lobby', 'e1', 0));
  socket.frame('room.member.joined', { room_id: 'lobby', member: { connection_id: 'c9', user_id: 'bob' }, member_count: 2, user_count: 2 });
  socket.frame('typing.started', { room_id: 'lobby', user_id: 'bob' }, 'bob');
  socket.frame('typing.stopped', { room_id: 'lobby', user_id: 'bob', reason: 'expired' });
  socket.frame('room.member.left', { room_id: 'lobby', member: { connection_id: 'c9', user_id: 'bob' }, member_count: 1, user_count: 1 });
  assert.deepEqual(presence, [['alice'], ['alice', 'bob'], ['alice']]);
  assert.deepEqual(typists, [['bob'], []]);
});

test('a refused join rejects with the hub\'s error code and is not retried', async () => {
  const hub = await connected();
  const room = hub.room('admin.secrets');
  const joining = room.join();
  const socket = FakeSocket.last();
  const id = socket.sentOf('room.join')[0].message_id;
  socket.frame('error', { code: 'forbidden', message: 'no', ref_message_id: id });
  await assert.rejects(joining, { code: 'forbidden' });
  const next = await reconnect();
  assert.equal(next.sentOf('room.join').length, 0);
});
