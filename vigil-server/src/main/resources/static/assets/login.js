import {deviceId, keepTokens, publicApi} from '/assets/api.js';

// Only the two pages of this server; anything else (an absolute URL from a crafted link) goes to /account/.
const next = ['/admin/', '/account/'].includes(new URLSearchParams(location.search).get('next'))
  ? new URLSearchParams(location.search).get('next') : '/account/';
const error = document.getElementById('login-error');
let challenge = null;

function fail(e) {
  error.textContent = e.status === 401 ? 'Wrong email or password.'
    : e.status === 429 ? 'Too many attempts; wait a moment and try again.'
    : (e.message || 'Sign-in failed.');
}

function done(answer) {
  if (answer.mfa_required) {
    challenge = answer.challenge_id;
    document.getElementById('login-form').hidden = true;
    document.getElementById('mfa-form').hidden = false;
    document.getElementById('code').focus();
    return;
  }
  keepTokens(answer);
  location.assign(next);
}

document.getElementById('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  error.textContent = '';
  const form = event.target;
  try {
    done(await publicApi('/auth/login', {
      tenantId: form.tenant.value.trim(), email: form.email.value.trim(), password: form.password.value,
      deviceId: deviceId(),
    }));
  } catch (e) {
    fail(e);
  }
});

document.getElementById('mfa-form').addEventListener('submit', async event => {
  event.preventDefault();
  error.textContent = '';
  try {
    done(await publicApi('/auth/login/mfa', {
      challenge_id: challenge, code: event.target.code.value.trim(), deviceId: deviceId(),
    }));
  } catch (e) {
    fail(e);
  }
});
