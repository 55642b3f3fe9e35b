// Focus wards (GET /api/focus-wards): outlined with a heavy dashed line over the choropleth, with the
// reasons they were chosen.
import { L } from '../leaflet.js';
import { h } from '../dom.js';
import { label } from './overlay.js';
import { colour } from '../colours.js';

export function focusOverlay(focus, wardFeatures) {
  const reasons = new Map(focus.wards.map(w => [w.code, w]));
  const features = wardFeatures.filter(f => reasons.has(f.id));
  const layer = L.geoJSON({ type: 'FeatureCollection', features }, {
    className: 'focus-outline',
    style: () => ({ color: colour('ink'), weight: 3, dashArray: '8 5', fill: false, opacity: 1 }),
    interactive: true,
    onEachFeature(feature, path) {
      // A picture with a tooltip for the pointer, not a tab stop: each ward is reached as a button, and the reasons are in the Ranking panel.
      path.on('add', () => { path.getElement().setAttribute('tabindex', '-1'); path.getElement().setAttribute('aria-hidden', 'true'); });
      const ward = reasons.get(feature.id);
      path.bindTooltip(h('div', {},
        h('strong', {}, `${feature.properties.name}: focus ward`),
        h('ul', {}, (ward.reasons ?? []).map(r => h('li', {}, r)))), { sticky: true });
    },
  });
  return { id: 'focus', order: 2, name: label('Focus wards', 'swatch-focus'), layer, defaultOn: true };
}
