// The shotscope dashboard: hash routes #/sign-in, #/shots and #/shots/<id>.
import * as api from './api.js';
import { el } from './dom.js';
import { showShotList } from './list.js';
import { showShot } from './shot.js';

const view = document.getElementById('view');
const signOutButton = document.getElementById('sign-out');
/** Whatever the current view must stop when the page changes (polling timers, blob URLs). */
let leave = () => {};

signOutButton.addEventListener('click', () => {
  api.signOut();
  location.hash = '#/sign-in';
});

window.addEventListener('hashchange', route);
route();

async function route() {
  leave();
  leave = () => {};
  const hash = location.hash || '#/shots';
  if (!api.signedIn() && hash !== '#/sign-in') {
    location.hash = '#/sign-in';
    return;
  }
  const { user, role } = api.who();
  document.getElementById('who').textContent = api.signedIn() ? user + ' (' + role + ')' : '';
  signOutButton.hidden = !api.signedIn();
  view.replaceChildren();
  try {
    const shot = hash.match(/^#\/shots\/([0-9a-f-]{36})$/);
    if (hash === '#/sign-in') {
      showSignIn();
    } else if (shot) {
      leave = await showShot(view, shot[1]);
    } else {
      leave = await showShotList(view);
    }
  } catch (error) {
    if (error instanceof api.SignedOut) {
      location.hash = '#/sign-in';
    } else {
      view.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
    }
  }
}

function showSignIn() {
  const user = el('input', { id: 'user', name: 'user', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const message = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { class: 'panel sign-in', onsubmit: async (event) => {
    event.preventDefault();
    message.textContent = '';
    try {
      await api.signIn(user.value, password.value);
      location.hash = '#/shots';
    } catch (error) {
      message.textContent = error.message;
      password.select();
    }
  } },
  el('h1', {}, 'Sign in'),
  el('div', { class: 'field' }, el('label', { for: 'user' }, 'User'), user),
  el('div', { class: 'field' }, el('label', { for: 'password' }, 'Password'), password),
  el('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  message);
  view.append(form);
  user.focus();
}
