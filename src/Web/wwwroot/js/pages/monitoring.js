// The officer's dashboard and the quarterly report: draws each chart from the table behind it, and the
// coverage map from the wards' outlines and the coverage table (focus and underserved wards, actions
// targeting each). Marks the body data-ready when done, which the PDF printer waits for.
import { getJson, query } from '../api.js';
import { drawCharts } from '../charts.js';
import { boundaryAttribution as attribution } from './boundaries.js';

function wardStyle(row, most) {
  const share = row ? Number(row.actions) / most : 0;
  return {
    color: row?.underserved === 'true' ? '#b3261e' : row?.focus === 'true' ? '#1b1f23' : '#555d66',
    weight: row?.focus === 'true' ? 3 : 1,
    dashArray: row?.underserved === 'true' ? '6 4' : null,
    fillColor: '#0b5cad',
    fillOpacity: 0.08 + 0.6 * share,
  };
}

async function coverageMap() {
  const element = document.getElementById('coverage-map');
  if (!element || !window.L) return;
  const district = element.dataset.district;
  const rows = new Map([...document.querySelectorAll('#coverage-table tbody tr[data-ward]')].map(r => [r.dataset.ward, r.dataset]));
  const most = Math.max(1, ...[...rows.values()].map(r => Number(r.actions)));
  const map = window.L.map(element, { scrollWheelZoom: false, zoomSnap: 0.25 });
  map.attributionControl.setPrefix(false).addAttribution(attribution);
  const [wards, actions] = await Promise.all([
    getJson(query('/api/wards', { district, f: 'geojson' }), { accept: 'application/geo+json' }),
    getJson(query('/api/actions', { district, f: 'geojson' }), { accept: 'application/geo+json' }),
  ]);
  const outlines = window.L.geoJSON(wards, {
    style: feature => wardStyle(rows.get(feature.properties?.code ?? feature.id), most),
    onEachFeature: (feature, layer) => {
      const row = rows.get(feature.properties?.code ?? feature.id);
      const name = feature.properties?.name ?? feature.id;
      layer.bindTooltip(row?.underserved === 'true' ? `${name}: underserved` : name, { permanent: row?.underserved === 'true', direction: 'center', className: 'ward-label' });
    },
  }).addTo(map);
  // Actions with a place of their own (a point or a line); actions that target whole wards are the fill.
  window.L.geoJSON(actions, {
    filter: feature => feature.geometry && !/Polygon/.test(feature.geometry.type),
    pointToLayer: (feature, latlng) => window.L.circleMarker(latlng, { radius: 6, color: '#1b1f23', weight: 1, fillColor: '#ffbf47', fillOpacity: 1 }),
    style: () => ({ color: '#8a5a00', weight: 3 }),
    onEachFeature: (feature, layer) => layer.bindTooltip(feature.properties?.title ?? ''),
  }).addTo(map);
  if (outlines.getBounds().isValid()) map.fitBounds(outlines.getBounds(), { padding: [8, 8] });
}

drawCharts();
// Printed pages show the values behind each chart.
window.addEventListener('beforeprint', () => document.querySelectorAll('details.chart-data').forEach(d => { d.open = true; }));
coverageMap()
  .catch(error => {
    const element = document.getElementById('coverage-map');
    if (element) element.replaceChildren(Object.assign(document.createElement('p'), { textContent: `The map could not be drawn (${error.message}); the table below holds the same wards.` }));
  })
  .finally(() => { document.body.dataset.ready = 'true'; });
