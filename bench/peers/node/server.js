// A minimal room server on the ws package, speaking Switchboard's envelope: what a team would
// write instead of Switchboard. Rooms, join with member notices, broadcast (exclude_sender),
// direct messages by connection id, the server setting sender_id. No auth, no limits, no queues.
'use strict';
const { WebSocketServer } = require('ws');
const { randomUUID } = require('crypto');

const port = Number(process.env.PORT || 18081);
const rooms = new Map(); // room id -> Set of sockets
const byId = new Map(); // connection id -> socket

function envelope(type, senderId, payload) {
  return JSON.stringify({
    type,
    message_id: randomUUID(),
    timestamp: new Date().toISOString(),
    sender_id: senderId,
    payload,
  });
}

function send(ws, text) {
  if (ws.readyState === ws.OPEN) ws.send(text);
}

const server = new WebSocketServer({ port, path: '/ws', perMessageDeflate: false });
server.on('connection', (ws) => {
  ws.id = randomUUID();
  ws.user = 'guest-' + ws.id.slice(0, 12);
  ws.rooms = new Set();
  byId.set(ws.id, ws);
  send(ws, envelope('connection.established', null, { connection_id: ws.id, user_id: ws.user }));

  ws.on('message', (data) => {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      send(ws, envelope('error', null, { code: 'invalid_json', message: 'not JSON' }));
      return;
    }
    const p = frame.payload || {};
    switch (frame.type) {
      case 'room.join': {
        let members = rooms.get(p.room_id);
        if (!members) rooms.set(p.room_id, (members = new Set()));
        const notice = envelope('room.member.joined', null, {
          room_id: p.room_id,
          member: { connection_id: ws.id, user_id: ws.user },
          member_count: members.size + 1,
        });
        for (const other of members) send(other, notice);
        members.add(ws);
        ws.rooms.add(p.room_id);
        send(ws, envelope('room.joined', null, { room_id: p.room_id, member_count: members.size }));
        break;
      }
      case 'room.broadcast': {
        const members = rooms.get(p.room_id);
        if (!members || !members.has(ws)) break;
        const text = envelope('room.broadcast', ws.user, {
          room_id: p.room_id,
          message: p.message,
          sender_connection_id: ws.id,
        });
        for (const member of members) {
          if (!(p.exclude_sender && member === ws)) send(member, text);
        }
        break;
      }
      case 'message.direct': {
        const target = byId.get(p.connection_id);
        if (target) {
          send(target, envelope('message.direct', ws.user, { message: p.message, sender_connection_id: ws.id }));
        }
        break;
      }
      default:
        break;
    }
  });

  ws.on('close', () => {
    byId.delete(ws.id);
    for (const room of ws.rooms) {
      const members = rooms.get(room);
      members.delete(ws);
      if (members.size === 0) rooms.delete(room);
    }
  });
});
console.log(`node ws peer on ws://localhost:${port}/ws`);
