/**
 * demo.js: the Switchboard demo page. One connection, one room at a time, a chat view, the room's
 * members and a raw frame log. All protocol work is done by switchboard.js (window.Switchboard).
 *
 * Every piece of text that came from the network or the user is put on the page with textContent,
 * never innerHTML.
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const ui = {
    connectForm: $('connect-form'), hubUrl: $('hub-url'), connect: $('connect'), disconnect: $('disconnect'),
    state: $('state'), connectionId: $('connection-id'), userId: $('user-id'), pings: $('pings'), alert: $('alert'),
    roomForm: $('room-form'), roomId: $('room-id'), join: $('join'), leave: $('leave'),
    members: $('members'), membersEmpty: $('members-empty'), memberCount: $('member-count'),
    chatRoom: $('chat-room'), messages: $('messages'), messageForm: $('message-form'), message: $('message'), send: $('send'),
    log: $('log'), logCount: $('log-count'), logHeartbeats: $('log-heartbeats'), logClear: $('log-clear'),
  };

  /** Log entries kept; older ones are dropped so a long-open page stays light. */
  const LOG_LIMIT = 500;
  const ROOM_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

  const hub = new Switchboard.Client();

  /**
   * What the page knows about rooms.
   * room: the joined room, or null. pending: the room.join / room.leave in flight, so that an `error`
   * quoting its message_id can undo it.
   */
  const view = {
    /** @type {?{id: string, count: number, members: Map<string, string>}} members: connection_id -> user_id */
    room: null,
    /** @type {?{kind: 'join'|'leave', roomId: string, messageId: string}} */
    pending: null,
  };

  // ---------------------------------------------------------------- small DOM helpers

  /** Creates an element with a class and text content (text is never parsed as HTML). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** HH:MM:SS in local time for an ISO timestamp (or now). */
  function clock(iso) {
    const d = iso ? new Date(iso) : new Date();
    if (isNaN(d)) return '??:??:??';
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  }

  function showAlert(text) {
    ui.alert.textContent = text;
    ui.alert.hidden = !text;
  }

  /** Appends a line to the chat view and keeps it scrolled to the bottom if it was there. */
  function addChatItem(item) {
    const atBottom = ui.messages.scrollHeight - ui.messages.scrollTop - ui.messages.clientHeight < 30;
    ui.messages.append(item);
    if (atBottom) ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  /** A chat line: time, sender, text. */
  function addChatLine(timestamp, sender, text, mine) {
    const li = el('li', mine ? 'msg mine' : 'msg');
    const time = el('time', 'time', clock(timestamp));
    time.dateTime = timestamp;
    li.append(time, el('span', 'sender', sender), el('span', 'text', text));
    addChatItem(li);
  }

  /** A notice in the chat view: joins, leaves, direct messages, connection changes. */
  function addNotice(text, kind) {
    const li = el('li', 'notice' + (kind ? ' ' + kind : ''));
    li.append(el('time', 'time', clock()), el('span', 'text', text));
    addChatItem(li);
  }

  // ---------------------------------------------------------------- rendering state

  function renderControls() {
    const open = hub.state === 'open' && hub.identity !== null;
    const idle = hub.state === 'disconnected';
    ui.connect.disabled = !idle;
    ui.hubUrl.disabled = !idle;
    ui.disconnect.disabled = idle || hub.state === 'closing';

    const inRoom = view.room !== null;
    const busy = view.pending !== null;
    ui.roomId.disabled = !open || inRoom || busy;
    ui.join.disabled = !open || inRoom || busy;
    ui.leave.disabled = !open || !inRoom || busy;
    ui.message.disabled = !open || !inRoom;
    ui.send.disabled = !open || !inRoom;
    ui.message.placeholder = inRoom ? 'Message to ' + view.room.id + ' (Enter sends)' : 'Join a room to chat';
    ui.chatRoom.textContent = inRoom ? '· ' + view.room.id : '';
  }

  function renderStatus() {
    const labels = { disconnected: 'Disconnected', connecting: 'Connecting…', open: 'Connected', closing: 'Closing…' };
    const state = hub.state === 'open' && !hub.identity ? 'connecting' : hub.state;
    ui.state.textContent = labels[state];
    ui.state.dataset.state = state;
    ui.connectionId.textContent = hub.identity ? hub.identity.connection_id : '–';
    ui.userId.textContent = hub.identity ? hub.identity.user_id : '–';
    ui.pings.textContent = String(hub.pingsAnswered);
  }

  function renderMembers() {
    ui.members.replaceChildren();
    const room = view.room;
    ui.membersEmpty.hidden = room !== null;
    if (!room) {
      ui.memberCount.textContent = '';
      return;
    }
    const me = hub.identity && hub.identity.connection_id;
    for (const [connectionId, userId] of room.members) {
      const li = el('li', connectionId === me ? 'member me' : 'member', userId);
      li.title = 'connection ' + connectionId;
      if (connectionId === me) li.append(el('span', 'muted', ' (you)'));
      ui.members.append(li);
    }
    // The roster in room.joined lists at most WS_ROSTER_LIMIT members; member_count is always exact.
    ui.memberCount.textContent = room.members.size < room.count
      ? '(' + room.count + ', ' + room.members.size + ' listed)'
      : '(' + room.count + ')';
  }

  function render() {
    renderStatus();
    renderControls();
    renderMembers();
  }

  // ---------------------------------------------------------------- frame log

  function logFrame(direction, frame, text) {
    const heartbeat = frame && typeof frame.type === 'string' && frame.type.startsWith('heartbeat.');
    const li = el('li', 'frame ' + direction + (heartbeat ? ' heartbeat' : ''));
    li.hidden = heartbeat && !ui.logHeartbeats.checked;
    const arrow = { in: '←', out: '→', event: '•' }[direction];
    li.append(
      el('span', 'dir', arrow),
      el('span', 'time', clock()),
      el('span', 'type', frame ? String(frame.type) : direction === 'event' ? '' : '(not JSON)'),
      el('code', 'raw', text),
    );
    li.querySelector('.dir').setAttribute('aria-label', { in: 'in', out: 'out', event: 'event' }[direction]);
    const atBottom = ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 30;
    ui.log.append(li);
    while (ui.log.children.length > LOG_LIMIT) ui.log.firstElementChild.remove();
    if (atBottom) ui.log.scrollTop = ui.log.scrollHeight;
    ui.logCount.textContent = '(' + ui.log.children.length + ')';
  }

  // ---------------------------------------------------------------- hub events

  hub.on('frame', (frame, text) => logFrame('in', frame, text));
  hub.on('invalid', (text) => logFrame('in', null, text));
  hub.on('sent', (frame, text) => logFrame('out', frame, text));
  hub.on('state', (state) => {
    if (state === 'connecting') logFrame('event', null, 'connecting to ' + ui.hubUrl.value);
    if (state === 'open') logFrame('event', null, 'socket open');
    render();
  });
  hub.on('heartbeat.ping', renderStatus);

  hub.on('connection.established', (frame) => {
    const p = frame.payload;
    showAlert('');
    addNotice('Connected as ' + p.user_id + '. Heartbeat every ' + p.heartbeat.interval_seconds + ' s (timeout '
      + p.heartbeat.timeout_seconds + ' s), idle timeout ' + p.idle_timeout_seconds + ' s.');
    render();
  });

  hub.on('close', (info) => {
    const text = 'Closed ' + info.code + ' (' + info.meaning + ')' + (info.reason ? ': ' + info.reason : '');
    logFrame('event', null, text);
    addNotice(text, info.code === 1000 ? '' : 'bad');
    if (info.code !== 1000) showAlert(text);
    view.room = null; // the server takes a closed connection out of every room
    view.pending = null;
    render();
  });

  hub.on('room.joined', (frame) => {
    const p = frame.payload;
    if (view.pending && view.pending.kind === 'join' && view.pending.roomId === p.room_id) view.pending = null;
    view.room = {
      id: p.room_id,
      count: p.member_count,
      members: new Map(p.members.map((m) => [m.connection_id, m.user_id])),
    };
    addNotice('You joined ' + p.room_id + ' (' + p.member_count + ' member' + (p.member_count === 1 ? '' : 's') + ').');
    render();
    ui.message.focus();
  });

  hub.on('room.left', (frame) => {
    const p = frame.payload;
    if (view.pending && view.pending.kind === 'leave' && view.pending.roomId === p.room_id) view.pending = null;
    if (view.room && view.room.id === p.room_id) view.room = null;
    addNotice('You left ' + p.room_id + '.');
    render();
  });

  hub.on('room.member.joined', (frame) => {
    const p = frame.payload;
    if (!view.room || view.room.id !== p.room_id) return;
    view.room.members.set(p.member.connection_id, p.member.user_id);
    view.room.count = p.member_count;
    addNotice(p.member.user_id + ' joined.');
    renderMembers();
  });

  hub.on('room.member.left', (frame) => {
    const p = frame.payload;
    if (!view.room || view.room.id !== p.room_id) return;
    view.room.members.delete(p.member.connection_id);
    view.room.count = p.member_count;
    addNotice(p.member.user_id + ' left.');
    renderMembers();
  });

  hub.on('room.broadcast', (frame) => {
    const p = frame.payload;
    if (!view.room || view.room.id !== p.room_id) return;
    const mine = hub.identity && p.sender_connection_id === hub.identity.connection_id;
    const m = p.message;
    const text = m && m.type === 'chat' && typeof m.text === 'string' ? m.text : JSON.stringify(m);
    addChatLine(frame.timestamp, frame.sender_id, text, mine);
  });

  hub.on('message.direct', (frame) => {
    const m = frame.payload.message;
    const text = m && typeof m.text === 'string' ? m.text : JSON.stringify(m);
    addNotice('Direct message from ' + frame.sender_id + ': ' + text, 'direct');
  });

  hub.on('message.text', (frame) => addNotice('Echo: ' + frame.payload.text));

  hub.on('error', (frame) => {
    const p = frame.payload;
    const text = 'Server error ' + p.code + ': ' + p.message;
    showAlert(text);
    addNotice(text, 'bad');
    if (view.pending && view.pending.messageId === p.ref_message_id) {
      view.pending = null; // the join or leave it answers did not happen
      render();
    }
  });

  // ---------------------------------------------------------------- user actions

  ui.connectForm.addEventListener('submit', (event) => {
    event.preventDefault();
    showAlert('');
    try {
      hub.connect(ui.hubUrl.value.trim());
    } catch (e) {
      showAlert('Cannot connect: ' + e.message);
    }
  });

  ui.disconnect.addEventListener('click', () => hub.disconnect('user clicked Disconnect'));

  ui.roomForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const roomId = ui.roomId.value.trim();
    if (!ROOM_ID.test(roomId)) {
      showAlert('A room id is 1 to 128 characters: letters, digits, _ . : -');
      return;
    }
    showAlert('');
    view.pending = { kind: 'join', roomId: roomId, messageId: hub.join(roomId) };
    renderControls();
  });

  ui.leave.addEventListener('click', () => {
    if (!view.room) return;
    view.pending = { kind: 'leave', roomId: view.room.id, messageId: hub.leave(view.room.id) };
    renderControls();
  });

  ui.messageForm.addEventListener('submit', (event) => {
    event.preventDefault(); // a form submits on Enter, so Enter sends
    const text = ui.message.value;
    if (!text.trim() || !view.room) return;
    hub.broadcast(view.room.id, { type: 'chat', text: text });
    ui.message.value = '';
    ui.message.focus();
  });

  ui.logHeartbeats.addEventListener('change', () => {
    for (const li of ui.log.querySelectorAll('.heartbeat')) li.hidden = !ui.logHeartbeats.checked;
  });

  ui.logClear.addEventListener('click', () => {
    ui.log.replaceChildren();
    ui.logCount.textContent = '(0)';
  });

  // ---------------------------------------------------------------- start

  ui.hubUrl.value = location.protocol === 'file:' ? 'ws://localhost:8080/ws' : Switchboard.hubUrl(location);
  render();
})();
