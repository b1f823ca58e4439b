// The shot list: upload, filters, export, live status while jobs run.
import * as api from './api.js';
import { addedDays, el, factorName, percent, when } from './dom.js';

/** How often the list is read again while a shot is queued or running. */
const POLL_MS = 2000;
const PAGE_SIZE = 200;
const SORTS = [
  ['created_at,desc', 'Newest first'],
  ['created_at,asc', 'Oldest first'],
  ['shot_code,asc', 'Shot code'],
  ['confidence,desc', 'Confidence'],
  ['status,asc', 'Status'],
];
/** The filter survives going to a shot page and back. */
const filter = { text: '', difficulty: '', status: '', sort: SORTS[0][0] };
/** Thumbnails already fetched, by shot id (blob URLs). */
const thumbnails = new Map();

function query(forExport) {
  const params = new URLSearchParams();
  if (filter.text) params.set('text', filter.text);
  if (filter.difficulty) params.set('class', filter.difficulty);
  if (filter.status) params.set('status', filter.status);
  if (!forExport) {
    params.set('sort', filter.sort);
    params.set('size', PAGE_SIZE);
  }
  return params.toString();
}

/** Shows the list in view; returns what stops its polling. */
export async function showShotList(view) {
  let timer = null;
  let stopped = false;
  const rows = el('tbody');
  const summary = el('p', { class: 'muted', 'aria-live': 'polite' });
  const message = el('p', { class: 'error', role: 'alert' });

  async function refresh() {
    clearTimeout(timer);
    let page;
    try {
      page = await api.getJson('/api/v1/shots?' + query(false));
    } catch (error) {
      if (error instanceof api.SignedOut) {
        location.hash = '#/sign-in';
        return;
      }
      message.textContent = error.message;
      return;
    }
    if (stopped) return;
    message.textContent = '';
    rows.replaceChildren(...page.items.map(row));
    summary.textContent = page.total + (page.total === 1 ? ' shot' : ' shots')
      + (page.total > page.items.length ? ', the first ' + page.items.length + ' shown' : '');
    if (page.items.some((s) => s.status === 'QUEUED' || s.status === 'RUNNING')) {
      timer = setTimeout(refresh, POLL_MS);
    }
  }

  const search = el('input', { id: 'search', type: 'search', value: filter.text, placeholder: 'shot code or path',
    oninput: () => { filter.text = search.value.trim(); refresh(); } });
  const difficulty = choice('class-filter', [['', 'Any class'], ['Easy', 'Easy'], ['Medium', 'Medium'], ['Hard', 'Hard']],
    filter.difficulty, (v) => { filter.difficulty = v; refresh(); });
  const status = choice('status-filter', [['', 'Any status'], ['QUEUED', 'Queued'], ['RUNNING', 'Running'],
    ['DONE', 'Done'], ['FAILED', 'Failed']], filter.status, (v) => { filter.status = v; refresh(); });
  const sort = choice('sort', SORTS, filter.sort, (v) => { filter.sort = v; refresh(); });
  const exportButton = el('button', { type: 'button', onclick: async () => {
    try {
      await api.download('/api/v1/shots/export.csv?' + query(true), 'shotscope-bid-sheet.csv');
    } catch (error) {
      message.textContent = error.message;
    }
  } }, 'Export CSV');

  view.append(
    el('h1', {}, 'Shots'),
    uploadPanel(refresh),
    el('div', { class: 'panel toolbar', role: 'search' },
      field('search', 'Search', search),
      field('class-filter', 'Class', difficulty),
      field('status-filter', 'Status', status),
      field('sort', 'Sort by', sort),
      el('div', { class: 'push' }, exportButton)),
    message,
    summary,
    el('table', { class: 'shots' },
      el('thead', {}, el('tr', {}, ...['Frame', 'Shot', 'Frames', 'Class', 'Days', 'Top factors', 'Status', 'Created']
        .map((h) => el('th', { scope: 'col' }, h)))),
      rows));
  await refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function field(id, text, control) {
  return el('div', { class: 'field' }, el('label', { for: id }, text), control);
}

function choice(id, options, selected, onChange) {
  const select = el('select', { id, onchange: () => onChange(select.value) },
    options.map(([value, text]) => el('option', { value, selected: value === selected }, text)));
  return select;
}

// " (+1.6 d)" after a top factor, when the model estimates days
function daysOf(days) {
  return days == null ? '' : ' (' + addedDays(days, 1) + ' d)';
}

function row(shot) {
  const thumb = el('div', { class: 'thumb-empty' });
  if (shot.status === 'DONE') {
    loadThumbnail(shot, thumb);
  }
  const rated = shot.class
    ? [el('span', { class: 'badge ' + shot.class }, shot.class), ' ', percent(shot.confidence)]
    : [el('span', { class: 'badge none' }, shot.status === 'DONE' ? 'not rated' : '…')];
  return el('tr', { 'data-shot-code': shot.shot_code, 'data-status': shot.status },
    el('td', {}, thumb),
    el('td', {}, el('a', { href: '#/shots/' + shot.id }, shot.shot_code)),
    el('td', {}, shot.frames ?? ''),
    el('td', {}, rated),
    el('td', { class: 'days', title: 'estimated artist-days' }, shot.days == null ? '' : shot.days.toFixed(1)),
    el('td', { class: 'factors' }, (shot.top_factors || []).map((f, i) =>
      factorName(f, (shot.top_factor_levels || [])[i]) + daysOf((shot.top_factor_days || [])[i])).join(', ')),
    el('td', {}, el('span', { class: 'status ' + shot.status }, shot.status),
      shot.error ? el('div', { class: 'error' }, shot.error) : null),
    el('td', {}, when(shot.created_at)));
}

async function loadThumbnail(shot, placeholder) {
  try {
    if (!thumbnails.has(shot.id)) {
      thumbnails.set(shot.id, await api.imageUrl(shot.links.thumbnail));
    }
    placeholder.replaceWith(el('img', { src: thumbnails.get(shot.id), alt: 'a frame of ' + shot.shot_code }));
  } catch {
    // no thumbnail (e.g. an empty plate): the grey placeholder stays
  }
}

/** Drag and drop or a file picker; one progress bar per file. */
function uploadPanel(refresh) {
  const list = el('ul', { class: 'uploads', 'aria-live': 'polite' });
  const input = el('input', { id: 'plates', type: 'file', multiple: true,
    onchange: () => { send([...input.files]); input.value = ''; } });
  const zone = el('div', { class: 'drop' },
    'Drop plates here or ', el('label', { for: 'plates' }, 'choose files'), input);
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    send([...event.dataTransfer.files]);
  });

  function send(files) {
    for (const file of files) {
      const bar = el('progress', { max: 1, value: 0, 'aria-label': 'upload of ' + file.name });
      const state = el('span', {}, 'uploading');
      list.append(el('li', {}, el('span', {}, file.name), bar, state));
      api.upload(file, (fraction) => { bar.value = fraction; })
        .then((shot) => {
          // the row below follows the shot; this line only says how the upload ended
          state.textContent = shot.status === 'DONE' ? 'uploaded: identical content, answered at once'
            : 'uploaded: follow it in the list';
          refresh();
        })
        .catch((error) => { state.textContent = error.message; state.className = 'error'; });
    }
  }

  return el('section', { class: 'panel', 'aria-label': 'Upload' }, zone, list);
}
