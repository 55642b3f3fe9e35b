// The district's outline: always drawn above the plain background, even without tiles.
import { L } from '../leaflet.js';
import { label } from './overlay.js';
import { colour } from '../colours.js';

export function districtOverlay(geojson) {
  const layer = L.geoJSON(geojson, {
    interactive: false,
    style: () => ({ color: colour('outline'), weight: 2.5, fill: false, opacity: 0.9 }),
  });
  return { id: 'district', order: 1, name: label('District outline', 'swatch-district'), layer, defaultOn: true };
}
