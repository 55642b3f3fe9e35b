// Every place on the map, as tables: one per place layer, loaded when opened, each row with a
// button to show the place on the map. The non-map route to the places layers.
import { L } from '../leaflet.js';
import { h, replace, sampleBadge } from '../dom.js';
import { emptyNote, nameOf } from '../layers/overlay.js';

/** `overlays` are the place overlays the map offers (those with `items` and `describe`). */
export function createPlacesTable(root, { map, overlays }) {
  const listed = overlays.filter(o => o.items && o.describe);
  if (!listed.length) {
    root.hidden = true;
    return;
  }
  replace(root,
    h('h3', { id: 'places-heading' }, 'Every place on the map'),
    listed.map(overlay => {
      const body = h('div', {}, h('p', {}, 'Loading…'));
      const details = h('details', {}, h('summary', {}, overlay.title), body);
      details.addEventListener('toggle', () => { if (details.open && !details.dataset.loaded) load(overlay, body, details); });
      return details;
    }));

  async function load(overlay, body, details) {
    details.dataset.loaded = 'true';
    let items;
    try {
      items = await overlay.items();
    } catch {
      delete details.dataset.loaded;
      replace(body, h('p', { class: 'note' }, 'These places could not be loaded.'));
      return;
    }
    if (!items.length) {
      replace(body, h('p', {}, await emptyNote(overlay)));
      return;
    }
    const sorted = [...items].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en-GB'));
    replace(body, h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': overlay.title },
      h('table', {},
        h('caption', { class: 'visually-hidden' }, overlay.title),
        h('thead', {}, h('tr', {}, ['Name', 'Details'].map(t => h('th', { scope: 'col' }, t)),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'On the map')))),
        h('tbody', {}, sorted.map(feature => h('tr', {},
          h('th', { scope: 'row' }, nameOf(feature), ' ', sampleBadge(feature.properties?.sample)),
          h('td', {}, overlay.describe(feature.properties ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}: ${v}`).join('; ')),
          h('td', {}, feature.geometry ? h('button', { type: 'button', onclick: () => show(overlay, feature) }, 'Show on the map') : '')))))));
  }

  function show(overlay, feature) {
    if (!map.hasLayer(overlay.layer)) overlay.layer.addTo(map);
    map.fitBounds(L.geoJSON(feature).getBounds(), { maxZoom: 16, padding: [30, 30] });
  }
}
