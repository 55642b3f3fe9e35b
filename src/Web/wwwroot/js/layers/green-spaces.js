// Green spaces (OGC collection `green-spaces`): green areas, paler and dashed where access is restricted.
import { L } from '../leaflet.js';
import { area } from '../format.js';
import { features, label, lazyGroup, nameOf, popup } from './overlay.js';
import { colour } from '../colours.js';

export function greenSpaceOverlay({ district, attribution }) {
  const overlay = {
    id: 'green-spaces',
    order: 20,
    title: 'Green spaces',
    kind: 'Green space',
    name: label('Green spaces', 'swatch-green'),
    defaultOn: false,
    sampleLabel: s => label('Green spaces', 'swatch-green', s),
    items: () => features('green-spaces', district),
    describe: p => [['Type', p.type], ['Access', p.access], ['Area', p.area_m2 ? area(p.area_m2) : null]],
  };
  overlay.layer = lazyGroup(async group => {
    const spaces = await overlay.items();
    for (const feature of spaces) {
      const restricted = feature.properties.access === 'restricted';
      L.geoJSON(feature, {
        attribution,
        style: { color: colour('green-edge'), weight: 1.5, fillColor: colour('green'), fillOpacity: restricted ? 0.2 : 0.45, dashArray: restricted ? '4 4' : null },
        pointToLayer: (_, latlng) => L.circleMarker(latlng, { radius: 6 }),
      })
        .bindPopup(() => popup(nameOf(feature), 'Green space', feature.properties.sample, overlay.describe(feature.properties)))
        .addTo(group);
    }
    overlay.loaded?.(spaces);
  });
  return overlay;
}
