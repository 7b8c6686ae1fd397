// The Convener reference widget: champions and connectors, collaborators, a pulse heatmap with
// trends, and live notifications. No library, nothing from other hosts; data is only ever written
// with textContent, never parsed as HTML. The token lives in memory only.
'use strict';
(() => {
  const api = new URL('../', location.href); // the API is mounted beside /ui/
  const SVG = 'http://www.w3.org/2000/svg';
  const KINDS = ['approval.requested', 'learning.attributed', 'innovation.successful', 'pulse.risk',
    'champion.status'];
  const hosts = (document.querySelector('meta[name="convener-host-origins"]')?.content || '')
    .split(/\s+/).filter(o => o && o !== '{{hostOrigins}}');
  const allowed = new Set([location.origin, ...hosts]);
  const state = { token: null, teams: [], series: new Map(), source: null, lastEventId: null, retry: 1000,
    timer: null, started: false };
  const $ = id => document.getElementById(id);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function number(v, digits = 2) {
    return v === null || v === undefined ? '—' : Number(v).toFixed(digits).replace(/\.?0+$/, '');
  }

  async function call(method, path, body) {
    const headers = { Authorization: 'Bearer ' + state.token };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    const r = await fetch(new URL(path, api), { method, headers, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const doc = await r.json().catch(() => null);
    if (!r.ok) {
      const err = new Error((doc && doc.detail) || ('HTTP ' + r.status));
      err.status = r.status;
      throw err;
    }
    return doc;
  }

  function note(id, text, error) {
    const p = $(id);
    p.textContent = text || '';
    p.classList.toggle('error', Boolean(error));
  }

  // Champions and connectors, each with its explanation in a disclosure.
  function person(c) {
    const li = el('li');
    const head = el('p', null, 'person');
    head.append(el('strong', c.member, 'member'), ' ',
      el('span', '#' + c.rank + ' · ' + c.roles.join(', ') + ' · ' + c.persona + ' · score ' + number(c.score, 3)));
    const why = el('details');
    why.append(el('summary', 'Why ' + c.member + '?'));
    const table = el('table', null, 'explain');
    table.append(el('caption', 'Score components (value × weight)'));
    for (const [name, value] of Object.entries(c.components)) {
      const tr = el('tr');
      const th = el('th', name);
      th.scope = 'row';
      tr.append(th, el('td', number(value, 3) + ' × ' + number(c.weights[name] ?? null, 3)));
      table.append(tr);
    }
    why.append(table);
    const ev = c.evidence;
    const people = ev.people.map(p => p.member + ' (' + p.component + ')');
    why.append(el('p', ev.events.length + ' events as evidence' + (people.length ? '; with ' + people.join(', ') : '')
      + (ev.peopleWithheld ? '; ' + ev.peopleWithheld + ' more people not named (no consent)' : '') + '.'));
    li.append(head, why);
    return li;
  }

  async function loadChampions() {
    note('champions-note', 'Loading…');
    try {
      const doc = await call('POST', 'v1/champions/discover', {});
      const champions = $('champion-list');
      const connectors = $('connector-list');
      champions.replaceChildren(...doc.champions.filter(c => c.roles.includes('champion')).map(person));
      connectors.replaceChildren(...doc.champions.filter(c => c.roles.includes('connector')).map(person));
      note('champions-note', 'Window ' + doc.window + ' to ' + doc.asOf.slice(0, 10) + '; ' + doc.candidates
        + ' candidates' + (doc.withheld ? ', ' + doc.withheld + ' not shown for lack of consent' : '') + '.'
        + (doc.stale ? ' The store is not answering: this is the result of ' + doc.stale.computedAt + '.' : ''));
    } catch (e) {
      note('champions-note', 'Champions: ' + e.message, true);
    }
  }

  async function loadCollaborators(team) {
    if (!team) { return; }
    note('collaborators-note', 'Loading…');
    try {
      const doc = await call('POST', 'v1/collaborators/recommend', { team });
      $('collaborator-list').replaceChildren(...doc.recommendations.map(r => {
        const li = el('li');
        li.append(el('p', null, 'person'));
        li.firstChild.append(el('strong', r.member, 'member'), ' ', el('span', 'score ' + number(r.score, 3)));
        const reasons = el('ul', null, 'reasons');
        reasons.append(...r.reasons.map(x => el('li', x)));
        li.append(reasons);
        return li;
      }));
      note('collaborators-note', doc.recommendations.length ? 'For team ' + doc.team + '.'
        : 'No recommendation for team ' + doc.team + '.');
    } catch (e) {
      note('collaborators-note', 'Collaborators: ' + e.message, true);
    }
  }

  // The heatmap: one row per team, one cell per window, a sparkline and the newest window's risks.
  function sparkline(values, label) {
    const w = 120, h = 28, pad = 3;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'sparkline');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('width', w);
    svg.setAttribute('height', h);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    const known = values.filter(v => v !== null);
    const lo = Math.min(...known), hi = Math.max(...known);
    const x = i => pad + i * (w - 2 * pad) / Math.max(1, values.length - 1);
    const y = v => hi === lo ? h / 2 : h - pad - (v - lo) * (h - 2 * pad) / (hi - lo);
    let points = [];
    const flush = () => {
      if (points.length) {
        const line = document.createElementNS(SVG, 'polyline');
        line.setAttribute('points', points.join(' '));
        svg.append(line);
        points = [];
      }
    };
    values.forEach((v, i) => { if (v === null) { flush(); } else { points.push(x(i) + ',' + y(v)); } });
    flush();
    return svg;
  }

  // A blue scale; text is black or white, whichever contrasts more (at least 4.5:1 either way).
  function shade(t) {
    const from = [239, 244, 251], to = [8, 48, 107];
    return from.map((f, i) => Math.round(f + (to[i] - f) * t));
  }

  function luminance(rgb) {
    const [r, g, b] = rgb.map(c => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  function renderHeatmap() {
    const metric = $('metric').value;
    const label = $('metric').selectedOptions[0].textContent;
    const rows = state.teams.filter(t => state.series.has(t)).map(t => [t, state.series.get(t)]);
    const all = rows.flatMap(([, s]) => s.points.map(p => p.metrics[metric])).filter(v => v !== null);
    const lo = Math.min(...all), hi = Math.max(...all);
    const head = el('tr');
    head.append(el('th', 'Team'));
    const first = rows.length ? rows[0][1].points : [];
    first.forEach(p => head.append(el('th', p.asOf.slice(5, 10))));
    head.append(el('th', 'Trend'), el('th', 'Risks'));
    head.querySelectorAll('th').forEach(th => { th.scope = 'col'; });
    $('heatmap').tHead.replaceChildren(head);
    $('heatmap').tBodies[0].replaceChildren(...rows.map(([team, s]) => {
      const tr = el('tr');
      tr.dataset.team = team;
      const th = el('th', team);
      th.scope = 'row';
      tr.append(th);
      const values = s.points.map(p => p.suppressed ? null : p.metrics[metric]);
      s.points.forEach((p, i) => {
        const v = values[i];
        const td = el('td', number(v), 'cell');
        if (v !== null) {
          const t = hi === lo ? 0.5 : (v - lo) / (hi - lo);
          const rgb = shade(t);
          td.style.backgroundColor = 'rgb(' + rgb.join(',') + ')';
          td.classList.toggle('dark', luminance(rgb) < 0.179);
        }
        td.setAttribute('aria-label', team + ', window ending ' + p.asOf.slice(0, 10) + ': ' + label + ' '
          + (v === null ? 'not shown (too few members)' : number(v, 3)));
        tr.append(td);
      });
      const trend = el('td');
      const known = values.filter(v => v !== null);
      trend.append(sparkline(values, label + ' trend for ' + team + (known.length
        ? ', from ' + number(known[0], 3) + ' to ' + number(known[known.length - 1], 3) : ', no data')));
      const risks = el('td');
      const last = s.points[s.points.length - 1];
      const list = el('ul', null, 'risks');
      list.append(...(last ? last.risks : []).map(r => {
        // The reason in a disclosure, so that it opens with the keyboard as well as the mouse.
        const li = el('li', null, 'risk ' + r.severity.toLowerCase());
        const details = el('details');
        details.append(el('summary', r.kind.toLowerCase().replace(/_/g, ' ') + ' (' + r.severity.toLowerCase() + ')'),
          el('p', r.reason));
        li.append(details);
        return li;
      }));
      if (!list.children.length) { list.append(el('li', 'none', 'risk none')); }
      risks.append(list);
      tr.append(trend, risks);
      return tr;
    }));
  }

  async function loadPulse() {
    note('pulse-note', state.teams.length ? 'Loading…' : 'Name the teams to show above.');
    const failed = [];
    for (const team of state.teams) {
      try {
        state.series.set(team, await call('GET', 'v1/pulse/series?points=12&step=7d&window=28d&team='
          + encodeURIComponent(team)));
      } catch (e) {
        failed.push(team + ': ' + e.message);
      }
    }
    renderHeatmap();
    note('pulse-note', failed.join('; '), failed.length > 0);
  }

  // Live notifications: a single-use ticket per connection; resume after the last id seen.
  function streamStatus(text) { $('stream-status').textContent = text; }

  function showNotification(e) {
    if (state.lastEventId !== null && Number(e.lastEventId) <= Number(state.lastEventId)) { return; }
    state.lastEventId = e.lastEventId;
    const data = JSON.parse(e.data);
    const li = el('li');
    li.dataset.sequence = data.sequence;
    li.dataset.kind = data.kind;
    li.append(el('strong', data.kind), ' ', el('time', data.createdAt.replace('T', ' ').slice(0, 16)), ' ');
    const details = Object.entries(data.payload || {}).filter(([, v]) => v === null || typeof v !== 'object')
      .map(([k, v]) => k + ': ' + v).join(', ');
    li.append(el('span', details));
    const list = $('notification-list');
    list.prepend(li);
    while (list.children.length > 50) { list.lastChild.remove(); }
  }

  function reconnectLater() {
    clearTimeout(state.timer);
    state.timer = setTimeout(openStream, state.retry);
    state.retry = Math.min(state.retry * 2, 30000);
  }

  // The token's expiry (ms since the epoch) from its JWT claims, or null when it cannot be read.
  function expiry(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const exp = JSON.parse(atob(part + '='.repeat((4 - part.length % 4) % 4))).exp;
      return typeof exp === 'number' ? exp * 1000 : null;
    } catch (e) {
      return null;
    }
  }

  function tokenExpired() {
    streamStatus('Disconnected: the token has expired; waiting for a new one.');
    toHost({ type: 'convener.token-expired' });
  }

  async function openStream() {
    clearTimeout(state.timer);
    if (state.source) { state.source.close(); state.source = null; }
    // The server may accept a token a little past its expiry (clock skew) but ends its stream at
    // once, so ask for a new token rather than reconnect in a loop.
    const exp = expiry(state.token);
    if (exp !== null && exp <= Date.now()) {
      tokenExpired();
      return;
    }
    let ticket;
    try {
      ticket = (await call('POST', 'v1/notifications/stream-ticket')).ticket;
    } catch (e) {
      if (e.status === 401) {
        tokenExpired();
      } else {
        streamStatus('Disconnected (' + e.message + '); retrying.');
        reconnectLater();
      }
      return;
    }
    const url = new URL('v1/notifications/stream', api);
    url.searchParams.set('ticket', ticket);
    if (state.lastEventId !== null) { url.searchParams.set('lastEventId', state.lastEventId); }
    const source = new EventSource(url);
    state.source = source;
    source.onopen = () => { state.retry = 1000; streamStatus('Live.'); };
    KINDS.forEach(k => source.addEventListener(k, showNotification));
    source.onmessage = showNotification;
    source.onerror = () => {
      // A ticket opens one connection: resume with a fresh one rather than the browser's retry.
      source.close();
      if (state.source === source) {
        state.source = null;
        streamStatus('Reconnecting…');
        reconnectLater();
      }
    };
  }

  // The token: from the host page by postMessage, or #token= in development.
  function toHost(message) {
    if (window.parent === window) { return; }
    for (const origin of allowed) { window.parent.postMessage(message, origin); }
  }

  function setTeams(teams) {
    state.teams = [...new Set(teams.map(t => String(t).trim()).filter(Boolean))];
    $('teams').value = state.teams.join(', ');
    const select = $('collaborators-team');
    select.replaceChildren(...state.teams.map(t => { const o = el('option', t); o.value = t; return o; }));
  }

  function start(token, teams) {
    state.token = token;
    const before = state.teams.join(',');
    if (teams) { setTeams(teams); }
    $('status').textContent = 'Signed in.';
    if (state.started && state.teams.join(',') !== before) { loadPulse(); }
    if (!state.started) {
      state.started = true;
      loadChampions();
      loadPulse();
      loadCollaborators($('collaborators-team').value);
      openStream();
    } else if (!state.source) {
      state.retry = 1000;
      openStream();
    }
  }

  window.addEventListener('message', e => {
    const d = e.data;
    if (!d || d.type !== 'convener.token') { return; }
    if (!allowed.has(e.origin) || e.source !== window.parent) {
      // Said on the page, so that a host developer sees why nothing happens.
      $('status').textContent = 'Ignored a token from ' + e.origin
        + ': only the framing page, on an allowed origin, may send one.';
    } else if (typeof d.token === 'string' && d.token) {
      start(d.token, Array.isArray(d.teams) ? d.teams : null);
    }
  });

  $('teams-form').addEventListener('submit', e => {
    e.preventDefault();
    setTeams($('teams').value.split(','));
    if (state.token) { loadPulse(); }
  });
  $('collaborators-form').addEventListener('submit', e => {
    e.preventDefault();
    if (state.token) { loadCollaborators($('collaborators-team').value); }
  });
  $('metric').addEventListener('change', renderHeatmap);

  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has('token')) {
    // Development only: take the token, then drop it from the address bar and history.
    history.replaceState(null, '', location.pathname + location.search);
    start(fragment.get('token'), (fragment.get('teams') || '').split(','));
  } else {
    toHost({ type: 'convener.ready' });
  }
})();
