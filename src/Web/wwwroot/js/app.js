// The map page: wires the map, its overlays and the panels together, and keeps the view in the URL.
import { L } from './leaflet.js';
import { allItems, getJson, query } from './api.js';
import { escapeHtml, h, replace } from './dom.js';
import { createMap } from './map.js';
import { createLayout } from './layout.js';
import { createMeasureView } from './measure-view.js';
import * as state from './state.js';
import { pointInside } from './geometry.js';
import { createWardLayer } from './layers/wards.js';
import { createLayerControl } from './layers/layer-control.js';
import { chooseDistrict, showDistrict } from './district-choice.js';
import { districtOverlay } from './layers/district.js';
import { focusOverlay } from './layers/focus-wards.js';
import { allWardsOverlay, lsoaOverlay } from './layers/lsoas.js';
import { routeOverlays } from './layers/routes.js';
import { greenSpaceOverlay } from './layers/green-spaces.js';
import { activitiesOverlay, recyclingSitesOverlay, townCentreProjectsOverlay } from './layers/points.js';
import { actionsOverlay } from './layers/actions.js';
import { createTabs } from './panels/tabs.js';
import { createRanking } from './panels/ranking.js';
import { createWardProfile } from './panels/ward-profile.js';
import { createNearMe } from './panels/near-me.js';
import { createPlanExplorer } from './panels/plan-explorer.js';
import { createPlacesTable } from './panels/places-table.js';

// The place and plan layers, each from the OGC collection of the same name, kept to the district shown.
const placeCollections = {
  routes: routeOverlays,
  'green-spaces': source => [greenSpaceOverlay(source)],
  'town-centre-projects': source => [townCentreProjectsOverlay(source)],
  'recycling-sites': source => [recyclingSitesOverlay(source)],
  activities: source => [activitiesOverlay(source)],
  actions: source => [actionsOverlay(source)],
};

const defaultPanel = 'near';

async function main() {
  const initial = state.get();
  const [settings, collections, districts] = await Promise.all([
    getJson('/map/settings'),
    getJson('/ogc/collections'),
    allItems('districts', { simplify: 20 }),
  ]);
  const mapElement = document.getElementById('map');
  const map = createMap(mapElement, initial.map ?? null, settings.basemap, settings.attributions);
  mapElement.leafletMap = map; // for the browser tests and the console
  const panels = Object.fromEntries(['near', 'ward', 'plan', 'wards'].map(id => [id, document.getElementById(`panel-${id}`)]));

  // Districts whose wards are loaded (a lookup can name neighbouring districts without their wards).
  const withWards = districts.features.filter(f => (f.properties.ward_count ?? 1) > 0);
  const district = chooseDistrict(withWards, initial.district, settings.district);
  if (!district) {
    replace(document.getElementById('status'), withWards.length
      ? 'Several districts are loaded: choose one above.'
      : 'No district is loaded yet: see the README for how to load one.');
    showDistrict(null, withWards);
    document.getElementById('place-search').hidden = true;
    document.body.dataset.ready = 'true';
    return;
  }
  showDistrict(district, withWards);

  // A collection's attribution, unless the map's line already carries it (OpenStreetMap's, when the basemap is OpenStreetMap's).
  const osmBasemap = /OpenStreetMap/i.test(settings.basemap?.attribution ?? '');
  const attributionOf = id => {
    const text = collections.collections.find(c => c.id === id)?.attribution;
    return text && !(osmBasemap && /OpenStreetMap/i.test(text)) ? escapeHtml(text) : undefined;
  };
  const [wards, focus] = await Promise.all([
    allItems('wards', { district: district.id, simplify: 20 }),
    // Focus wards follow from the district's deprivation figures; without them there are none to outline.
    getJson(query('/api/focus-wards', { district: district.id })).catch(() => null),
  ]);
  const wardCodes = new Set(wards.features.map(f => f.id));

  // Panels.
  // The page's title names the ward whose profile is open, so that a tab, a bookmark and the history say which.
  const showTitle = code => {
    const ward = code && wardLayer.feature(code);
    document.title = ward ? `${ward.properties.name}, ${district.properties.name}: DistrictMap` : `${district.properties.name}: DistrictMap`;
  };
  const tabs = createTabs(document.querySelector('.tabs [role="tablist"]'), panel => {
    if (panel !== 'ward') { returnTo = null; showTitle(null); }
    state.update({ panel }, { push: true });
    mapElement.classList.toggle('picking', panel === 'near');
  });
  // Where a ward profile goes back to (its Back button, or Escape): the panel and the control it was opened from.
  let returnTo = null;
  const goBack = () => {
    const to = returnTo;
    if (!to) return;
    tabs.select(to.panel);
    const element = to.element?.isConnected && !to.element.closest('[hidden]') ? to.element : document.getElementById(`tab-${to.panel}`);
    element.focus();
  };
  const selectWard = code => {
    wardLayer.select(code);

    // Keep the focus wards' dashed outlines above the selected ward's.
    const focusLayer = overlays.find(o => o.id === 'focus')?.layer;
    if (focusLayer && map.hasLayer(focusLayer)) focusLayer.bringToFront();
  };
  const openWard = (code, { fit = true, push = true } = {}) => {
    const from = tabs.active();
    const opener = document.activeElement;
    if (from !== 'ward') returnTo = { panel: from, element: opener };
    tabs.select('ward', { silent: true });
    mapElement.classList.remove('picking');
    selectWard(code);
    profile.open(code);
    showTitle(code);
    // The profile takes the focus; opened by a click on the map, the page stays where it is.
    panels.ward.focus({ preventScroll: !opener || opener === document.body || mapElement.contains(opener) });
    if (fit && wardLayer.bounds(code)) map.fitBounds(wardLayer.bounds(code), { maxZoom: 14, padding: [20, 20] });
    state.update({ panel: 'ward', ward: code }, { push });
  };
  const ranking = createRanking(panels.wards, { onOpenWard: code => openWard(code) });
  ranking.showFocus(focus);
  const profile = createWardProfile(panels.ward, {
    onOpenWard: code => openWard(code),
    backTo: () => (returnTo ? tabs.title(returnTo.panel) : null),
    onBack: goBack,
    onShowOnMap: code => { map.fitBounds(wardLayer.bounds(code), { maxZoom: 14 }); mapElement.focus(); },
  });
  const nearMe = createNearMe(panels.near, {
    map,
    wards: wards.features,
    onOpenWard: code => openWard(code),
    onPointChange: (near, radius) => state.update({ near, radius }),
  });
  // Postcode and place search: loaded when first used; a result chosen is looked up by Near me.
  const searchBox = document.getElementById('place-search');
  searchBox.addEventListener('focusin', () => import('./panels/search.js').then(({ createPlaceSearch }) => createPlaceSearch(searchBox, {
    district: district.id, onChoose: r => { tabs.select('near'); nearMe.at(L.latLng(r.lat, r.lon), { fly: true }); },
  })), { once: true });
  createPlanExplorer(panels.plan, {
    district: district.id,
    wards: wards.features,
    onShowAction: action => {
      const shape = L.geoJSON(action.location);
      map.fitBounds(shape.getBounds(), { maxZoom: 15 });
      L.popup().setLatLng(shape.getBounds().getCenter()).setContent(h('strong', {}, action.title)).openOn(map);
    },
  }).catch(() => replace(panels.plan, h('h2', {}, 'Plan explorer'), h('p', { class: 'note' }, 'The plan could not be loaded.')));

  // Layers.
  const wardLayer = createWardLayer({
    geojson: wards,
    // With Near me open, a click picks a place instead (the map's click handler below).
    onClick: code => { if (tabs.active() !== 'near') openWard(code, { fit: false }); },
    // From the keyboard: with Near me open, a place inside the ward; else the ward's profile.
    onActivate: code => {
      if (tabs.active() !== 'near') return openWard(code, { fit: false });
      const [lon, lat] = pointInside(wardLayer.feature(code).geometry);
      return nearMe.at(L.latLng(lat, lon));
    },
  });
  const overlays = [
    { id: 'wards', order: 0, name: '<span class="layer-swatch swatch-choropleth" aria-hidden="true"></span>Wards coloured by the chosen measure', layer: wardLayer.layer, defaultOn: true },
    districtOverlay(district),
  ];
  if (focus) overlays.push(focusOverlay(focus, wards.features));
  // Neighbourhoods and every loaded ward, drawn above the choropleth (but below markers) and letting clicks through.
  map.createPane('context').style.zIndex = 450;
  overlays.push(lsoaOverlay({ pane: 'context' }), allWardsOverlay({ pane: 'context' }));
  for (const [id, make] of Object.entries(placeCollections)) overlays.push(...make({ district: district.id, attribution: attributionOf(id) }));
  const layerControl = createLayerControl(map, overlays);
  createPlacesTable(nearMe.placesElement, { map, overlays: overlays.filter(o => o.id !== 'actions') });

  const measureView = await createMeasureView({ district: district.id, wardCodes, wardLayer, ranking, overlays });
  // The legend over the map, or below it on a small map (layout.js).
  const layout = createLayout({
    map, legend: measureView.legend, slot: document.getElementById('legend-slot'), layers: layerControl, bounds: L.geoJSON(district).getBounds(),
  });

  // The view in the URL: applied now, and again on Back, Forward or an edited hash.
  const apply = async (s, { first = false } = {}) => {
    const wanted = new Set(s.layers ?? overlays.filter(o => o.defaultOn).map(o => o.id));
    for (const overlay of overlays) {
      if (wanted.has(overlay.id) && !map.hasLayer(overlay.layer)) overlay.layer.addTo(map);
      if (!wanted.has(overlay.id) && map.hasLayer(overlay.layer)) map.removeLayer(overlay.layer);
    }
    if (s.map && !first) {
      const c = map.getCenter();
      if (map.getZoom() !== s.map.zoom || Math.abs(c.lat - s.map.lat) > 1e-4 || Math.abs(c.lng - s.map.lon) > 1e-4) map.setView([s.map.lat, s.map.lon], s.map.zoom);
    }
    const panel = s.panel ?? defaultPanel;
    tabs.select(panel, { silent: true });
    mapElement.classList.toggle('picking', panel === 'near');
    if (s.ward && wardCodes.has(s.ward)) {
      if (profile.current() !== s.ward) { selectWard(s.ward); profile.open(s.ward); }
    } else if (profile.current()) {
      selectWard(null);
      profile.clear();
    }
    showTitle(panel === 'ward' ? s.ward : null);
    if (first && s.near) nearMe.restore(s.near, s.radius);
    await measureView.show(s.by ?? 'imd');
  };

  // The layout has settled by now: set the view from the URL exactly, or fit the district clear of the controls.
  if (initial.map) {
    layout.arrange();
    map.setView([initial.map.lat, initial.map.lon], initial.map.zoom, { animate: false });
  } else layout.fit();
  const recordView = () => {
    // Leaflet rounds to whole pixels: a view within a pixel of the URL's is the URL's, so the URL does not drift.
    const recorded = state.get().map;
    if (recorded && recorded.zoom === map.getZoom()
      && map.latLngToContainerPoint([recorded.lat, recorded.lon]).distanceTo(map.getSize().divideBy(2)) < 1) return;
    const c = map.getCenter();
    state.update({ map: { zoom: map.getZoom(), lat: c.lat, lon: c.lng } });
  };
  const recordLayers = () => state.update({ layers: overlays.filter(o => map.hasLayer(o.layer)).map(o => o.id) });
  await apply(initial, { first: true });
  // The legend has its classes now: fit again if it grew over the district.
  layout.refit();
  // Just after the frame that first shows the coloured wards is painted (bench/first-render.sh reads this mark).
  if (map.hasLayer(wardLayer.layer)) requestAnimationFrame(() => setTimeout(() => performance.mark('wards-drawn')));
  recordView();
  map.on('moveend', recordView);
  map.on('overlayadd overlayremove', recordLayers);
  state.onChange(s => apply(s));

  // Near me from the map: a click or tap, or Enter on the focused map for its centre.
  map.on('click', event => { if (tabs.active() === 'near' && !event.originalEvent?.defaultPrevented) nearMe.at(event.latlng); });
  mapElement.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target === mapElement && tabs.active() === 'near') nearMe.at(map.getCenter());
  });
  // Escape in a ward profile goes back to where it was opened from.
  panels.ward.addEventListener('keydown', event => {
    if (event.key === 'Escape' && returnTo) { event.preventDefault(); goBack(); }
  });
  document.body.dataset.ready = 'true';
}

main().catch(error => {
  console.error(error);
  const status = document.getElementById('status');
  if (status) replace(status, 'The map could not load its data. Try again later; the data is also available through the API documentation.');
});
