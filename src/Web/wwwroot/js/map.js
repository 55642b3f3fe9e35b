// The Leaflet map: OpenStreetMap tiles when they can be reached, else a plain background under the
// ward and district outlines; the attribution line carries every licence statement the data needs.
import { L } from './leaflet.js';
import { h } from './dom.js';

export const attributions = {
  ons: 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right',
  iod: 'English Indices of Deprivation: MHCLG, OGL v3.0',
  osm: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL)',
};

const tileUrl = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** Creates the map in `element`; `view` is { zoom, lat, lon } or null to fit the district later. */
export function createMap(element, view) {
  const map = L.map(element, {
    zoomSnap: 1,
    minZoom: 8,
    maxZoom: 18,
    keyboardPanDelta: 120,
    attributionControl: false,
  });
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
  map.attributionControl.addAttribution(attributions.ons);
  map.attributionControl.addAttribution(attributions.iod);
  L.control.scale({ imperial: false }).addTo(map);
  if (view) map.setView([view.lat, view.lon], view.zoom);
  else map.setView([51.5, -0.1], 9);
  addTiles(map, element);
  return map;
}

/**
 * OpenStreetMap's tiles. When they cannot be reached (no network, or a blocked tile server) the map
 * says so once and keeps working on the plain background, with the outlines drawn above it.
 */
function addTiles(map, element) {
  const tiles = L.tileLayer(tileUrl, {
    maxZoom: 19,
    attribution: attributions.osm,
    crossOrigin: false,
  });
  let loaded = 0;
  let failed = 0;
  const offline = () => {
    if (element.classList.contains('tiles-offline')) return;
    element.classList.add('tiles-offline');
    const message = h('p', { class: 'map-status', role: 'status' },
      'The background map cannot be reached: showing ward and district outlines on a plain background.');
    element.parentElement.insertBefore(message, element.nextSibling);
  };
  tiles.on('tileload', () => { loaded++; element.classList.remove('tiles-offline'); });
  tiles.on('tileerror', () => { if (++failed >= 4 && loaded === 0) offline(); });
  tiles.addTo(map);
  return tiles;
}
