// Point overlays: town-centre projects, recycling sites and activities (OGC collections of the same names).
// Each point is a marker with a letter, reachable with Tab, with its details in a popup.
import { L } from '../leaflet.js';
import { features, label, lazyGroup, nameOf, pointMarker, popup } from './overlay.js';
import { colour } from '../colours.js';

function pointOverlay({ id, order, title, kind, letter, swatch, rows }, { district, attribution }) {
  const overlay = {
    id, order, title, kind,
    name: label(title, swatch),
    defaultOn: false,
    sampleLabel: s => label(title, swatch, s),
    items: () => features(id, district),
    describe: rows,
  };
  overlay.layer = lazyGroup(async group => {
    const items = await overlay.items();
    for (const feature of items) {
      const p = feature.properties;
      L.geoJSON(feature, {
        attribution,
        pointToLayer: (_, latlng) => pointMarker(latlng, { letter, className: swatch, title: `${kind}: ${nameOf(feature)}`, sample: p.sample }),
        style: { color: colour('ink'), weight: 2 },
      })
        .bindPopup(() => popup(nameOf(feature), kind, p.sample, rows(p)))
        .addTo(group);
    }
    overlay.loaded?.(items);
  });
  return overlay;
}

export const townCentreProjectsOverlay = source => pointOverlay({
  id: 'town-centre-projects', order: 30, title: 'Town-centre projects', kind: 'Town-centre project', letter: 'P', swatch: 'swatch-project',
  rows: p => [['Town', p.town], ['Status', p.status], ['Lead partner', p.lead_partner], ['Start', p.start], ['End', p.end]],
}, source);

export const recyclingSitesOverlay = source => pointOverlay({
  id: 'recycling-sites', order: 31, title: 'Recycling sites', kind: 'Recycling site', letter: 'R', swatch: 'swatch-recycling',
  rows: p => [['Materials', (p.materials ?? '').split(',').map(m => m.trim()).filter(Boolean).join(', ')], ['Opening', p.opening]],
}, source);

export const activitiesOverlay = source => pointOverlay({
  id: 'activities', order: 32, title: 'Activities and volunteering', kind: 'Activity', letter: 'V', swatch: 'swatch-activity',
  rows: p => [['When', p.when], ['Hours needed', p.hours_needed], ['Contact', p.contact]],
}, source);
