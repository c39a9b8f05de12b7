/**
 * admin.js: the operations dashboard. Every two seconds it reads the admin API (connections, users,
 * rooms) and the Prometheus metrics, and draws the rates of the last two minutes with Chart.js.
 *
 * Where the metrics are not reachable from the page (WildFly serves them on its management port),
 * the rates come from the admin API instead: messages from the per-connection counters (closed
 * connections drop out), the round trip from each connection's last heartbeat; fan-out latency
 * needs the metrics. Text from the hub reaches the page through textContent only.
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const API = '../api/admin/';
  const TOKEN_KEY = 'switchboard.admin.token';
  const POLL_MS = 2000;
  const POINTS = 60;

  let token = null;
  let timer = null;
  let previous = null;
  const charts = {};

  // ------------------------------------------------------------------ helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function toast(text) {
    const t = el('div', 'toast', text);
    $('toasts').append(t);
    setTimeout(() => t.remove(), 5000);
  }

  function clock(iso) {
    const d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleTimeString();
  }

  async function api(path, body) {
    const init = { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const answer = await fetch(API + path, init);
    if (answer.status === 401 || answer.status === 403) {
      signOut(answer.status === 401 ? 'The token was refused (expired or not trusted).' : 'This token is not in the admin group.');
      throw new Error('unauthorized');
    }
    if (!answer.ok) throw new Error(path + ': HTTP ' + answer.status);
    return answer.json();
  }

  /**
   * The series of a Prometheus text exposition, summed over labels: name -> value. Payara prefixes
   * nothing and adds mp_scope; WildFly and Liberty may add labels too; summing handles all.
   */
  function parseMetrics(text) {
    const sums = new Map();
    for (const line of text.split('\n')) {
      if (!line.startsWith('switchboard_')) continue;
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+([-+0-9.eE]+|NaN)/.exec(line);
      if (!m || /quantile=/.test(m[2] || '')) continue;
      const value = Number(m[3]);
      if (!isNaN(value)) sums.set(m[1], (sums.get(m[1]) || 0) + value);
    }
    return sums;
  }

  async function metrics() {
    const url = $('metrics-url').value.trim();
    if (!url) return null;
    try {
      const answer = await fetch(url, { headers: { Accept: 'text/plain' } });
      if (!answer.ok) return null;
      const sums = parseMetrics(await answer.text());
      return sums.has('switchboard_connections') ? sums : null;
    } catch (e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ charts

  function chart(id, datasets, unit) {
    const colours = ['#3b6cf6', '#1e9e5a', '#d98a00'];
    charts[id] = new Chart($(id), {
      type: 'line',
      data: {
        labels: [],
        datasets: datasets.map((label, i) => ({
          label,
          data: [],
          borderColor: colours[i],
          backgroundColor: colours[i] + '22',
          fill: datasets.length === 1,
          tension: 0.3,
          pointRadius: 0,
          borderWidth: 2,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { display: datasets.length > 1, position: 'bottom' } },
        scales: {
          x: { ticks: { maxTicksLimit: 6, maxRotation: 0 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { precision: unit === 'open' ? 0 : undefined }, title: { display: Boolean(unit), text: unit } },
        },
      },
    });
  }

  function plot(id, label, values) {
    const c = charts[id];
    c.data.labels.push(label);
    values.forEach((v, i) => c.data.datasets[i].data.push(v));
    if (c.data.labels.length > POINTS) {
      c.data.labels.shift();
      c.data.datasets.forEach((d) => d.data.shift());
    }
    c.update();
  }

  // ------------------------------------------------------------------ one sample

  function sum(list, field) {
    return list.reduce((s, x) => s + (x[field] || 0), 0);
  }

  async function sample() {
    let connections, users, rooms, m;
    try {
      [connections, users, rooms, m] = await Promise.all([api('connections'), api('users'), api('rooms'), metrics()]);
    } catch (e) {
      if (token) {
        $('live').dataset.state = 'error';
        $('live').textContent = 'Unreachable';
      }
      return;
    }
    $('live').dataset.state = 'ok';
    $('live').textContent = 'Live';
    $('metrics-source').textContent = m ? 'metrics: ' + $('metrics-url').value : 'metrics unreachable: rates from the admin API';
    const now = { at: Date.now(), m, msgIn: sum(connections, 'messages_in'), msgOut: sum(connections, 'messages_out') };
    const label = new Date().toLocaleTimeString();
    const count = m ? m.get('switchboard_connections') : connections.length;
    let rateIn = null, rateOut = null, fanout = null, rtt = null;
    if (previous) {
      const seconds = (now.at - previous.at) / 1000;
      const delta = (name) => now.m.get(name) - previous.m.get(name);
      if (m && previous.m) {
        rateIn = delta('switchboard_messages_in_total') / seconds;
        rateOut = delta('switchboard_messages_out_total') / seconds;
        const fanCount = delta('switchboard_fanout_latency_seconds_count');
        fanout = fanCount > 0 ? (1000 * delta('switchboard_fanout_latency_seconds_sum')) / fanCount : null;
        const rttCount = delta('switchboard_heartbeat_rtt_milliseconds_count');
        rtt = rttCount > 0 ? delta('switchboard_heartbeat_rtt_milliseconds_sum') / rttCount : null;
      } else {
        rateIn = Math.max(0, now.msgIn - previous.msgIn) / seconds;
        rateOut = Math.max(0, now.msgOut - previous.msgOut) / seconds;
      }
    }
    if (rtt === null) {
      const measured = connections.filter((c) => c.heartbeat_rtt_ms >= 0 && c.heartbeat_rtt_ms !== null);
      if (!m && measured.length) rtt = sum(measured, 'heartbeat_rtt_ms') / measured.length;
    }
    previous = now;
    plot('chart-connections', label, [count]);
    plot('chart-messages', label, [rateIn, rateOut]);
    plot('chart-fanout', label, [fanout]);
    plot('chart-rtt', label, [rtt]);
    $('tile-connections').textContent = count;
    $('tile-users').textContent = users.length;
    $('tile-rooms').textContent = rooms.length;
    $('tile-rate').textContent = rateIn === null ? '–' : rateIn.toFixed(1) + ' / ' + rateOut.toFixed(1);
    renderConnections(connections);
    renderUsers(users);
    renderRooms(rooms);
  }

  // ------------------------------------------------------------------ tables

  function action(text, run) {
    const b = el('button', 'bad', text);
    b.type = 'button';
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        await run();
        await sample();
      } catch (e) {
        if (e.message !== 'unauthorized') toast(e.message);
        b.disabled = false;
      }
    });
    return b;
  }

  function cells(row, values) {
    for (const v of values) {
      const td = el('td', typeof v === 'number' ? 'num' : null);
      if (v instanceof Node) td.append(v);
      else td.textContent = v === null || v === undefined ? '–' : String(v);
      row.append(td);
    }
  }

  function renderConnections(list) {
    $('connections-count').textContent = '(' + list.length + ')';
    const rows = list
      .sort((a, b) => a.opened_at.localeCompare(b.opened_at))
      .map((c) => {
        const tr = el('tr');
        tr.dataset.connection = c.connection_id;
        const id = el('code', null, c.connection_id.slice(0, 8));
        id.title = c.connection_id;
        const rooms = el('span');
        for (const r of c.rooms) rooms.append(el('span', 'pill', r));
        cells(tr, [
          id,
          c.user_id,
          c.auth,
          rooms,
          clock(c.opened_at),
          c.messages_in,
          c.messages_out,
          c.queued,
          c.heartbeat_rtt_ms >= 0 ? c.heartbeat_rtt_ms : null,
          action('Disconnect', () => api('connections/' + encodeURIComponent(c.connection_id) + '/disconnect', { reason: 'disconnected from the dashboard' })
            .then(() => toast('Disconnected ' + c.connection_id.slice(0, 8) + ' (' + c.user_id + ')'))),
        ]);
        return tr;
      });
    $('connections').tBodies[0].replaceChildren(...rows);
  }

  function renderUsers(list) {
    const rows = list
      .sort((a, b) => a.user_id.localeCompare(b.user_id))
      .map((u) => {
        const tr = el('tr');
        tr.dataset.user = u.user_id;
        cells(tr, [
          u.user_id,
          u.connection_ids.length,
          action('Disconnect all', () => api('users/' + encodeURIComponent(u.user_id) + '/disconnect', { reason: 'disconnected from the dashboard' })),
        ]);
        return tr;
      });
    $('users').tBodies[0].replaceChildren(...rows);
  }

  function renderRooms(list) {
    const rows = list
      .sort((a, b) => a.room_id.localeCompare(b.room_id))
      .map((r) => {
        const tr = el('tr');
        tr.dataset.room = r.room_id;
        const users = new Set(r.members.map((m) => m.user_id));
        cells(tr, [r.room_id, r.member_count, Array.from(users).join(', ')]);
        return tr;
      });
    $('rooms').tBodies[0].replaceChildren(...rows);
  }

  // ------------------------------------------------------------------ sign-in

  function signIn(value) {
    token = value;
    sessionStorage.setItem(TOKEN_KEY, value);
    try {
      const claims = JSON.parse(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      $('admin-user').textContent = claims.upn || claims.preferred_username || claims.sub || '';
    } catch (e) {
      $('admin-user').textContent = '';
    }
    $('signin').hidden = true;
    $('dashboard').hidden = false;
    if (!charts['chart-connections']) {
      chart('chart-connections', ['connections'], 'open');
      chart('chart-messages', ['in', 'out'], 'per s');
      chart('chart-fanout', ['fan-out'], 'ms');
      chart('chart-rtt', ['round trip'], 'ms');
    }
    previous = null;
    sample();
    clearInterval(timer);
    timer = setInterval(sample, POLL_MS);
  }

  function signOut(message) {
    token = null;
    clearInterval(timer);
    sessionStorage.removeItem(TOKEN_KEY);
    $('dashboard').hidden = true;
    $('signin').hidden = false;
    $('signin-error').textContent = message || '';
    $('signin-error').hidden = !message;
  }

  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('admin-token').value.trim();
    if (value) signIn(value);
  });
  $('dev-signin').addEventListener('click', async () => {
    const answer = await fetch('../dev/token?user=ops&groups=admin');
    if (!answer.ok) {
      $('signin-error').textContent = 'No development tokens here (HTTP ' + answer.status + '): paste an admin token.';
      $('signin-error').hidden = false;
      return;
    }
    signIn((await answer.json()).access_token);
  });
  $('signout').addEventListener('click', () => signOut());
  $('announce-scope').addEventListener('change', () => {
    $('announce-target').disabled = $('announce-scope').value === 'all';
  });
  $('announce-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { text: $('announce-text').value };
    const scope = $('announce-scope').value;
    if (scope === 'room') body.room_id = $('announce-target').value.trim();
    if (scope === 'user') body.user_id = $('announce-target').value.trim();
    try {
      const outcome = await api('announcements', body);
      toast('Announcement sent to ' + outcome.connections + ' connection(s)');
      $('announce-text').value = '';
    } catch (e) {
      if (e.message !== 'unauthorized') toast('Not sent: ' + e.message);
    }
  });
  $('drain').addEventListener('click', () => {
    $('drain-confirm').hidden = false;
    setTimeout(() => ($('drain-confirm').hidden = true), 8000);
  });
  $('drain-confirm').addEventListener('click', async () => {
    $('drain-confirm').hidden = true;
    try {
      const outcome = await api('drain', {});
      toast('Drain done: ' + outcome.connections + ' client(s) told to come back later');
    } catch (e) {
      if (e.message !== 'unauthorized') toast('Drain failed: ' + e.message);
    }
  });

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) signIn(saved);
})();
