/**
 * demo.js: the Switchboard chat. Rooms with history, direct messages, typing indicators, the members
 * of a room with their devices, and the connection's state; all protocol work is switchboard.js's.
 *
 * Text from the network or the user reaches the page through textContent only, never as markup.
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const ROOMS_KEY = 'switchboard.rooms';
  const HISTORY = 50;
  /** Items kept per conversation; older ones are dropped so a long-open page stays light. */
  const KEEP = 500;

  let hub = null;
  let mode = 'jwt';
  /** key ('room:<id>' | 'dm:<user>') -> {kind, id, items: [], unread} */
  const conversations = new Map();
  let current = null;
  let countdown = null;
  let renewal = null;
  let membersRefresh = null;

  // ------------------------------------------------------------------ helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clock(iso) {
    const d = iso ? new Date(iso) : new Date();
    return isNaN(d) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  /** A stable colour and initials per user id. */
  function avatar(userId, className) {
    const a = el('span', 'avatar' + (className ? ' ' + className : ''), (userId || '?').replace(/^guest-/, 'g').slice(0, 2).toUpperCase());
    let h = 0;
    for (const c of userId || '') h = (h * 31 + c.charCodeAt(0)) % 360;
    a.style.background = 'hsl(' + h + ' 55% 48%)';
    a.setAttribute('aria-hidden', 'true');
    return a;
  }

  function textOf(message) {
    if (typeof message === 'string') return message;
    if (message && typeof message.text === 'string') return message.text;
    return JSON.stringify(message);
  }

  function toast(text) {
    const t = el('div', 'toast', text);
    $('toasts').append(t);
    setTimeout(() => t.remove(), 6000);
  }

  function banner(text, bad) {
    $('banner').textContent = text || '';
    $('banner').hidden = !text;
    $('banner').classList.toggle('bad', Boolean(bad));
  }

  // ------------------------------------------------------------------ conversations

  function conversation(kind, id) {
    const key = kind + ':' + id;
    if (!conversations.has(key)) conversations.set(key, { key, kind, id, items: [], unread: 0 });
    return conversations.get(key);
  }

  function add(conv, item) {
    conv.items.push(item);
    if (conv.items.length > KEEP) conv.items.shift();
    if (current === conv) {
      const list = $('messages');
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      list.append(render(item));
      if (atBottom) list.scrollTop = list.scrollHeight;
    } else if (item.kind === 'msg' && !item.mine) {
      conv.unread++;
      renderChannels();
    }
  }

  function remove(conv, item) {
    const i = conv.items.indexOf(item);
    if (i >= 0) conv.items.splice(i, 1);
    if (item.node) item.node.remove();
  }

  function render(item) {
    if (item.kind === 'notice') {
      item.node = el('li', 'notice' + (item.className ? ' ' + item.className : ''), item.text);
      return item.node;
    }
    const li = el('li', 'msg' + (item.mine ? ' mine' : '') + (item.pending ? ' pending' : ''));
    if (item.seq) li.dataset.seq = item.seq;
    const head = el('div', 'head');
    const time = el('time', null, clock(item.timestamp));
    if (item.timestamp) time.dateTime = item.timestamp;
    head.append(el('span', 'sender', item.sender), time);
    if (item.replayed) head.append(el('span', 'replayed', 'history'));
    if (item.pending) head.append(el('span', 'replayed', 'sending…'));
    li.append(avatar(item.sender), head, el('div', 'text', item.text));
    item.node = li;
    return li;
  }

  function show(conv) {
    current = conv;
    conv.unread = 0;
    const list = $('messages');
    list.replaceChildren(...conv.items.map(render));
    list.scrollTop = list.scrollHeight;
    $('conversation-title').textContent = conv.kind === 'room' ? '# ' + conv.id : '@ ' + conv.id;
    $('conversation-sub').textContent = conv.kind === 'room' ? '' : 'direct message';
    $('message').placeholder = conv.kind === 'room' ? 'Message #' + conv.id : 'Message ' + conv.id;
    $('typing').textContent = '';
    renderChannels();
    renderMembers();
    if (conv.kind === 'room') {
      renderTyping(hub.room(conv.id));
      refreshMembers(conv.id);
    }
    $('message').focus();
  }

  function renderChannels() {
    const rooms = [];
    const dms = [];
    for (const conv of conversations.values()) {
      const b = el('button', null);
      b.type = 'button';
      b.append(el('span', null, (conv.kind === 'room' ? '# ' : '@ ') + conv.id));
      if (conv.unread) b.append(el('span', 'unread', conv.unread));
      if (conv === current) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => show(conv));
      const li = el('li');
      li.dataset.key = conv.key;
      li.append(b);
      (conv.kind === 'room' ? rooms : dms).push(li);
    }
    $('rooms').replaceChildren(...rooms);
    $('dms').replaceChildren(...dms);
    $('dms-empty').hidden = dms.length > 0;
  }

  // ------------------------------------------------------------------ rooms

  function savedRooms() {
    try {
      const rooms = JSON.parse(localStorage.getItem(ROOMS_KEY));
      return Array.isArray(rooms) && rooms.length ? rooms : ['lobby'];
    } catch (e) {
      return ['lobby'];
    }
  }

  function saveRooms() {
    const ids = Array.from(conversations.values()).filter((c) => c.kind === 'room').map((c) => c.id);
    localStorage.setItem(ROOMS_KEY, JSON.stringify(ids));
  }

  function openRoom(id, select) {
    const conv = conversation('room', id);
    const room = hub.room(id, { history: HISTORY });
    if (!room.wired) {
      room.wired = true;
      room.on('message', (message, meta) => {
        add(conv, {
          kind: 'msg',
          sender: meta.senderId,
          text: textOf(message),
          timestamp: meta.timestamp,
          seq: meta.seq,
          replayed: meta.replayed && !conv.live,
          mine: hub.identity && meta.senderId === hub.identity.user_id,
        });
      });
      room.on('gap', (gap) => add(conv, { kind: 'notice', text: 'Some messages could not be recovered (' + gap.reason + ').' }));
      room.on('joined', () => (conv.live = conv.items.some((i) => i.kind === 'msg') || conv.live));
      room.on('member.joined', (p) => add(conv, { kind: 'notice', text: p.member.user_id + ' joined' }));
      room.on('member.left', (p) => add(conv, { kind: 'notice', text: p.member.user_id + ' left' }));
      room.on('presence', () => {
        if (current === conv) {
          renderMembers();
          refreshMembers(id);
        }
      });
      room.on('typing', () => current === conv && renderTyping(room));
      room.on('left', (p) => {
        if (p.reason) add(conv, { kind: 'notice', text: 'You were taken out of the room: ' + p.reason });
      });
    }
    room.join().then(
      () => (conv.live = true),
      (e) => {
        toast('Cannot join ' + id + ': ' + e.message);
        conversations.delete(conv.key);
        saveRooms();
        if (current === conv) pickAny();
        renderChannels();
      });
    saveRooms();
    if (select || !current) show(conv);
    else renderChannels();
  }

  function pickAny() {
    const first = conversations.values().next().value;
    if (first) show(first);
  }

  function refreshMembers(roomId) {
    clearTimeout(membersRefresh);
    membersRefresh = setTimeout(() => {
      const room = hub.room(roomId);
      if (room.joined) room.members().then(() => current && current.id === roomId && renderMembers(), () => {});
    }, 150);
  }

  function renderMembers() {
    const list = $('members');
    if (!current || current.kind !== 'room') {
      list.replaceChildren();
      $('member-count').textContent = '';
      return;
    }
    const room = hub.room(current.id);
    const me = hub.identity ? hub.identity.user_id : null;
    const items = room.presence()
      .sort((a, b) => a.userId.localeCompare(b.userId))
      .map((u) => {
        const b = el('button');
        b.type = 'button';
        const name = el('span', 'member-name', u.userId + (u.userId === me ? ' (you)' : ''));
        const who = el('span');
        who.append(name, el('div', 'devices', u.connections === 1 ? '1 device' : u.connections + ' devices'));
        b.append(avatar(u.userId), who);
        if (u.userId !== me) {
          b.title = 'Send ' + u.userId + ' a direct message';
          b.addEventListener('click', () => show(conversation('dm', u.userId)));
        }
        const li = el('li');
        li.dataset.user = u.userId;
        li.append(b);
        return li;
      });
    list.replaceChildren(...items);
    $('member-count').textContent = room.userCount ? '(' + room.userCount + ')' : '';
  }

  function renderTyping(room) {
    const me = hub.identity ? hub.identity.user_id : null;
    const who = Array.from(room.typingUsers).filter((u) => u !== me);
    $('typing').textContent =
      who.length === 0 ? '' : who.length === 1 ? who[0] + ' is typing…' : who.slice(0, 3).join(', ') + ' are typing…';
  }

  // ------------------------------------------------------------------ sending

  function send(event) {
    event.preventDefault();
    const text = $('message').value.trim();
    if (!text || !current) return;
    $('message').value = '';
    const conv = current;
    if (conv.kind === 'room') {
      const pending = { kind: 'msg', sender: hub.identity ? hub.identity.user_id : 'me', text, pending: true, mine: true };
      add(conv, pending);
      hub.room(conv.id).publish({ type: 'chat', text }).then(
        () => remove(conv, pending),
        (e) => {
          remove(conv, pending);
          add(conv, { kind: 'notice', text: 'Not sent (' + e.code + '): ' + text });
        });
    } else {
      hub.direct({ userId: conv.id }, { type: 'chat', text }).then(
        () => add(conv, { kind: 'msg', sender: hub.identity.user_id, text, timestamp: new Date().toISOString(), mine: true }),
        (e) => add(conv, { kind: 'notice', text: 'Not sent (' + e.code + '): ' + text }));
    }
  }

  // ------------------------------------------------------------------ connection state

  function renderState(state, detail) {
    const node = $('state');
    node.dataset.state = state;
    clearInterval(countdown);
    $('retry').hidden = state !== 'disconnected';
    if (state === 'connected') {
      node.textContent = 'Connected';
      banner('');
    } else if (state === 'connecting') {
      node.textContent = detail.attempt ? 'Reconnecting… (attempt ' + detail.attempt + ')' : 'Connecting…';
    } else if (state === 'disconnected') {
      const why = detail.meaning ? ' (' + detail.meaning + ')' : '';
      if (detail.retryAt == null) {
        node.textContent = 'Offline' + why + ': reconnects when needed';
        return;
      }
      const tick = () => {
        const left = Math.max(0, Math.ceil((detail.retryAt - Date.now()) / 1000));
        node.textContent = 'Reconnecting in ' + left + ' s' + why;
        node.dataset.retryIn = String(left);
      };
      tick();
      countdown = setInterval(tick, 250);
    } else if (state === 'closed') {
      const why = detail.error ? detail.error.message : 'closed';
      node.textContent = 'Disconnected: ' + why;
      banner('Disconnected: ' + why + '. Sign in again to continue.', true);
    }
  }

  function renderSession(expiresAt) {
    $('session').textContent = expiresAt ? 'Session valid until ' + clock(expiresAt) : 'Guest session';
  }

  // ------------------------------------------------------------------ tokens

  async function devToken() {
    const user = $('dev-user').value.trim();
    const groups = $('dev-groups').value.trim();
    const base = location.pathname.replace(/[^/]*$/, '');
    const answer = await fetch(base + 'dev/token?user=' + encodeURIComponent(user) + '&groups=' + encodeURIComponent(groups));
    if (!answer.ok) throw new Switchboard.Unauthorized('no development token (' + answer.status + '): is this the embedded run?');
    return (await answer.json()).access_token;
  }

  /** JWT mode: a new token is pasted by the user; the hub's warning opens the renew panel. */
  function pastedToken() {
    $('renew').hidden = false;
    return new Promise((resolve) => (renewal = resolve));
  }

  // ------------------------------------------------------------------ sign-in

  function start(token) {
    hub = new Switchboard.Client({
      url: $('hub-url').value,
      token: mode === 'jwt' ? token : null,
      getToken: mode === 'dev' ? devToken : pastedToken,
    });
    window.switchboardChat = { hub };
    hub.on('state', renderState);
    hub.on('connected', (p) => {
      $('user-id').textContent = p.user_id;
      $('me-avatar').replaceWith(Object.assign(avatar(p.user_id), { id: 'me-avatar' }));
      renderSession(p.expires_at);
      renderMembers();
    });
    hub.on('token', (p) => {
      $('renew').hidden = true;
      renderSession(p.expires_at);
      toast('Session renewed until ' + clock(p.expires_at));
    });
    hub.on('draining', (p) => banner('The hub is restarting: reconnecting in ' + Math.ceil(p.retry_after_ms / 1000) + ' s.'));
    hub.on('announcement', (p) => {
      const text = 'Announcement: ' + p.text;
      toast(text);
      const target = p.scope === 'room' ? conversation('room', p.room_id) : current;
      if (target) add(target, { kind: 'notice', className: 'announcement', text });
    });
    hub.on('direct', (message, meta) => {
      const conv = conversation('dm', meta.senderId);
      add(conv, { kind: 'msg', sender: meta.senderId, text: textOf(message), timestamp: meta.timestamp });
      renderChannels();
    });
    hub.on('error', (e) => toast(e.code === 'target_not_found' ? 'That user is not online.' : e.code + ': ' + e.message));

    $('signin-button').disabled = true;
    hub.connect().then(
      () => {
        $('signin').hidden = true;
        $('app').hidden = false;
        for (const id of savedRooms()) openRoom(id, false);
      },
      (e) => {
        $('signin-button').disabled = false;
        $('signin-error').textContent = 'Could not connect: ' + e.message;
        $('signin-error').hidden = false;
      });
  }

  function selectTab(which) {
    mode = which;
    $('tab-jwt').setAttribute('aria-selected', String(which === 'jwt'));
    $('tab-dev').setAttribute('aria-selected', String(which === 'dev'));
    $('pane-jwt').hidden = which !== 'jwt';
    $('pane-dev').hidden = which !== 'dev';
  }

  $('hub-url').value = Switchboard.hubUrl();
  $('tab-jwt').addEventListener('click', () => selectTab('jwt'));
  $('tab-dev').addEventListener('click', () => selectTab('dev'));
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('signin-error').hidden = true;
    const token = $('token').value.trim();
    if (mode === 'jwt' && !token) {
      $('signin-error').textContent = 'Paste a token, or use a development token.';
      $('signin-error').hidden = false;
      return;
    }
    start(token);
  });
  $('composer').addEventListener('submit', send);
  $('message').addEventListener('input', () => {
    if (current && current.kind === 'room' && $('message').value) hub.room(current.id).typing();
  });
  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = $('join-room').value.trim();
    $('join-room').value = '';
    if (id) openRoom(id, true);
  });
  $('renew-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('renew-token').value.trim();
    if (token && renewal) {
      renewal(token);
      renewal = null;
      $('renew-token').value = '';
    }
  });
  $('retry').addEventListener('click', () => hub && hub.reconnectNow());
  $('signout').addEventListener('click', () => {
    if (hub) hub.disconnect();
    location.reload();
  });
  if (new URLSearchParams(location.search).get('mode') === 'dev') selectTab('dev');
})();
