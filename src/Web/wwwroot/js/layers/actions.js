// Plan actions (OGC collection `actions`), clustered: each marker carries its RAG status as a letter
// as well as a colour, and cluster markers say how many actions they hold.
import { L } from '../leaflet.js';
import { h } from '../dom.js';
import { ragTitles, statusTitles } from '../format.js';
import { reducedMotion } from '../map.js';
import { features, label, lazyGroup, pointMarker, popup } from './overlay.js';

const ragLetters = { green: 'G', amber: 'A', red: 'R' };

export function actionsOverlay({ district, attribution }) {
  const overlay = { id: 'actions', order: 40, title: 'Plan actions', name: label('Plan actions', 'swatch-action'), defaultOn: false, sampleLabel: s => label('Plan actions', 'swatch-action', s) };
  const cluster = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    animate: !reducedMotion(),
    iconCreateFunction: c => L.divIcon({
      className: 'action-cluster',
      // The count is the button's accessible name: clusters are reached with Tab like markers.
      html: h('span', {}, String(c.getChildCount()), h('span', { class: 'visually-hidden' }, ' actions here: press Enter to zoom in')),
      iconSize: [36, 36],
    }),
  });
  overlay.layer = lazyGroup(async group => {
    const actions = await features('actions', district);
    for (const feature of actions) {
      if (!feature.geometry) continue;
      const p = feature.properties;
      const latlng = feature.geometry.type === 'Point'
        ? L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0])
        : L.geoJSON(feature).getBounds().getCenter();
      pointMarker(latlng, {
        letter: ragLetters[p.rag] ?? '–', className: `swatch-action rag-${p.rag ?? 'none'}`, title: `Action: ${p.title}`, sample: p.sample,
      })
        .bindPopup(() => popup(p.title, 'Plan action', p.sample, [
          ['Priority', p.priority], ['Status', statusTitles[p.status] ?? p.status], ['RAG', ragTitles[p.rag] ?? 'Not yet rated'],
          ['Lead partner', p.lead_partner], ['Wards', p.district_wide ? 'District-wide' : p.wards],
        ]))
        .addTo(group);
    }
    overlay.loaded?.(actions);
  }, cluster);
  cluster.options.attribution = attribution;
  return overlay;
}
