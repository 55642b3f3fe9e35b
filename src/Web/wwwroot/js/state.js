// The view lives in the URL's hash so that it can be shared and restored:
//   #map=12/51.30000/0.18000&by=imd&layers=wards,district&panel=ward&ward=E05005031&near=0.17,51.39&r=1000
// Map moves replace the history entry; opening a panel or a ward adds one, so Back goes back to it.

const listeners = [];
let current = parse(location.hash);

function parse(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = {};
  const map = /^(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(params.get('map') ?? '');
  if (map) state.map = { zoom: Number(map[1]), lat: Number(map[2]), lon: Number(map[3]) };
  for (const key of ['by', 'panel', 'ward', 'district']) {
    if (params.get(key)) state[key] = params.get(key);
  }
  if (params.has('layers')) state.layers = params.get('layers').split(',').filter(Boolean);
  const near = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(params.get('near') ?? '');
  if (near) state.near = { lon: Number(near[1]), lat: Number(near[2]) };
  if (/^\d+$/.test(params.get('r') ?? '')) state.radius = Number(params.get('r'));
  return state;
}

function serialize(state) {
  const parts = [];
  if (state.map) parts.push(`map=${state.map.zoom}/${state.map.lat.toFixed(5)}/${state.map.lon.toFixed(5)}`);
  for (const key of ['district', 'by']) {
    if (state[key]) parts.push(`${key}=${encodeURIComponent(state[key])}`);
  }
  if (state.layers) parts.push(`layers=${state.layers.map(encodeURIComponent).join(',')}`);
  for (const key of ['panel', 'ward']) {
    if (state[key]) parts.push(`${key}=${encodeURIComponent(state[key])}`);
  }
  if (state.near) parts.push(`near=${state.near.lon.toFixed(5)},${state.near.lat.toFixed(5)}`);
  if (state.radius) parts.push(`r=${state.radius}`);
  return parts.join('&');
}

/** The state the page was opened with, or last moved to. */
export function get() {
  return { ...current };
}

/** Merges a change into the URL. `push` adds a history entry (a panel or ward opened); map moves replace it. */
export function update(change, { push = false } = {}) {
  const next = { ...current, ...change };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === null) delete next[key];
  }
  const hash = serialize(next);
  current = next;
  if (`#${hash}` === location.hash) return;
  history[push ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${location.search}#${hash}`);
}

/** Calls `listener(state)` when the user goes Back or Forward, or edits the hash. */
export function onChange(listener) {
  listeners.push(listener);
}

function restore() {
  current = parse(location.hash);
  for (const listener of listeners) listener(get());
}

window.addEventListener('popstate', restore);
window.addEventListener('hashchange', restore);
