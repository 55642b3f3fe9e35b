// Walking, cycling and shared routes (OGC collection `routes`): one overlay each, told apart by
// colour and by dash pattern, so that they read without colour too.
import { L } from '../leaflet.js';
import { distance } from '../format.js';
import { features, label, lazyGroup, nameOf, popup } from './overlay.js';
import { colour } from '../colours.js';

const kinds = {
  walking: { title: 'Walking routes', one: 'Walking route', style: { color: colour('walking'), weight: 4, dashArray: '2 7', lineCap: 'round' } },
  cycling: { title: 'Cycling routes', one: 'Cycling route', style: { color: colour('cycling'), weight: 4, dashArray: '12 6' } },
  shared: { title: 'Shared walking and cycling routes', one: 'Shared walking and cycling route', style: { color: colour('shared'), weight: 4 } },
};

export function routeOverlays({ district, attribution }) {
  return Object.entries(kinds).map(([kind, { title, one, style }], i) => {
    const overlay = {
      id: `${kind}-routes`,
      order: 10 + i,
      title,
      kind: one,
      name: label(title, `swatch-${kind}`),
      defaultOn: false,
      sampleLabel: s => label(title, `swatch-${kind}`, s),
      items: async () => (await features('routes', district)).filter(f => (f.properties.kind ?? 'shared') === kind),
      collectionItems: () => features('routes', district),
      describe: p => [
        ['Network', p.network], ['Surface', p.surface], ['Accessibility', p.accessibility],
        ['Length', p.length_m ? distance(p.length_m) : null],
      ],
    };
    overlay.layer = lazyGroup(async group => {
      const routes = await overlay.items();
      for (const feature of routes) {
        L.geoJSON(feature, { style, attribution })
          .bindPopup(() => popup(nameOf(feature), one, feature.properties.sample, overlay.describe(feature.properties)))
          .addTo(group);
      }
      overlay.loaded?.(routes);
    });
    return overlay;
  });
}
