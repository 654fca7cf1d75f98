import {api, ApiError, el, explain, logOut, signalList, signedIn, svg, table, toLogin, when} from '/assets/api.js';

// The analysts' console: one page, sections chosen by the URL fragment (#overview, #map, #incidents,
// #incidents/<id>, #users, #users/<id>, #sessions, #policy, #audit/<page>), each drawn from the JSON APIs. A 403
// from a read API means the account is a USER.

const main = document.getElementById('main');
const POLL_MS = 15000;
let poll = null;


function route() {
  clearInterval(poll);
  const [section = 'overview', arg] = location.hash.replace(/^#/, '').split('/');
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const views = {overview, map: riskMap, incidents: arg ? incident : incidents, users: arg ? user : users,
    sessions, policy, audit};
  (views[section] ?? overview)(arg ? decodeURIComponent(arg) : undefined).catch(failed);
}

function show(title, ...content) {
  main.replaceChildren(el('h1', {}, title), ...content);
  document.title = `${title} — Vigil console`;
}

function failed(e) {
  if (e instanceof ApiError && e.status === 401) return toLogin('/admin/');
  if (e instanceof ApiError && e.status === 403) {
    clearInterval(poll);
    main.replaceChildren(el('section', {class: 'card forbidden', id: 'forbidden'},
      el('h1', {}, '403 — you need the analyst role'),
      el('p', {}, 'Your account can sign in, but the console is for analysts and administrators. '
        + 'Ask an administrator of your organisation to grant you the analyst role.'),
      el('p', {}, el('a', {href: '/account/'}, 'Go to your account\u2019s security page'))));
    document.title = '403 — Vigil console';
    return;
  }
  main.append(el('p', {class: 'error', role: 'alert'}, e.message || String(e)));
}

// Every state-changing button asks first, in an in-page dialog (keyboard and screen-reader friendly).
function confirmed(text, {label = 'Confirm', note = false} = {}) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-yes').textContent = label;
  const extra = document.getElementById('confirm-extra');
  extra.replaceChildren(...(note ? [el('label', {for: 'confirm-note'}, 'Note (optional)'),
    el('input', {id: 'confirm-note', maxlength: 500})] : []));
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'
      ? {note: document.getElementById('confirm-note')?.value || null} : null), {once: true});
    dialog.returnValue = '';
    dialog.showModal();
  });
}

function act(label, question, call, {danger = false, note = false, id} = {}) {
  return el('button', {type: 'button', id, class: danger ? 'danger' : '', onclick: async event => {
    const answer = await confirmed(question, {label, note});
    if (!answer) return;
    event.target.disabled = true;
    try {
      await call(answer.note);
      route();
    } catch (e) {
      event.target.disabled = false;
      failed(e);
    }
  }}, label);
}

// --- overview ---

const RANGES = {'1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3};
let range = '24h';

function rangePicker(refresh) {
  return el('select', {id: 'range', onchange: e => { range = e.target.value; refresh().catch(failed); }},
    Object.keys(RANGES).map(r => el('option', {value: r, selected: r === range}, `Last ${r}`)));
}

function rangeQuery() {
  const to = new Date();
  const from = new Date(to.getTime() - RANGES[range]);
  return {to, query: `from=${from.toISOString()}&to=${to.toISOString()}`};
}

async function overview() {
  const picker = rangePicker(() => refresh());
  const status = el('p', {class: 'status', id: 'refreshed', 'aria-live': 'polite'});
  const body = el('div', {id: 'overview'});
  show('Overview', el('div', {class: 'filters'}, el('div', {}, el('label', {for: 'range'}, 'Time range'), picker),
    status), body);
  async function refresh() {
    const {to, query} = rangeQuery();
    const [stats, summary] = await Promise.all([api('/admin/stats'), api('/internal/dashboard/summary?' + query)]);
    body.replaceChildren(counters(stats), chart(summary), tables(summary));
    status.textContent = `Updated ${to.toLocaleTimeString()}; refreshes every 15 seconds.`;
  }
  await refresh();
  poll = setInterval(() => refresh().catch(failed), POLL_MS);
}

function counters(stats) {
  const items = [['total_users', 'Total users'], ['total_logins', 'Total logins'],
    ['flagged_events', 'Flagged events'], ['active_sessions', 'Active sessions']];
  return el('dl', {class: 'counters'}, items.map(([key, label]) =>
    el('div', {}, el('dt', {}, label), el('dd', {id: 'stat-' + key}, String(stats[key])))));
}

const DECISIONS = ['ALLOW', 'CHALLENGE', 'DENY'];

function chart(summary) {
  const width = 760, height = 220, left = 40, bottom = 24, top = 10;
  const step = summary.bucketSeconds * 1000;
  const start = Math.floor(Date.parse(summary.from) / step) * step;
  const buckets = Math.max(1, Math.ceil((Date.parse(summary.to) - start) / step));
  const counts = Array.from({length: buckets}, () => ({ALLOW: 0, CHALLENGE: 0, DENY: 0}));
  for (const p of summary.logins) {
    const i = Math.min(buckets - 1, Math.max(0, Math.floor((Date.parse(p.at) - start) / step)));
    counts[i][p.decision] = (counts[i][p.decision] ?? 0) + p.count;
  }
  const max = Math.max(1, ...counts.map(c => c.ALLOW + c.CHALLENGE + c.DENY));
  const barWidth = (width - left) / buckets;
  const scale = (height - bottom - top) / max;
  const bars = counts.flatMap((c, i) => {
    let y = height - bottom;
    return DECISIONS.filter(d => c[d] > 0).map(d => {
      const h = c[d] * scale;
      y -= h;
      return svg('rect', {class: d.toLowerCase(), x: left + i * barWidth + 1, y, width: Math.max(1, barWidth - 2),
        height: h}, svg('title', {}, `${new Date(start + i * step).toLocaleString()}: ${c[d]} ${d.toLowerCase()}`));
    });
  });
  const total = summary.logins.reduce((n, p) => n + p.count, 0);
  return el('section', {class: 'card'}, el('h2', {id: 'chart-title'}, 'Logins over time by decision'),
    el('ul', {class: 'legend'}, DECISIONS.map(d => el('li', {class: d.toLowerCase()}, d.toLowerCase()))),
    svg('svg', {class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title',
      'aria-describedby': 'chart-total'},
      svg('line', {class: 'axis', x1: left, y1: height - bottom, x2: width, y2: height - bottom}),
      svg('text', {x: 0, y: top + 8}, String(max)), svg('text', {x: 0, y: height - bottom}, '0'),
      svg('text', {x: left, y: height - 6}, new Date(start).toLocaleString()),
      svg('text', {x: width - 150, y: height - 6}, new Date(Date.parse(summary.to)).toLocaleString()),
      bars),
    el('p', {class: 'muted', id: 'chart-total'}, `${total} logins in the range, one bar per `
      + (summary.bucketSeconds === 3600 ? 'hour' : 'day') + '.'));
}

function tables(summary) {
  const deciles = Array.from({length: 10}, (_, i) =>
    [`${i * 10}\u2013${i === 9 ? 100 : i * 10 + 9}`, summary.scores.find(s => s.key === String(i))?.count ?? 0]);
  return el('div', {class: 'grid'},
    table('Top signals', ['Signal', 'Meaning', 'Logins'],
      summary.topSignals.map(s => [el('code', {}, s.key.toLowerCase()), explain(s.key), s.count])),
    table('Risk-score distribution', ['Score', 'Logins'], deciles),
    table('Top risky users', ['User', 'Challenged or denied', 'Highest score'],
      summary.riskyUsers.map(u => [el('a', {href: '#users/' + encodeURIComponent(u.key)}, u.key), u.flagged,
        u.maxScore])),
    table('Top risky source networks', ['Network (masked)', 'Challenged or denied', 'Highest score'],
      summary.riskyNetworks.map(n => [n.key, n.flagged, n.maxScore])),
    table('Open incidents by severity', ['Severity', 'Open'],
      ['critical', 'high', 'medium', 'low'].map(s =>
        [el('span', {class: 'badge sev-' + s}, s), summary.openIncidents.find(c => c.key === s)?.count ?? 0])));
}

// --- map of risky logins ---

// Country shapes: Natural Earth 1:110m via world-atlas (see NOTICE), pre-projected (equirectangular) into SVG
// path data by vigil-server/src/main/map/build-world-map.mjs. Fetched once from the server itself.
let world = null;

async function worldShapes() {
  if (!world) {
    const answer = await fetch('/assets/world.json', {credentials: 'omit'});
    if (!answer.ok) throw new Error('the map\u2019s country shapes did not load');
    world = await answer.json();
  }
  return world;
}

// Five shades by the number of flagged logins; the table below the map gives the exact numbers.
function shade(n) {
  if (n <= 0) return 'level-0';
  if (n === 1) return 'level-1';
  if (n <= 5) return 'level-2';
  if (n <= 20) return 'level-3';
  return 'level-4';
}

async function riskMap() {
  const status = el('p', {class: 'status', id: 'map-refreshed', 'aria-live': 'polite'});
  const body = el('div', {id: 'map-body'});
  show('Map of risky logins',
    el('div', {class: 'filters'}, el('div', {}, el('label', {for: 'range'}, 'Time range'),
      rangePicker(() => refresh())), status),
    body);
  async function refresh() {
    const {to, query} = rangeQuery();
    const [shapes, map] = await Promise.all([worldShapes(), api('/internal/dashboard/map?' + query)]);
    body.replaceChildren(drawMap(shapes, map));
    status.textContent = `Updated ${to.toLocaleTimeString()}; refreshes every 15 seconds.`;
  }
  await refresh();
  poll = setInterval(() => refresh().catch(failed), POLL_MS);
}

function drawMap(shapes, map) {
  const byCode = new Map(map.countries.map(c => [c.code, c]));
  const names = new Map(shapes.countries.map(c => [c.code, c.name]));
  const paths = shapes.countries.map(c => {
    const hit = byCode.get(c.code);
    const flagged = hit ? hit.challenged + hit.denied : 0;
    return svg('path', {d: c.d, class: 'country ' + shade(flagged), 'data-country': c.code},
      svg('title', {}, hit ? `${c.name}: ${hit.challenged} challenged, ${hit.denied} denied` : c.name));
  });
  const flagged = map.countries.reduce((n, c) => n + c.challenged + c.denied, 0);
  const unknown = map.unknown.challenged + map.unknown.denied;
  return el('section', {class: 'card'},
    el('h2', {id: 'map-title'}, 'Challenged and denied logins by country'),
    el('ul', {class: 'legend map-legend'}, [['level-1', '1'], ['level-2', '2\u20135'], ['level-3', '6\u201320'],
      ['level-4', 'more than 20']].map(([level, text]) => el('li', {class: level}, text))),
    svg('svg', {class: 'world', viewBox: shapes.viewBox, role: 'img', 'aria-labelledby': 'map-title',
      'aria-describedby': 'map-total'}, svg('rect', {class: 'sea', x: 0, y: 0, width: 360, height: 150}), paths),
    el('p', {class: 'muted', id: 'map-total'}, `${flagged} flagged logins placed on the map`
      + (unknown ? `; ${unknown} from an unknown country.` : '.')),
    table('Flagged logins per country', ['Country', 'Challenged', 'Denied'],
      map.countries.map(c => [`${names.get(c.code) ?? c.code} (${c.code})`, c.challenged, c.denied])));
}

// --- incidents ---

const filters = {status: '', severity: '', sort: 'newest'};

async function incidents() {
  const select = (name, label, options) => el('div', {},
    el('label', {for: 'filter-' + name}, label),
    el('select', {id: 'filter-' + name, onchange: e => { filters[name] = e.target.value; route(); }},
      options.map(([value, text]) => el('option', {value, selected: filters[name] === value}, text))));
  const query = new URLSearchParams({size: '100'});
  if (filters.status) query.set('status', filters.status);
  if (filters.severity) query.set('severity', filters.severity);
  const page = await api('/internal/risk/login/incidents?' + query);
  const items = [...page.items];
  if (filters.sort === 'score') items.sort((a, b) => b.maxScore - a.maxScore);
  show('Incidents',
    el('div', {class: 'filters'},
      select('status', 'Status', [['', 'any'], ...['OPEN', 'ACKNOWLEDGED', 'CONFIRMED', 'FALSE_POSITIVE',
        'ROLLED_BACK', 'CLOSED'].map(s => [s, s.toLowerCase().replace('_', ' ')])]),
      select('severity', 'Severity', [['', 'any'], ...['critical', 'high', 'medium', 'low'].map(s => [s, s])]),
      select('sort', 'Sort by', [['newest', 'newest first'], ['score', 'highest score first']])),
    table(`${items.length} incident(s)`, ['Opened', 'Subject', 'Severity', 'Status', 'Score', 'Signals'],
      items.map(i => [el('a', {href: '#incidents/' + i.id, class: 'incident-link'}, when(i.openedAt)), i.subject,
        el('span', {class: 'badge sev-' + i.severity}, i.severity), i.status, i.maxScore,
        i.signalTypes.join(', ')])));
}

async function incident(id) {
  const [details, sent] = await Promise.all([api('/internal/risk/login/incidents/' + encodeURIComponent(id)),
    api('/internal/incidents/' + encodeURIComponent(id) + '/notifications')]);
  const i = details.incident;
  const path = '/internal/risk/login/incidents/' + encodeURIComponent(id);
  const buttons = [];
  if (i.status === 'OPEN') {
    buttons.push(act('Acknowledge', 'Acknowledge this incident (you are looking into it)?',
      note => api(path + '/ack', {method: 'POST', body: {note}}), {id: 'action-ack', note: true}));
  }
  if (i.status === 'OPEN' || i.status === 'ACKNOWLEDGED') {
    buttons.push(act('Confirm compromise', 'Confirm that this was an account takeover? Its actions stay in force.',
      note => api(path + '/ack', {method: 'POST', body: {verdict: 'confirmed', note}}),
      {id: 'action-confirm', danger: true, note: true}));
    buttons.push(act('Mark false positive', 'Mark this incident a false positive? The user\u2019s profile learns '
      + 'these logins and the signals\u2019 thresholds are raised.',
      note => api(path + '/ack', {method: 'POST', body: {verdict: 'false_positive', note}}),
      {id: 'action-false-positive', note: true}));
  }
  if (i.status === 'FALSE_POSITIVE') {
    buttons.push(act('Roll back', 'Undo every action of this incident (unblock, unfreeze, restore sessions)?',
      () => api(path + '/rollback', {method: 'POST'}), {id: 'action-rollback', danger: true}));
  }
  if (i.status === 'CONFIRMED') {
    buttons.push(act('Close', 'Close this confirmed incident?', () => api(path + '/close', {method: 'POST'}),
      {id: 'action-close'}));
  }
  const [kind, subject] = [i.subject.slice(0, i.subject.indexOf(':')), i.subject.slice(i.subject.indexOf(':') + 1)];
  show('Incident',
    el('section', {class: 'card'},
      el('dl', {class: 'counters'},
        el('div', {}, el('dt', {}, 'Status'), el('dd', {id: 'incident-status'}, i.status)),
        el('div', {}, el('dt', {}, 'Severity'), el('dd', {}, el('span', {class: 'badge sev-' + i.severity}, i.severity))),
        el('div', {}, el('dt', {}, 'Highest score'), el('dd', {}, String(i.maxScore))),
        el('div', {}, el('dt', {}, 'Subject'), el('dd', {class: 'subject'}, kind === 'user'
          ? el('a', {href: '#users/' + encodeURIComponent(subject)}, subject) : subject))),
      el('p', {class: 'muted'}, `Opened ${when(i.openedAt)} (${i.origin}); trace ${i.traceId}`
        + (i.rollbackState !== 'NONE' ? `; rollback ${i.rollbackState.toLowerCase()}` : '')),
      i.note ? el('p', {}, 'Note: ', i.note) : null,
      el('div', {class: 'actions'}, buttons.length ? buttons : el('span', {class: 'muted'}, 'No action applies now.'))),
    el('h2', {}, 'Triggering logins'),
    table('Logins of this incident', ['When', 'User', 'Score', 'Decision', 'Signals, explained'],
      details.events.map(e => [when(e.occurredAt), e.userId, e.score,
        el('span', {class: 'badge ' + e.decision}, e.decision), signalList(e.signalTypes)])),
    el('h2', {}, 'Actions'),
    table('Actions taken', ['Action', 'Target', 'Adapter', 'Status', 'Attempts', 'Carried out', 'Undone'],
      details.actions.map(a => [a.action, a.target, a.adapter, a.status, a.attempts, when(a.executedAt),
        when(a.undoneAt)])),
    el('h2', {}, 'Notifications sent'),
    table('Notifications about this incident', ['Queued', 'Channel', 'Kind', 'Status', 'Attempts', 'Delivered'],
      sent.map(n => [when(n.at), n.channel, n.kind.replace('_', ' '), n.status, n.attempts, when(n.deliveredAt)])),
    el('h2', {}, 'Timeline'),
    el('ul', {class: 'timeline', id: 'timeline'}, timeline(details, sent).map(t =>
      el('li', {class: 'entry-' + t.kind}, el('strong', {}, when(t.at)), ' \u2014 ', el('span', {class: 'what'},
        t.label), t.text))),
    el('p', {}, el('a', {href: '#incidents'}, '\u2190 All incidents')));
}

// Logins, actions, the incident's history and the notifications sent, in one list by time.
function timeline(details, sent) {
  const entries = [
    ...details.events.map(e => ({at: e.occurredAt, kind: 'login', label: 'login',
      text: `: ${e.userId} scored ${e.score}, ${e.decision.toLowerCase()}`
        + (e.signalTypes.length ? ` (${e.signalTypes.map(s => s.toLowerCase()).join(', ')})` : '')})),
    ...details.actions.filter(a => a.executedAt).map(a => ({at: a.executedAt, kind: 'action', label: 'action',
      text: `: ${a.action.toLowerCase()} ${a.target} \u2014 ${a.status.toLowerCase()}`})),
    ...details.timeline.map(t => ({at: t.at, kind: 'history', label: t.kind,
      text: ` by ${t.actor}` + (t.detail ? `: ${t.detail}` : '')})),
    ...sent.map(n => ({at: n.at, kind: 'notification', label: 'notification',
      text: `: ${n.kind.replace('_', ' ')} by ${n.channel} \u2014 ${n.status}`
        + (n.deliveredAt ? ` ${when(n.deliveredAt)}` : '')})),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

// --- users ---

async function user(id) {
  const finder = el('form', {class: 'filters', onsubmit: e => {
    e.preventDefault();
    location.hash = '#users/' + encodeURIComponent(e.target.elements.userid.value.trim());
  }}, el('div', {}, el('label', {for: 'userid'}, 'User id'), el('input', {id: 'userid', name: 'userid', value: id ?? '',
    required: true})), el('button', {type: 'submit'}, 'Show'));
  if (!id) return show('Users', finder, el('p', {class: 'muted'}, 'Enter a user id, or open one from an incident '
    + 'or the overview\u2019s risky users.'));
  let view;
  try {
    view = await api('/internal/users/' + encodeURIComponent(id));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return show('Users', finder, el('p', {role: 'alert'}, 'No such user.'));
    throw e;
  }
  const p = view.risk.profile;
  const enc = encodeURIComponent(id);
  const controls = view.account ? [
    view.account.frozen
      ? act('Unfreeze', 'Lift the freeze of this account?', () => api(`/internal/users/${enc}/unfreeze`, {method: 'POST'}),
        {id: 'action-unfreeze'})
      : act('Freeze', 'Freeze this account? Every token and login is refused until it is lifted.',
        () => api(`/internal/users/${enc}/freeze`, {method: 'POST'}), {id: 'action-freeze', danger: true}),
    act('Force logout', 'End all of this user\u2019s sessions now?',
      () => api('/internal/sessions/force-logout', {method: 'POST', body: {userId: id}}),
      {id: 'action-force-logout', danger: true})] : [el('span', {class: 'muted'},
    'Not an account of the built-in login service: enforce through your application.')];
  show('User ' + id, finder,
    el('section', {class: 'card'},
      el('h2', {}, 'Profile as Vigil sees it'),
      p ? el('dl', {class: 'counters'},
        [['Successful logins', p.successes], ['Known countries', p.countries.join(', ') || '—'],
          ['Networks', p.networks], ['Devices', p.devices], ['Usual hours (UTC)', p.usualHours.join(', ') || '—'],
          ['Last success', when(p.lastSuccess)], ['Unread alerts', view.risk.unreadAlerts]]
          .map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, String(v)))))
        : el('p', {class: 'muted'}, 'The engine has no profile of this user yet.'),
      view.account ? el('p', {}, `Account: ${view.account.role.toLowerCase()}, `,
        el('strong', {id: 'account-state'}, view.account.frozen ? 'frozen' : 'active')) : null,
      el('div', {class: 'actions'}, controls)),
    table('Open sessions', ['Started', 'From (masked)', 'Browser', 'Expires', ''],
      view.sessions.map(s => [when(s.createdAt), s.ipMasked ?? '—', s.userAgent ?? '—', when(s.expiresAt),
        act('Revoke', 'End this session now?', () => api('/internal/sessions/force-logout',
          {method: 'POST', body: {userId: id, sessionIds: [s.id]}}), {danger: true})])),
    table('Recent logins', ['When', 'Outcome', 'From (masked)', 'Browser', 'Score', 'Decision', 'Signals'],
      view.risk.recentAssessments.map(a => [when(a.timestamp), a.outcome, a.ipMasked, a.userAgent ?? '—', a.score,
        el('span', {class: 'badge ' + a.decision}, a.decision), signalList(a.signals)])));
}

// --- lists: users, sessions ---

const searches = {users: {q: '', page: 0}, sessions: {q: '', page: 0}};
const PAGE_SIZE = 20;

// A search form and previous/next buttons around one paginated /internal list.
function searchForm(name, label, state) {
  return el('form', {class: 'filters', role: 'search', onsubmit: e => {
    e.preventDefault();
    state.q = e.target.elements.q.value.trim();
    state.page = 0;
    route();
  }}, el('div', {}, el('label', {for: name + '-q'}, label),
    el('input', {id: name + '-q', name: 'q', value: state.q, maxlength: 200, autocomplete: 'off'})),
  el('button', {type: 'submit', id: name + '-search'}, 'Search'));
}

function pager(name, state, answer) {
  const pages = Math.max(1, Math.ceil(answer.total / answer.size));
  const go = page => () => { state.page = page; route(); };
  return el('nav', {class: 'pager', 'aria-label': name + ' pages'},
    el('button', {type: 'button', class: 'secondary', id: name + '-previous', disabled: state.page === 0,
      onclick: go(state.page - 1)}, '\u2190 Previous'),
    el('span', {id: name + '-page'}, `Page ${state.page + 1} of ${pages}`),
    el('button', {type: 'button', class: 'secondary', id: name + '-next', disabled: state.page + 1 >= pages,
      onclick: go(state.page + 1)}, 'Next \u2192'));
}

function listQuery(state) {
  const query = new URLSearchParams({page: String(state.page), size: String(PAGE_SIZE)});
  if (state.q) query.set('q', state.q);
  return query;
}

async function users() {
  const state = searches.users;
  const answer = await api('/internal/users?' + listQuery(state));
  show('Users', searchForm('users', 'User id or email starts with', state),
    table(`${answer.total} user(s)` + (state.q ? ` matching \u201c${state.q}\u201d` : ''),
      ['User', 'Email', 'Role', 'State', 'Last login'],
      answer.items.map(u => [el('a', {href: '#users/' + encodeURIComponent(u.userId), class: 'user-link'}, u.userId),
        u.email ?? '\u2014', u.role ? u.role.toLowerCase() : 'engine only',
        u.frozen === null || u.frozen === undefined ? '\u2014' : (u.frozen ? 'frozen' : 'active'),
        when(u.lastLogin)])),
    pager('users', state, answer));
}

async function sessions() {
  const state = searches.sessions;
  const answer = await api('/internal/sessions?' + listQuery(state));
  show('Open sessions', searchForm('sessions', 'User id or email starts with', state),
    table(`${answer.total} open session(s)` + (state.q ? ` matching \u201c${state.q}\u201d` : ''),
      ['User', 'Email', 'Started', 'From (masked)', 'Browser', 'Expires', ''],
      answer.items.map(s => [el('a', {href: '#users/' + encodeURIComponent(s.userId)}, s.userId), s.email,
        when(s.createdAt), s.ipMasked ?? '\u2014', s.userAgent ?? '\u2014', when(s.expiresAt),
        act('Revoke', `End this session of ${s.email} now?`, () => api('/internal/sessions/force-logout',
          {method: 'POST', body: {userId: s.userId, sessionIds: [s.id]}}), {danger: true})])),
    pager('sessions', state, answer));
}

// --- policy ---

let me = null;

async function whoAmI() {
  me ??= await api('/auth/me');
  return me;
}

function numberField(id, label, value, min, max, hint) {
  return el('div', {},
    el('label', {for: id}, label),
    el('input', {id, name: id, type: 'number', min, max, step: 1, value: value ?? '',
      'aria-describedby': id + '-hint'}),
    el('p', {class: 'hint', id: id + '-hint'}, hint));
}

async function policy() {
  const [view, account] = await Promise.all([api('/internal/policy'), whoAmI()]);
  const admin = account.role === 'ADMIN';
  const f = view.flags;
  const e = view.effective;
  const disabled = new Set(f.disabledDetectors ?? []);
  const result = el('div', {id: 'backtest-result', 'aria-live': 'polite'});
  const error = el('p', {class: 'error', id: 'policy-error', role: 'alert'});
  let tested = null;
  const save = el('button', {type: 'button', id: 'policy-save', disabled: true,
    'aria-describedby': 'policy-save-note'}, 'Save policy');
  const note = el('p', {class: 'hint', id: 'policy-save-note'}, admin
    ? 'Run the backtest of your change first; saving applies it to the next login.'
    : 'Only administrators can change the policy; you can backtest changes.');

  const form = el('form', {id: 'policy-form', onsubmit: async ev => {
    ev.preventDefault();
    error.textContent = '';
    const proposal = proposed(ev.target);
    if (typeof proposal === 'string') {
      error.textContent = proposal;
      return;
    }
    try {
      const answer = await api('/internal/policy/backtest', {method: 'POST', body: proposal});
      tested = proposal;
      result.replaceChildren(backtestReport(answer));
      save.disabled = !admin;
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) error.textContent = e.message;
      else failed(e);
    }
  }, oninput: () => { tested = null; save.disabled = true; }},
  el('fieldset', {},
    el('legend', {}, 'Mode and thresholds'),
    el('div', {class: 'filters'},
      el('div', {}, el('label', {for: 'policy-mode'}, 'Mode'),
        el('select', {id: 'policy-mode', name: 'mode'},
          [['', `configured (${e.mode})`], ['monitor', 'monitor: decide and record only'],
            ['enforce', 'enforce: carry decisions out']].map(([value, text]) =>
            el('option', {value, selected: (f.mode ?? '') === value}, text)))),
      numberField('challengeAt', 'Challenge from score', f.challengeAt, 1, 100, `in force: ${e.challengeAt}`),
      numberField('denyAt', 'Deny from score', f.denyAt, 1, 101, `in force: ${e.denyAt} (101 = never on score)`),
      numberField('incidentAt', 'Open an incident from score', f.incidentAt, 1, 101, `in force: ${e.incidentAt}`))),
  el('fieldset', {},
    el('legend', {}, 'Detectors (unticked: switched off for this organisation)'),
    el('ul', {class: 'detectors'}, view.detectors.map(d => el('li', {},
      el('input', {type: 'checkbox', id: 'detector-' + d, name: 'detector', value: d, checked: !disabled.has(d)}),
      el('label', {for: 'detector-' + d}, el('code', {}, d.toLowerCase()), ' \u2014 ', explain(d)))))),
  el('div', {class: 'actions'},
    el('button', {type: 'submit', id: 'policy-backtest'}, `Backtest on the last ${view.backtestDays} days`),
    save),
  note, error);

  save.addEventListener('click', async () => {
    if (!tested || !admin) return;
    const answer = await confirmed('Save this policy? It applies to the next login of your organisation.',
      {label: 'Save policy'});
    if (!answer) return;
    save.disabled = true;
    try {
      const body = {...f, ...tested};
      delete body.version;
      const stored = await api('/admin/tenants/' + encodeURIComponent(view.tenantId) + '/flags',
        {method: 'PUT', body});
      await policy();
      document.getElementById('policy-status').textContent = `Saved: version ${stored.version}.`;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 403)) {
        error.textContent = e.status === 403 ? 'Only administrators can change the policy.' : e.message;
      } else {
        failed(e);
      }
    }
  });

  show('Policy',
    el('p', {class: 'status', id: 'policy-status', 'aria-live': 'polite'},
      `Version ${f.version ?? 0}; mode in force: ${e.mode}.`),
    el('section', {class: 'card'}, form),
    result);
}

// The form's proposal as the flags API takes it, or a sentence saying what is wrong.
function proposed(form) {
  const number = name => {
    const text = form.elements[name].value.trim();
    return text === '' ? null : Number(text);
  };
  const challengeAt = number('challengeAt');
  const denyAt = number('denyAt');
  const incidentAt = number('incidentAt');
  for (const [name, value, max] of [['Challenge', challengeAt, 100], ['Deny', denyAt, 101],
    ['Incident', incidentAt, 101]]) {
    if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= max)) {
      return `${name} threshold must be a whole number from 1 to ${max}.`;
    }
  }
  if (challengeAt !== null && denyAt !== null && denyAt < challengeAt) {
    return 'The deny threshold must not be below the challenge threshold.';
  }
  const off = [...form.querySelectorAll('input[name=detector]')].filter(c => !c.checked).map(c => c.value);
  return {mode: form.elements.mode.value || null, challengeAt, denyAt, incidentAt, disabledDetectors: off};
}

function backtestReport(b) {
  const more = (n, verb) => n === 0 ? `${verb} the same number of logins`
    : n > 0 ? `${verb} ${n} more login${n === 1 ? '' : 's'}` : `${verb} ${-n} fewer login${n === -1 ? '' : 's'}`;
  return el('section', {class: 'card', id: 'backtest'},
    el('h2', {}, 'Backtest'),
    el('p', {id: 'backtest-summary', class: 'verdict'}, `This change would have ${more(b.moreChallenged, 'challenged')}`
      + ` and ${more(b.moreDenied, 'denied')}, out of ${b.logins} stored in the last 7 days`
      + ` (${b.changed} decision${b.changed === 1 ? '' : 's'} would change).`),
    table('Decisions of the stored logins', ['Decision', 'Now', 'With the change'],
      [['allow', b.current.allow, b.proposed.allow], ['challenge', b.current.challenge, b.proposed.challenge],
        ['deny', b.current.deny, b.proposed.deny]]),
    b.untestableDetectors.length ? el('p', {class: 'muted'}, 'Not backtested: ',
      b.untestableDetectors.map(d => d.toLowerCase()).join(', '),
      ' (switched off until now, so they raised nothing in the window).') : null);
}

// --- audit ---

const auditFilter = {actor: '', action: '', q: ''};

async function audit(pageArg) {
  const page = Math.max(0, Number.parseInt(pageArg ?? '0', 10) || 0);
  const size = 25;
  const query = new URLSearchParams({page: String(page), size: String(size)});
  for (const [key, value] of Object.entries(auditFilter)) if (value) query.set(key, value);
  const answer = await api('/internal/audit?' + query);
  const pages = Math.max(1, Math.ceil(answer.total / size));
  const field = (name, label) => el('div', {}, el('label', {for: 'audit-' + name}, label),
    el('input', {id: 'audit-' + name, name, value: auditFilter[name], maxlength: 200, autocomplete: 'off'}));
  const filters = el('form', {class: 'filters', role: 'search', onsubmit: e => {
    e.preventDefault();
    for (const name of Object.keys(auditFilter)) auditFilter[name] = e.target.elements[name].value.trim();
    if (location.hash === '#audit/0') route();
    else location.hash = '#audit/0';
  }}, field('actor', 'Actor (exact)'), field('action', 'Action (exact, e.g. flags.update)'),
  field('q', 'Text in target or details'), el('button', {type: 'submit', id: 'audit-search'}, 'Filter'));
  show('Audit log', filters,
    table(`${answer.total} entries, newest first`, ['#', 'When', 'Actor', 'Action', 'Target', 'Details'],
      answer.items.map(a => [a.seq, when(a.occurredAt), a.actor, a.action, a.target, el('code', {}, a.details)])),
    el('nav', {class: 'pager', 'aria-label': 'Audit log pages'},
      page > 0 ? el('a', {href: `#audit/${page - 1}`}, '\u2190 Newer') : null,
      el('span', {}, `Page ${page + 1} of ${pages}`),
      page + 1 < pages ? el('a', {href: `#audit/${page + 1}`}, 'Older \u2192') : null));
}

// --- start (last, once every constant above is initialised) ---

if (!signedIn()) {
  toLogin('/admin/');
} else {
  route();
}
document.getElementById('log-out').addEventListener('click', () => logOut('/admin/'));
window.addEventListener('hashchange', route);
api('/auth/me').then(me => { document.getElementById('who').textContent = `${me.email} (${me.role.toLowerCase()})`; })
  .catch(() => {});
