// The new-action page. The district's wards on a map: a click on a ward adds it to the target wards or takes it
// off, in step with the list of checkboxes beside the map (either may be used; the other follows). The action's
// place, if it has one, is drawn with Leaflet-Geoman (a point, a line or a polygon) into the form's GeoJSON field,
// or typed there and then shown on the map. Marks the body data-ready once the wards are drawn.
import { getJson, query } from '../api.js';
import { boundaryAttribution } from './boundaries.js';

const L = window.L;
const element = document.getElementById('ward-map');
const field = document.getElementById('Form_Location');
const picked = { color: '#0b5cad', weight: 3, fillColor: '#0b5cad', fillOpacity: 0.45 };
const unpicked = { color: '#555d66', weight: 1, fillColor: '#0b5cad', fillOpacity: 0.05 };
const place = { color: '#8a5a00', weight: 3, fillColor: '#ffbf47', fillOpacity: 0.5 };

const checkbox = code => document.querySelector(`input[name="Form.Wards"][value="${CSS.escape(code)}"]`);
const styleOf = code => (checkbox(code)?.checked ? picked : unpicked);
const busy = map => map.pm.globalDrawModeEnabled() || map.pm.globalRemovalModeEnabled() || map.pm.globalEditModeEnabled();

async function drawWards(map) {
  const wards = await getJson(query('/api/wards', { district: element.dataset.district, f: 'geojson' }), { accept: 'application/geo+json' });
  const layers = new Map();
  const outlines = L.geoJSON(wards, {
    pmIgnore: true,
    style: feature => styleOf(feature.properties?.code ?? feature.id),
    onEachFeature: (feature, layer) => {
      const code = feature.properties?.code ?? feature.id;
      layers.set(code, layer);
      layer.bindTooltip(feature.properties?.name ?? code, { sticky: true });
      layer.on('click', () => {
        const box = checkbox(code);
        if (!box || busy(map)) return; // while drawing, a click places the shape, not a ward
        box.checked = !box.checked;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      });
    },
  }).addTo(map);
  document.querySelectorAll('input[name="Form.Wards"]').forEach(box =>
    box.addEventListener('change', () => layers.get(box.value)?.setStyle(styleOf(box.value))));
  if (outlines.getBounds().isValid()) map.fitBounds(outlines.getBounds(), { padding: [8, 8] });
}

/** The one drawn place: drawing another replaces it; the field always holds its geometry as GeoJSON. */
function drawPlace(map) {
  const drawn = L.featureGroup().addTo(map);
  const write = () => {
    const layer = drawn.getLayers()[0];
    field.value = layer ? JSON.stringify(layer.toGeoJSON(6).geometry) : '';
  };
  const show = geometry => {
    drawn.clearLayers();
    L.geoJSON(geometry, { style: place }).eachLayer(layer => drawn.addLayer(layer));
  };
  map.pm.setGlobalOptions({ continueDrawing: false, pathOptions: place, layerGroup: drawn });
  map.pm.addControls({
    position: 'topleft', drawMarker: true, drawPolyline: true, drawPolygon: true, drawCircleMarker: false, drawRectangle: false,
    drawCircle: false, drawText: false, editMode: true, dragMode: false, cutPolygon: false, removalMode: true, rotateMode: false,
  });
  // Geoman names its buttons on their containers only: name the buttons themselves, for screen readers.
  element.querySelectorAll('.leaflet-pm-toolbar .button-container[title]').forEach(container =>
    container.querySelector('.leaflet-buttons-control-button')?.setAttribute('aria-label', container.title));
  map.on('pm:create', ({ layer }) => {
    drawn.getLayers().filter(l => l !== layer).forEach(l => drawn.removeLayer(l));
    layer.on('pm:edit', write);
    write();
  });
  map.on('pm:remove', write);
  field.addEventListener('change', () => {
    try {
      show(field.value.trim() ? JSON.parse(field.value) : []);
    } catch {
      drawn.clearLayers(); // not GeoJSON: the server says why when the form is sent
    }
  });
  document.getElementById('clear-location')?.addEventListener('click', () => {
    drawn.clearLayers();
    write();
  });
  if (field.value.trim()) {
    try { show(JSON.parse(field.value)); } catch { /* shown as sent, with the server's error beside it */ }
  }
}

async function start() {
  if (!element || !L?.PM) throw new Error('Leaflet or Leaflet-Geoman did not load');
  const map = L.map(element, { scrollWheelZoom: false, zoomSnap: 0.25 });
  element.leafletMap = map;
  map.attributionControl.setPrefix(false).addAttribution(boundaryAttribution);
  drawPlace(map);
  await drawWards(map);
}

start()
  .catch(error => {
    if (element) element.replaceChildren(Object.assign(document.createElement('p'), { textContent: `The map could not be drawn (${error.message}); pick the wards from the list.` }));
  })
  .finally(() => { document.body.dataset.ready = 'true'; });
