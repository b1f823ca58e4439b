// One shot: its class and probabilities, the complexity factors, the per-frame chart, the frames, the raw report.
import * as api from './api.js';
import { addedDays, el, factorName, percent, when } from './dom.js';
import { lineChart } from './chart.js';

/** Shows the shot in view; returns what releases its images and timers. */
export async function showShot(view, id) {
  const shot = await api.getJson('/api/v1/shots/' + id);
  const urls = [];
  const head = el('div', { class: 'shot-head' },
    el('a', { href: '#/shots' }, '← All shots'),
    el('h1', {}, shot.shot_code),
    el('span', { class: 'status ' + shot.status }, shot.status),
    el('span', { class: 'muted' }, 'created ' + when(shot.created_at)));
  view.append(head);
  if (shot.status !== 'DONE') {
    view.append(el('p', { class: shot.error ? 'error' : 'muted' },
      shot.error || 'The shot is ' + shot.status.toLowerCase() + '; its report appears once it is done.'));
    const timer = shot.status === 'FAILED' ? null : setTimeout(() => window.dispatchEvent(new HashChangeEvent('hashchange')), 2000);
    return () => clearTimeout(timer);
  }
  const report = shot.report;
  const [frames, filmstrip] = await Promise.all([
    api.getJson(shot.links.frames),
    api.getJson(shot.links.filmstrip),
  ]);

  const frameImage = el('img', { id: 'frame-image', alt: 'the picked frame' });
  const frameCaption = el('p', { class: 'muted', id: 'frame-caption' });
  const strip = el('div', { class: 'filmstrip', role: 'group', 'aria-label': 'filmstrip' });
  const stripButtons = new Map();

  async function show(frameNumber) {
    const stored = filmstrip.frame_numbers;
    if (stored.length === 0) {
      frameCaption.textContent = 'frame ' + frameNumber + ' (no filmstrip stored for this shot)';
      return;
    }
    let nearest = stored[0];
    for (const n of stored) {
      if (Math.abs(n - frameNumber) < Math.abs(nearest - frameNumber)) nearest = n;
    }
    const url = await frameUrl(nearest);
    frameImage.src = url;
    frameImage.alt = 'frame ' + nearest + ' of ' + shot.shot_code;
    frameImage.dataset.frame = String(nearest);
    frameCaption.textContent = nearest === frameNumber
      ? 'frame ' + nearest : 'frame ' + nearest + ' (the stored frame nearest to ' + frameNumber + ')';
    for (const [n, button] of stripButtons) button.setAttribute('aria-current', String(n === nearest));
  }

  const frameUrls = new Map();
  async function frameUrl(n) {
    if (!frameUrls.has(n)) {
      const url = await api.imageUrl(filmstrip.images[filmstrip.frame_numbers.indexOf(n)]);
      urls.push(url);
      frameUrls.set(n, url);
    }
    return frameUrls.get(n);
  }

  const chart = lineChart(frames, show);
  for (const n of filmstrip.frame_numbers) {
    const thumb = el('img', { alt: 'frame ' + n });
    const button = el('button', { type: 'button', 'aria-current': 'false', onclick: () => chart.pick(n) }, thumb);
    stripButtons.set(n, button);
    strip.append(button);
    frameUrl(n).then((url) => { thumb.src = url; }).catch(() => {});
  }

  view.append(
    el('div', { class: 'columns' },
      predictionPanel(report),
      factorsPanel(report)),
    el('section', { class: 'panel', 'aria-label': 'Per-frame scores' },
      el('h2', {}, 'Per-frame scores'), chart.element),
    el('section', { class: 'panel', 'aria-label': 'Frames' },
      el('h2', {}, 'Frames'),
      el('div', { class: 'frame-view' }, frameImage, frameCaption),
      strip),
    el('section', { class: 'panel' },
      el('button', { type: 'button', onclick: () => api.saveBlob(
        new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }), shot.shot_code + '.json') },
      'Download report (JSON)')));
  chart.draw();
  if (filmstrip.frame_numbers.length > 0) {
    await show(filmstrip.frame_numbers[0]);
  }
  return () => {
    chart.stop();
    urls.forEach((url) => URL.revokeObjectURL(url));
  };
}

function predictionPanel(report) {
  const prediction = report.prediction;
  if (!prediction) {
    return el('section', { class: 'panel' }, el('h2', {}, 'Prediction'), el('p', { class: 'muted' }, 'not rated (no model)'));
  }
  const classes = Object.entries(prediction.probabilities);
  return el('section', { class: 'panel', id: 'prediction', 'aria-label': 'Prediction' },
    el('h2', {}, 'Prediction'),
    el('p', {}, el('span', { class: 'badge ' + prediction.class }, prediction.class), ' ',
      percent(prediction.confidence) + ' confident'),
    prediction.days == null ? null
      : el('p', { id: 'estimated-days' }, 'estimated effort: ' + prediction.days.toFixed(1) + ' artist-days'),
    el('div', { class: 'bars' }, classes.map(([name, p]) => [
      el('span', {}, name), bar(p, 'probability of ' + name), el('span', {}, percent(p))])),
    drivenBy(report.explanation),
    el('p', { class: 'muted' }, report.frames + ' frames, ' + report.frames_analysed + ' measured, '
      + report.width + 'x' + report.height + ' at ' + report.fps + ' fps'));
}

// the explanation's first three factors: "driven by high shake +1.58 days, high edges +0.74 days" from a
// model that estimates days (what each adds to the estimate), else "driven by high motion 0.60, low noise 0.16"
function drivenBy(explanation) {
  if (!explanation || explanation.length === 0) return null;
  return el('p', { id: 'driven-by' }, 'driven by ' + explanation.slice(0, 3).map((f) =>
    factorName(f.metric, f.level) + ' ' + (f.days == null ? f.weight.toFixed(2) : addedDays(f.days, 2) + ' days'))
    .join(', '));
}

function factorsPanel(report) {
  const weights = new Map((report.explanation || []).map((f) => [f.metric, f.weight]));
  // beside a named factor's score, short enough for one line: the days it adds (a model that
  // estimates days, "+0.69 d"), else its weight ("w 0.52")
  const shares = new Map((report.explanation || []).map((f) => [f.metric,
    f.days == null ? 'w ' + f.weight.toFixed(2) : addedDays(f.days, 2) + ' d']));
  const scores = Object.entries(report.complexity_scores);
  return el('section', { class: 'panel', id: 'factors', 'aria-label': 'Factors' },
    el('h2', {}, 'Complexity factors'),
    el('p', { class: 'muted' }, 'blue: the shot\'s score; gold: its share of the explanation'),
    el('div', { class: 'bars' }, scores.map(([metric, score]) => [
      el('span', {}, metric.replaceAll('_', ' ')),
      el('div', {}, bar(score, metric + ' score', 'factor-bar'), bar(weights.get(metric) || 0, metric + ' weight', 'weight')),
      el('span', {}, score.toFixed(2) + (shares.has(metric) ? ' · ' + shares.get(metric) : ''))])));
}

function bar(fraction, label, kind = '') {
  const fill = el('span', { class: kind });
  fill.style.width = Math.round(Math.max(0, Math.min(1, fraction)) * 100) + '%';
  return el('div', { class: 'bar', role: 'meter', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 1,
    'aria-valuenow': fraction.toFixed(3) }, fill);
}
