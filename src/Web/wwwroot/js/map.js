// The Leaflet map: the configured basemap's tiles when they can be reached, else a plain background under the
// ward and district outlines; the attribution line carries every licence statement the data needs.
import { L } from './leaflet.js';
import { escapeHtml, h } from './dom.js';

/** Whether the user asked for less motion (an operating-system or browser setting). */
export const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A map that never animates a pan (keyboard panning, fitting a ward, a popup moving into view): Leaflet
 * animates pans unless each call says otherwise.
 */
const StillMap = L.Map.extend({
  panBy(offset, options) {
    return L.Map.prototype.panBy.call(this, offset, { ...options, animate: false });
  },
});

/**
 * Creates the map in `element`; `view` is { zoom, lat, lon } or null to fit the district later;
 * `basemap` is the configured background ({ urlTemplate, attribution, attributionUrl, maxZoom,
 * subdomains }, from /map/settings) or null for none. With prefers-reduced-motion, zooms, pans, fades
 * and inertia are instant.
 */
export function createMap(element, view, basemap, attributions = []) {
  const still = reducedMotion();
  const map = new (still ? StillMap : L.Map)(element, {
    zoomSnap: 1,
    minZoom: 8,
    maxZoom: 18,
    keyboardPanDelta: 120,
    attributionControl: false,
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
    inertia: !still,
  });
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
  for (const text of attributions) map.attributionControl.addAttribution(escapeHtml(text));
  L.control.scale({ imperial: false }).addTo(map);
  if (view) map.setView([view.lat, view.lon], view.zoom);
  else map.setView([51.5, -0.1], 9);
  if (basemap) addTiles(map, element, basemap);
  else element.classList.add('tiles-offline');
  accessiblePopups(map, element);
  return map;
}

/**
 * Popups take the focus when they open (their content, so that it is read out), close on Escape from
 * anywhere on the map or in the popup, and give the focus back to what had it (a marker, or a
 * "Show on the map" button) when they close.
 */
function accessiblePopups(map, element) {
  let open = null;
  let opener = null;
  map.on('popupopen', event => {
    open = event.popup;
    const container = event.popup.getElement();
    const active = document.activeElement;
    opener = active && active !== document.body && !container.contains(active) ? active : null;
    const content = container.querySelector('.leaflet-popup-content');
    content.setAttribute('tabindex', '-1');
    content.focus({ preventScroll: true });
  });
  map.on('popupclose', event => {
    if (open === event.popup) open = null;
    const container = event.popup.getElement();
    const back = opener;
    opener = null;
    const active = document.activeElement;
    const lost = !active || active === document.body || (container && container.contains(active));
    if (back && back.isConnected && lost) back.focus({ preventScroll: true });
  });
  element.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    map.closePopup(open);
  });
}

/**
 * The basemap's tiles. When they cannot be reached (no network, or a blocked tile server) the map
 * says so once and keeps working on the plain background, with the outlines drawn above it.
 */
function addTiles(map, element, basemap) {
  const credit = basemap.attributionUrl
    ? `<a href="${escapeHtml(basemap.attributionUrl)}">${escapeHtml(basemap.attribution)}</a>`
    : escapeHtml(basemap.attribution);
  const tiles = L.tileLayer(basemap.urlTemplate, {
    maxNativeZoom: basemap.maxZoom,
    maxZoom: 18,
    subdomains: basemap.subdomains,
    attribution: credit,
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
