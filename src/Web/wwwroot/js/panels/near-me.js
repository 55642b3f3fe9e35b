// Near me: a place from the device's location, a click or tap on the map, or a ward or town name;
// then the ward it is in (and whether it is a focus ward) and the places within the chosen radius,
// nearest first (GET /api/nearby).
import { L } from '../leaflet.js';
import { getJson, query } from '../api.js';
import { announce, h, note, replace, sampleBadge } from '../dom.js';
import { distance, kindTitles } from '../format.js';
import { pointInside } from '../geometry.js';
import { reducedMotion } from '../map.js';

const radii = [400, 800, 1000, 2000, 5000, 10000];

export function createNearMe(root, { map, wards, onOpenWard, onPointChange }) {
  let radius = 1000;
  let point = null;
  let request = 0;
  const marks = L.layerGroup().addTo(map);

  const radiusSelect = h('select', { id: 'near-radius', onchange: () => { radius = Number(radiusSelect.value); if (point) at(point); } },
    radii.map(r => h('option', { value: r, selected: r === radius }, `within ${distance(r)}`)));
  const searchInput = h('input', { id: 'near-search', type: 'search', autocomplete: 'off', list: 'near-ward-names' });
  const searchForm = h('form', { class: 'near-search', role: 'search', onsubmit: event => { event.preventDefault(); search(searchInput.value); } },
    h('label', { for: 'near-search' }, 'Ward or town name'),
    h('div', { class: 'input-row' }, searchInput, h('button', { type: 'submit' }, 'Search')),
    h('datalist', { id: 'near-ward-names' }, wards.map(f => h('option', { value: f.properties.name }))));
  const locateButton = 'geolocation' in navigator
    ? h('button', { type: 'button', class: 'primary', onclick: useMyLocation }, 'Use my location')
    : null;
  const results = h('div', { class: 'near-results', 'aria-live': 'polite' });
  const places = h('div', { class: 'places-tables' });

  replace(root,
    h('h2', { id: 'panel-near-heading' }, 'What is near me?'),
    h('p', {}, 'Choose a place: use your location, click or tap the map while this panel is open, or search for a ward or town.'),
    h('div', { class: 'near-controls' },
      locateButton,
      searchForm,
      h('div', { class: 'field' }, h('label', { for: 'near-radius' }, 'Distance'), radiusSelect)),
    results,
    places);

  function useMyLocation() {
    replace(results, h('p', {}, 'Finding your location…'));
    navigator.geolocation.getCurrentPosition(
      position => at(L.latLng(position.coords.latitude, position.coords.longitude), { fly: true }),
      error => replace(results, note(error.code === error.PERMISSION_DENIED
        ? 'Your browser did not share your location. Click the map or search for a ward or town instead.'
        : 'Your location could not be found. Click the map or search for a ward or town instead.')),
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
  }

  function search(text) {
    const wanted = text.trim().toLowerCase();
    if (!wanted) return;
    const matches = wards.filter(f => f.properties.name.toLowerCase().includes(wanted));
    const goTo = feature => {
      const [lon, lat] = pointInside(feature.geometry);
      at(L.latLng(lat, lon), { fly: true });
    };
    if (matches.length === 1) {
      goTo(matches[0]);
    } else if (matches.length === 0) {
      replace(results, note(`No ward name contains “${text.trim()}”. Try another spelling or a town such as one in the ward names.`));
      announce('No ward matches.');
    } else {
      replace(results, h('p', {}, `${matches.length} wards match “${text.trim()}”:`),
        h('ul', { class: 'inline-list' }, matches.map(f => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => goTo(f) }, f.properties.name)))));
      announce(`${matches.length} wards match.`);
    }
  }

  async function at(latlng, { fly = false, silent = false } = {}) {
    point = L.latLng(latlng);
    const mine = ++request;
    marks.clearLayers();
    L.circle(point, { radius, color: '#1d70b8', weight: 2, fill: false, dashArray: '6 4', interactive: false }).addTo(marks);
    L.circleMarker(point, { radius: 7, color: '#ffffff', weight: 2, fillColor: '#1d70b8', fillOpacity: 1, interactive: false }).addTo(marks);
    if (fly) map.fitBounds(point.toBounds(radius * 2), { maxZoom: 15 });
    if (!silent) onPointChange({ lon: point.lng, lat: point.lat }, radius);
    replace(results, h('p', {}, 'Looking…'));
    const lon = point.lng.toFixed(6);
    const lat = point.lat.toFixed(6);
    try {
      const nearby = await getJson(query('/api/nearby', { lon, lat, radius }), { cached: false });
      if (mine === request) show(nearby, { reveal: !silent });
    } catch {
      if (mine !== request) return;
      replace(results, note('Nothing could be looked up just now. Try again later.'));
      announce('The look-up failed.');
    }
  }

  function show(nearby, { reveal }) {
    // Asked for from the map, the answer is shown where it can be seen (below the map on a phone).
    if (reveal) requestAnimationFrame(() => results.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' }));
    const ward = nearby.ward;
    if (!ward) {
      const text = nearby.district ? `That place is in ${nearby.district.name}, whose wards are not loaded.` : 'That place is outside the districts this map covers.';
      replace(results, note(text));
      announce(text);
      return;
    }
    const focusText = ward.focus ? `${ward.name} is a focus ward of the community plan.` : `${ward.name} is not a focus ward.`;
    const features = [...nearby.features].sort((a, b) => a.distanceMetres - b.distanceMetres);
    replace(results,
      h('h3', {}, 'The ward you are in'),
      h('p', { class: 'near-ward' }, h('strong', {}, ward.name), nearby.district ? ` ward, ${nearby.district.name}` : ' ward'),
      h('p', { class: 'near-focus' }, focusText, ' ', h('button', { type: 'button', class: 'link-button', onclick: () => onOpenWard(ward.code) }, `Open the profile of ${ward.name}`)),
      h('h3', {}, `Places within ${distance(radius)}`),
      features.length === 0
        ? note(`No place loaded here lies within ${distance(radius)}. Try a larger distance.`)
        : h('ol', { class: 'near-list' }, features.map(f => h('li', {},
          h('span', { class: 'near-distance' }, distance(f.distanceMetres)), ' ',
          h('span', { class: 'near-kind' }, kindTitles[f.kind] ?? f.kind), ': ',
          h('span', { class: 'near-name' }, f.name), ' ', sampleBadge(f.sample)))));
    announce(`${ward.name} ward. ${features.length} place${features.length === 1 ? '' : 's'} within ${distance(radius)}.`);
  }

  return {
    at,
    /** Where the tables of every place go (see places-table.js). */
    placesElement: places,
    /** Restores a place and distance from the URL. */
    restore(near, r) {
      if (r && radii.includes(r)) { radius = r; radiusSelect.value = String(r); }
      if (near) at(L.latLng(near.lat, near.lon), { silent: true });
    },
    clear() { marks.clearLayers(); point = null; },
  };
}
