// A tiny helper to build DOM nodes without innerHTML (text is always text).

/** el('button', {type: 'button', onclick: f}, 'Save') */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAll(node, attributes);
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAll(node, attributes);
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function setAll(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

export function percent(value) {
  return value === null || value === undefined ? '' : Math.round(value * 100) + '%';
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

// An explaining factor as people read it: "high motion", "low camera motion", or the metric alone for a
// report written before levels.
export function factorName(metric, level) {
  return (level ? level + ' ' : '') + metric.replaceAll('_', ' ');
}

// The artist-days a factor adds, signed: addedDays(0.694, 2) is "+0.69", addedDays(-0.4, 1) "-0.4".
export function addedDays(days, digits) {
  return (days >= 0 ? '+' : '') + days.toFixed(digits);
}
