// A line chart of every metric's per-frame score on one frame axis: hover values, wheel/drag/buttons to
// zoom and pan, legend buttons to show or hide a metric, click (or arrow keys) to pick a frame.
import { el, svg } from './dom.js';

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#3b3b98', '#a6761d'];
/** Metric i's colour: the palette first, then hues spread by the golden angle, so no two curves share one. */
const colour = (i) => (i < COLOURS.length ? COLOURS[i] : `hsl(${Math.round((i * 137.5) % 360)}, 60%, 38%)`);
const HEIGHT = 300;
const MARGIN = { left: 40, right: 12, top: 10, bottom: 26 };
const ZOOM_STEP = 1.5;
/** The narrowest view, in frames. */
const MIN_SPAN = 4;

/**
 * @param frames  {frame_numbers: [...], scores: {metric: [...]}} as GET /frames answers
 * @param onPick  called with a frame number when the user picks one
 * @returns {element, pick(frameNumber)}
 */
export function lineChart(frames, onPick) {
  const numbers = frames.frame_numbers;
  const metrics = Object.keys(frames.scores);
  const shown = new Set(metrics);
  const first = numbers[0];
  const last = numbers[numbers.length - 1];
  let from = first;
  let to = Math.max(last, first + 1);
  let hovered = null;
  let picked = null;

  const plot = svg('svg', { class: 'chart', id: 'chart', role: 'img', tabindex: 0,
    'aria-label': 'per-frame scores of every metric; arrow keys pick a frame' });
  const values = el('div', { class: 'hover-values', 'aria-live': 'polite' });
  const legend = el('div', { class: 'legend', role: 'group', 'aria-label': 'metrics shown' },
    metrics.map((metric, i) => {
      const button = el('button', { type: 'button', 'aria-pressed': 'true', 'data-metric': metric },
        swatch(i), metric.replaceAll('_', ' '));
      button.addEventListener('click', () => {
        if (shown.has(metric)) shown.delete(metric); else shown.add(metric);
        button.setAttribute('aria-pressed', String(shown.has(metric)));
        draw();
      });
      return button;
    }));
  const tools = el('div', { class: 'chart-tools' },
    el('button', { type: 'button', onclick: () => zoom(1 / ZOOM_STEP, (from + to) / 2) }, 'Zoom in'),
    el('button', { type: 'button', onclick: () => zoom(ZOOM_STEP, (from + to) / 2) }, 'Zoom out'),
    el('button', { type: 'button', onclick: () => { from = first; to = Math.max(last, first + 1); draw(); } }, 'Reset zoom'),
    el('span', { class: 'muted' }, 'wheel to zoom, drag to pan, click a curve to see its frame'));

  function swatch(i) {
    const box = el('span', { class: 'swatch' });
    box.style.background = colour(i);
    return box;
  }

  function width() {
    return Math.max(plot.clientWidth || 0, 300);
  }

  function x(frame) {
    return MARGIN.left + (frame - from) / (to - from) * (width() - MARGIN.left - MARGIN.right);
  }

  function y(score) {
    return MARGIN.top + (1 - score) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  }

  function frameAt(clientX) {
    const box = plot.getBoundingClientRect();
    return from + (clientX - box.left - MARGIN.left) / (width() - MARGIN.left - MARGIN.right) * (to - from);
  }

  /** The index of the analysed frame nearest to a frame position. */
  function nearestIndex(frame) {
    let best = 0;
    for (let i = 1; i < numbers.length; i++) {
      if (Math.abs(numbers[i] - frame) < Math.abs(numbers[best] - frame)) best = i;
    }
    return best;
  }

  function zoom(factor, centre) {
    const span = Math.min(Math.max((to - from) * factor, MIN_SPAN), Math.max(last - first, MIN_SPAN));
    const ratio = (centre - from) / (to - from);
    from = centre - span * ratio;
    to = from + span;
    clamp();
    draw();
  }

  function clamp() {
    const span = to - from;
    if (from < first) { from = first; to = first + span; }
    if (to > last && last - span >= first) { to = last; from = last - span; }
  }

  function draw() {
    const w = width();
    plot.setAttribute('viewBox', `0 0 ${w} ${HEIGHT}`);
    const parts = [];
    parts.push(svg('clipPath', { id: 'plot-area' },
      svg('rect', { x: MARGIN.left, y: 0, width: w - MARGIN.left - MARGIN.right, height: HEIGHT })));
    for (const score of [0, 0.25, 0.5, 0.75, 1]) {
      parts.push(svg('line', { class: 'grid', x1: MARGIN.left, x2: w - MARGIN.right, y1: y(score), y2: y(score) }));
      parts.push(svg('text', { class: 'axis-label', x: 4, y: y(score) + 4 }, score.toFixed(2)));
    }
    const ticks = 8;
    for (let t = 0; t <= ticks; t++) {
      const frame = from + (to - from) * t / ticks;
      parts.push(svg('text', { class: 'axis-label', x: x(frame) - 8, y: HEIGHT - 8 }, String(Math.round(frame))));
    }
    metrics.forEach((metric, i) => {
      if (!shown.has(metric)) return;
      const points = numbers.map((n, k) => `${x(n).toFixed(1)},${y(frames.scores[metric][k]).toFixed(1)}`).join(' ');
      parts.push(svg('polyline', { points, stroke: colour(i), 'clip-path': 'url(#plot-area)',
        'data-metric': metric }));
    });
    if (picked !== null) {
      parts.push(svg('line', { class: 'picked', x1: x(picked), x2: x(picked), y1: MARGIN.top, y2: y(0) }));
    }
    if (hovered !== null) {
      parts.push(svg('line', { class: 'cursor', x1: x(numbers[hovered]), x2: x(numbers[hovered]), y1: MARGIN.top, y2: y(0) }));
    }
    plot.replaceChildren(...parts);
  }

  function describe(index) {
    const parts = metrics.filter((m) => shown.has(m))
      .map((m) => m.replaceAll('_', ' ') + ' ' + frames.scores[m][index].toFixed(3));
    values.textContent = 'frame ' + numbers[index] + ': ' + parts.join(', ');
  }

  let drag = null;
  plot.addEventListener('pointerdown', (event) => {
    drag = { startX: event.clientX, from, to, moved: false };
    plot.setPointerCapture(event.pointerId);
  });
  plot.addEventListener('pointermove', (event) => {
    if (drag) {
      const dx = event.clientX - drag.startX;
      if (Math.abs(dx) > 3) drag.moved = true;
      if (drag.moved) {
        const shift = dx / (width() - MARGIN.left - MARGIN.right) * (drag.to - drag.from);
        from = drag.from - shift;
        to = drag.to - shift;
        clamp();
      }
    }
    hovered = nearestIndex(frameAt(event.clientX));
    describe(hovered);
    draw();
  });
  plot.addEventListener('pointerup', (event) => {
    const click = drag && !drag.moved;
    drag = null;
    if (click) pick(numbers[nearestIndex(frameAt(event.clientX))]);
  });
  plot.addEventListener('pointerleave', () => { hovered = null; draw(); });
  plot.addEventListener('wheel', (event) => {
    event.preventDefault();
    zoom(event.deltaY < 0 ? 1 / ZOOM_STEP : ZOOM_STEP, frameAt(event.clientX));
  }, { passive: false });
  plot.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = picked === null ? 0 : nearestIndex(picked) + (event.key === 'ArrowRight' ? 1 : -1);
    pick(numbers[Math.min(Math.max(index, 0), numbers.length - 1)]);
  });
  window.addEventListener('resize', draw);

  function pick(frameNumber) {
    picked = frameNumber;
    describe(nearestIndex(frameNumber));
    draw();
    onPick(frameNumber);
  }

  const element = el('div', {}, tools, plot, values, legend);
  return { element, draw, pick, stop: () => window.removeEventListener('resize', draw) };
}
