// Green spaces (OGC collection `green-spaces`): hatched green areas, public or restricted access.
import { L } from '../leaflet.js';
import { area } from '../format.js';
import { features, label, lazyGroup, nameOf, popup } from './overlay.js';

export function greenSpaceOverlay(attribution) {
  const overlay = { id: 'green-spaces', order: 20, name: label('Green spaces', 'swatch-green'), defaultOn: false, sampleLabel: s => label('Green spaces', 'swatch-green', s) };
  overlay.layer = lazyGroup(async group => {
    const spaces = await features('green-spaces');
    for (const feature of spaces) {
      const p = feature.properties;
      const restricted = p.access === 'restricted';
      L.geoJSON(feature, {
        attribution,
        style: { color: '#006d4f', weight: 1.5, fillColor: '#009e73', fillOpacity: restricted ? 0.2 : 0.45, dashArray: restricted ? '4 4' : null },
        pointToLayer: (_, latlng) => L.circleMarker(latlng, { radius: 6 }),
      })
        .bindPopup(() => popup(nameOf(feature), 'Green space', p.sample, [
          ['Type', p.type], ['Access', p.access], ['Area', p.area_m2 ? area(p.area_m2) : null],
        ]))
        .addTo(group);
    }
    overlay.loaded?.(spaces);
  });
  return overlay;
}
