import {api, ApiError, el, explain, logOut, signedIn, table, toLogin, when} from '/assets/api.js';

// A user's own security page: alerts (acknowledge, unread count), login history, TOTP enrolment, open sessions and
// logging out the others. Everything is the caller's own: the APIs scope every read to the token's account.

const error = document.getElementById('account-error');
const HISTORY_SIZE = 20;
let historyPage = 1;

if (!signedIn()) toLogin('/account/');
document.getElementById('log-out').addEventListener('click', () => logOut('/account/'));
document.getElementById('history-newer').addEventListener('click', () => { historyPage--; history().catch(failed); });
document.getElementById('history-older').addEventListener('click', () => { historyPage++; history().catch(failed); });
document.getElementById('logout-others').addEventListener('click', logoutOthers);

if (signedIn()) Promise.all([me(), alerts(), history(), sessions()]).catch(failed);

function failed(e) {
  if (e instanceof ApiError && e.status === 401) return toLogin('/account/');
  error.textContent = e.message || String(e);
}

async function me() {
  const account = await api('/auth/me');
  document.getElementById('who').textContent = account.email;
  totp(account.totp_enabled);
}

async function alerts() {
  const answer = await api('/security/alerts');
  document.getElementById('unread-count').textContent = String(answer.unread_count);
  document.getElementById('alerts').replaceChildren(answer.alerts.length
    ? el('ul', {class: 'alerts'}, answer.alerts.map(alert))
    : el('p', {class: 'muted'}, 'No alerts. Vigil tells you here when a sign-in to your account looks unusual.'));
}

function alert(a) {
  return el('li', {class: 'card alert', 'data-alert-id': a.id},
    el('h3', {}, el('span', {class: 'badge sev-' + a.severity}, a.severity), ' ', a.type.toLowerCase().replaceAll('_', ' '),
      a.acknowledged ? el('span', {class: 'muted'}, ' (acknowledged)') : null),
    el('p', {}, a.message),
    el('p', {class: 'muted'}, `${when(a.occurred_at)} \u00b7 score ${a.score} \u00b7 ${a.decision.toLowerCase()}`),
    a.signal_types.length ? el('ul', {class: 'signals'}, a.signal_types.map(s => el('li', {}, explain(s)))) : null,
    a.acknowledged ? null : el('button', {type: 'button', class: 'acknowledge',
      'aria-label': `Acknowledge the ${a.severity} alert of ${when(a.occurred_at)}`,
      onclick: async event => {
        event.target.disabled = true;
        try {
          await api(`/security/alerts/${a.id}/acknowledge`, {method: 'PATCH'});
          await alerts();
        } catch (e) {
          event.target.disabled = false;
          failed(e);
        }
      }}, 'Acknowledge'));
}

async function history() {
  const answer = await api(`/auth/login-history?page=${historyPage}&size=${HISTORY_SIZE}`);
  const pages = Math.max(1, Math.ceil(answer.total / HISTORY_SIZE));
  document.getElementById('history').replaceChildren(table(`${answer.total} sign-in attempts, newest first`,
    ['When', 'Outcome', 'From (masked)', 'Device', 'Risk', 'Decision'],
    answer.items.map(h => [when(h.occurred_at), h.outcome === 'SUCCESS' ? 'signed in' : 'failed'
      + (h.failure_reason ? ` (${h.failure_reason.toLowerCase().replaceAll('_', ' ')})` : ''),
    h.ip, h.user_agent ?? '\u2014', h.score ?? '\u2014',
    h.decision ? el('span', {class: 'badge ' + h.decision}, h.decision.toLowerCase()) : '\u2014'])));
  document.getElementById('history-page').textContent = `Page ${historyPage} of ${pages}`;
  document.getElementById('history-newer').disabled = historyPage <= 1;
  document.getElementById('history-older').disabled = historyPage >= pages;
}

async function sessions() {
  const open = await api('/auth/sessions');
  document.getElementById('sessions').replaceChildren(table(`${open.length} open session(s), newest first`,
    ['Started', 'From (masked)', 'Device', 'Expires', ''],
    open.map(s => [when(s.started_at), s.ip ?? '\u2014', s.device ?? '\u2014', when(s.expires_at),
      s.current ? el('span', {class: 'badge ALLOW'}, 'this session') : ''])));
}

function totp(enabled) {
  const box = document.getElementById('totp');
  if (enabled) {
    box.replaceChildren(el('p', {id: 'totp-state'}, 'On: risky sign-ins ask for a code from your authenticator app.'));
    return;
  }
  box.replaceChildren(el('p', {id: 'totp-state'}, 'Off. Without it, a sign-in Vigil finds risky is refused instead '
    + 'of asking you for a code.'), el('button', {type: 'button', id: 'totp-enroll', onclick: enroll}, 'Set up'));
}

async function enroll() {
  const box = document.getElementById('totp');
  try {
    const enrolment = await api('/auth/totp/enroll', {method: 'POST'});
    const form = el('form', {id: 'totp-form', onsubmit: async event => {
      event.preventDefault();
      try {
        await api('/auth/totp/activate', {method: 'POST', body: {code: event.target.elements.code.value.trim()}});
        totp(true);
      } catch (e) {
        failed(e);
      }
    }},
    el('p', {}, 'Add this key to your authenticator app (manual entry, time-based, 6 digits), then type the code it shows.'),
    el('p', {class: 'secret', id: 'totp-secret'}, enrolment.secret),
    el('label', {for: 'totp-code'}, 'Code from the app'),
    el('input', {id: 'totp-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true}),
    el('button', {type: 'submit'}, 'Turn on'));
    box.replaceChildren(form);
    document.getElementById('totp-code').focus();
  } catch (e) {
    failed(e);
  }
}

async function logoutOthers(event) {
  if (!window.confirm('End every other session of your account? This one stays signed in.')) return;
  event.target.disabled = true;
  try {
    const answer = await api('/auth/sessions/logout-others', {method: 'POST'});
    document.getElementById('sessions-result').textContent = `${answer.ended} other session(s) ended.`;
    await sessions();
  } catch (e) {
    failed(e);
  } finally {
    event.target.disabled = false;
  }
}
