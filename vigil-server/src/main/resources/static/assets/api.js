// Shared by the login page, the console (/admin) and the security page (/account): the access token, calls to
// the JSON APIs, and safe DOM building. No framework, no build step, nothing loaded from elsewhere.
//
// Tokens live in sessionStorage: they survive a reload but not the tab, and other tabs and origins cannot read
// them. A script injected into these pages could, which is why the pages carry a strict CSP (no inline script)
// and build every text with textContent, never innerHTML. The refresh token is kept too so that the 15-minute
// access token can be renewed without asking for the password again; logging out ends the server session.
// Requests carry the token in the Authorization header and never send cookies, so CSRF has nothing to ride on.

const TOKENS = 'vigil.tokens';
const DEVICE = 'vigil.deviceId';

export function signedIn() {
  return sessionStorage.getItem(TOKENS) !== null;
}

function tokens() {
  try {
    return JSON.parse(sessionStorage.getItem(TOKENS) ?? 'null');
  } catch {
    return null;
  }
}

export function keepTokens(answer) {
  sessionStorage.setItem(TOKENS, JSON.stringify({access: answer.access_token, refresh: answer.refresh_token}));
}

export function forgetTokens() {
  sessionStorage.removeItem(TOKENS);
}

/** A per-browser device id, so the engine can tell this browser from a new one (not a secret). */
export function deviceId() {
  let id = localStorage.getItem(DEVICE);
  if (!id) {
    id = 'web-' + crypto.randomUUID();
    localStorage.setItem(DEVICE, id);
  }
  return id;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function send(path, method, body, access) {
  const headers = {Accept: 'application/json, application/problem+json'};
  if (access) headers.Authorization = 'Bearer ' + access;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(path, {
    method, headers, credentials: 'omit', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

// One refresh at a time: refresh tokens rotate, and presenting a used one twice ends the session (reuse detection).
let refreshing = null;

function refresh() {
  refreshing ??= (async () => {
    const held = tokens();
    if (!held?.refresh) return false;
    const answer = await send('/auth/refresh', 'POST', {refresh_token: held.refresh});
    if (!answer.ok) {
      forgetTokens();
      return false;
    }
    keepTokens(await answer.json());
    return true;
  })().finally(() => { refreshing = null; });
  return refreshing;
}

async function read(answer) {
  if (answer.status === 204) return null;
  const type = answer.headers.get('Content-Type') ?? '';
  return type.includes('json') ? answer.json() : null;
}

/** Calls an API with the access token, renewing it once if it expired; throws ApiError for any non-2xx. */
export async function api(path, {method = 'GET', body} = {}) {
  let answer = await send(path, method, body, tokens()?.access);
  if (answer.status === 401 && await refresh()) {
    answer = await send(path, method, body, tokens()?.access);
  }
  const data = await read(answer);
  if (!answer.ok) throw new ApiError(answer.status, data);
  return data;
}

/** A call without a token (login). */
export async function publicApi(path, body) {
  const answer = await send(path, 'POST', body);
  const data = await read(answer);
  if (!answer.ok) throw new ApiError(answer.status, data);
  return data;
}

export async function logOut(next) {
  try {
    await api('/auth/logout', {method: 'POST'});
  } catch {
    // the session may have ended already; leaving is what matters
  }
  forgetTokens();
  location.assign('/login.html?next=' + encodeURIComponent(next));
}

export function toLogin(next) {
  location.assign('/login.html?next=' + encodeURIComponent(next));
}

/** el('p', {class: 'x'}, 'text', child…): builds elements; strings become text nodes, never markup. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function table(caption, headings, rows) {
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headings.map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows.length
      ? rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c))))
      : el('tr', {}, el('td', {colspan: headings.length, class: 'empty'}, 'Nothing yet.'))));
}

export function when(instant) {
  if (!instant) return '—';
  return new Date(instant).toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}

/** What each signal means, in words (dev.vigil.core.signal.SignalType). */
const SIGNALS = {
  new_ip: 'an address the user has not recently logged in from',
  new_network: 'a network (/24 or /48) unfamiliar for the user',
  new_asn: 'an internet provider unfamiliar for the user',
  new_country: 'a country the user has not logged in from',
  new_city: 'a new city in a familiar country',
  new_device: 'a device or browser the user has not used',
  unusual_hour: 'outside the user\u2019s usual hours',
  impossible_travel: 'faster travel from the previous login than an airliner',
  brute_force: 'many failures against this account in a short time',
  password_spray: 'one source failing against many accounts',
  credential_stuffing: 'a tenant-wide surge of failures from many sources',
  success_after_failures: 'a success right after a burst of failures',
  anonymizer: 'a VPN, proxy or Tor exit',
  hosting_network: 'a hosting or cloud network, where people rarely sit',
  blocklisted_ip: 'an address on the operator\u2019s blocklist',
  scripted_client: 'a script or library rather than a browser or app',
  anomaly: 'the model finds the login unlike the user\u2019s and everyone\u2019s',
};

export function explain(signal) {
  const key = String(signal).toLowerCase();
  return SIGNALS[key] ?? 'no explanation recorded';
}

export function signalList(signals) {
  if (!signals?.length) return el('span', {class: 'muted'}, 'none');
  return el('ul', {class: 'signals'}, signals.map(s =>
    el('li', {}, el('code', {}, String(s).toLowerCase()), ' \u2014 ', explain(s))));
}
