import {api, ApiError, el, explain, logOut, signalList, signedIn, svg, table, toLogin, when} from '/assets/api.js';

// The analysts' console: one page, sections chosen by the URL fragment (#overview, #incidents, #incidents/<id>,
// #users/<id>, #audit/<page>), each drawn from the JSON APIs. A 403 from an API means the account is a USER.

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
  const views = {overview, incidents: arg ? incident : incidents, users: user, audit};
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

async function overview() {
  const picker = el('select', {id: 'range', onchange: e => { range = e.target.value; refresh(); }},
    Object.keys(RANGES).map(r => el('option', {value: r, selected: r === range}, `Last ${r}`)));
  const status = el('p', {class: 'status', id: 'refreshed', 'aria-live': 'polite'});
  const body = el('div', {id: 'overview'});
  show('Overview', el('div', {class: 'filters'}, el('div', {}, el('label', {for: 'range'}, 'Time range'), picker),
    status), body);
  async function refresh() {
    const to = new Date();
    const from = new Date(to.getTime() - RANGES[range]);
    const query = `from=${from.toISOString()}&to=${to.toISOString()}`;
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
  const details = await api('/internal/risk/login/incidents/' + encodeURIComponent(id));
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
    el('h2', {}, 'Timeline'),
    el('ul', {class: 'timeline'}, details.timeline.map(t =>
      el('li', {}, el('strong', {}, when(t.at)), ` \u2014 ${t.kind} by ${t.actor}`, t.detail ? `: ${t.detail}` : ''))),
    el('p', {}, el('a', {href: '#incidents'}, '\u2190 All incidents')));
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

// --- audit ---

async function audit(pageArg) {
  const page = Math.max(0, Number.parseInt(pageArg ?? '0', 10) || 0);
  const size = 25;
  const answer = await api(`/internal/audit?page=${page}&size=${size}`);
  const pages = Math.max(1, Math.ceil(answer.total / size));
  show('Audit log',
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
