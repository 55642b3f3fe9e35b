// What the overlay modules share: a layer that loads its collection the first time it is shown,
// keyboard-reachable point markers, and popups built from text.
import { L } from '../leaflet.js';
import { allItems } from '../api.js';
import { escapeHtml, h, sampleBadge } from '../dom.js';

/**
 * A feature group that fetches its features when it is first added to the map (keeping the first view light).
 * `fill(group)` adds the layers; `onLoaded(features)` is told what came, e.g. to mark the layer as sample.
 */
export function lazyGroup(fill, group = L.featureGroup()) {
  let loading = null;
  group.on('add', () => {
    loading ??= fill(group).catch(error => {
      loading = null;
      group.fire('loaderror', { error });
    });
  });
  group.whenLoaded = () => loading ?? Promise.resolve();
  return group;
}

const collections = new Map();

/** Every feature of a collection in a district, fetched once however many overlays draw it. */
export function features(collection, district) {
  const key = `${collection}|${district ?? ''}`;
  if (!collections.has(key)) collections.set(key, allItems(collection, district ? { district } : {}).then(fc => fc.features));
  return collections.get(key);
}

/**
 * A point marker that can be reached with Tab and opened with Enter: a shape with a letter, and a title.
 * The icon is built as DOM nodes and the title set as an attribute, so a title from the data stays text.
 */
export function pointMarker(latlng, { letter, className, title, sample }) {
  const icon = L.divIcon({
    className: `point-marker ${className}${sample ? ' is-sample' : ''}`,
    html: h('span', { 'aria-hidden': 'true' }, letter),
    iconSize: [26, 26],
    iconAnchor: [13, 13],
    popupAnchor: [0, -12],
  });
  return L.marker(latlng, { icon, title: sample ? `${title} (sample)` : title, alt: title, keyboard: true, riseOnHover: true });
}

/** A popup: the feature's name, its kind, a Sample badge when it is sample content, then label/value rows. */
export function popup(title, kind, sample, rows) {
  return h('div', { class: 'popup' },
    h('p', { class: 'popup-title' }, h('strong', {}, title), ' ', sampleBadge(sample)),
    h('p', { class: 'popup-kind' }, kind),
    h('dl', {}, rows.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])));
}

/**
 * What to say of an overlay that has no features: that nothing of its collection is loaded for the
 * district (as before a council loads its places), or that the collection has none of its kind.
 */
export async function emptyNote(overlay) {
  const collection = overlay.collectionItems ? await overlay.collectionItems() : [];
  return collection.length ? 'None in this district.' : 'None are loaded for this district yet.';
}

/** The name a place feature goes by. */
export function nameOf(feature) {
  const p = feature.properties ?? {};
  return p.name ?? p.title ?? String(feature.id ?? '');
}

/**
 * The layer-control label of an overlay (Leaflet takes it as HTML): a swatch, its name, and a Sample badge
 * once sample content is seen.
 */
export function label(name, swatchClass, sample = false) {
  return `<span class="layer-swatch ${escapeHtml(swatchClass)}" aria-hidden="true"></span>${escapeHtml(name)}${sample ? ' <span class="badge badge-sample">Sample</span>' : ''}`;
}
