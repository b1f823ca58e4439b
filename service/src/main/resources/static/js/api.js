// The service's REST API as the dashboard uses it: a bearer token kept in sessionStorage.

const TOKEN_KEY = 'shotscope.token';
const ROLE_KEY = 'shotscope.role';
const USER_KEY = 'shotscope.user';

export function signedIn() {
  return sessionStorage.getItem(TOKEN_KEY) !== null;
}

export function who() {
  return { user: sessionStorage.getItem(USER_KEY), role: sessionStorage.getItem(ROLE_KEY) };
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(ROLE_KEY);
  sessionStorage.removeItem(USER_KEY);
}

/** Signs in; throws an Error with the service's one-line reason when refused. */
export async function signIn(user, password) {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  if (!response.ok) {
    throw new Error(await reason(response));
  }
  const token = await response.json();
  sessionStorage.setItem(TOKEN_KEY, token.access_token);
  sessionStorage.setItem(ROLE_KEY, token.role);
  sessionStorage.setItem(USER_KEY, user);
}

/** Thrown when the token was refused: the page goes back to the sign-in form. */
export class SignedOut extends Error {}

function authorization() {
  return { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) };
}

async function reason(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || response.statusText;
  } catch {
    return response.status + ' ' + response.statusText;
  }
}

/** GET with the token; the Response when 2xx, SignedOut on 401, an Error with the reason otherwise. */
export async function get(path) {
  const response = await fetch(path, { headers: authorization() });
  if (response.status === 401) {
    signOut();
    throw new SignedOut('signed out');
  }
  if (!response.ok) {
    throw new Error(await reason(response));
  }
  return response;
}

export async function getJson(path) {
  return (await get(path)).json();
}

/** A blob: URL of an image the API serves (img tags cannot send the bearer header). */
export async function imageUrl(path) {
  return URL.createObjectURL(await (await get(path)).blob());
}

/** Saves what the API answers at this path as a file, e.g. the bid sheet CSV. */
export async function download(path, fileName) {
  const blob = await (await get(path)).blob();
  saveBlob(blob, fileName);
}

export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Uploads one plate with XMLHttpRequest (fetch reports no upload progress).
 * onProgress gets the fraction sent; resolves with the shot, rejects with the reason.
 */
export function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/shots');
    request.setRequestHeader('Authorization', authorization().Authorization);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    };
    request.onload = () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status === 201 || request.status === 202) {
        onProgress(1);
        resolve(body);
      } else {
        reject(new Error((body && (body.detail || body.title)) || request.status + ' ' + request.statusText));
      }
    };
    request.onerror = () => reject(new Error('the service could not be reached'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
