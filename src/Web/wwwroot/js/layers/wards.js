// The ward choropleth: one GeoJSON request for every ward of the district (simplified outlines),
// coloured by the chosen measure; a click opens the ward. Each ward is also a button for the keyboard:
// Tab reaches it (its tooltip opens), Enter or Space activates it.
import { L } from '../leaflet.js';
import { h } from '../dom.js';
import { number } from '../format.js';
import { classify } from '../palette.js';
import { colour } from '../colours.js';


export function createWardLayer({ geojson, onClick, onActivate }) {
  let measure = null;
  let classes = { classes: [], classOf: () => null };
  let selected = null;
  const values = new Map();

  const styleOf = feature => {
    const cls = classes.classOf(values.get(feature.id));
    const isSelected = feature.id === selected;
    return {
      color: isSelected ? colour('ink') : colour('paper'),
      weight: isSelected ? 4 : 1.2,
      opacity: 1,
      fillColor: cls?.colour ?? colour('no-data'),
      fillOpacity: measure ? 0.72 : 0.15,
    };
  };

  const layer = L.geoJSON(geojson, {
    className: 'ward-area',
    style: styleOf,
    onEachFeature(feature, path) {
      path.bindTooltip(() => tooltip(feature), { sticky: true, direction: 'top' });
      path.on('click', event => onClick(feature.id, event.latlng));
      path.on('mouseover', () => path.setStyle({ weight: 3, color: colour('ink') }));
      path.on('mouseout', () => path.setStyle(styleOf(feature)));
      path.on('add', () => {
        const element = path.getElement();
        element.setAttribute('tabindex', '0');
        element.setAttribute('role', 'button');
        element.setAttribute('aria-label', labelOf(feature));
        element.addEventListener('keydown', event => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          onActivate(feature.id);
        });
      });
    },
  });

  const labelOf = feature => (measure
    ? `${feature.properties.name}: ${measure.title} ${number(values.get(feature.id), measure.decimals)}`
    : feature.properties.name);

  const tooltip = feature => {
    const value = values.get(feature.id);
    return h('div', {},
      h('strong', {}, feature.properties.name),
      measure ? h('div', {}, `${measure.title}: ${number(value, measure.decimals)}`) : null);
  };

  const byCode = new Map();
  layer.eachLayer(path => byCode.set(path.feature.id, path));

  return {
    layer,
    features: geojson.features,
    setMeasure(next) {
      measure = next;
      values.clear();
      for (const row of next?.rows ?? []) values.set(row.code, row.value);
      const inLayer = [...byCode.keys()].map(code => values.get(code));
      classes = next ? classify(inLayer, next.worseIsHigher) : { classes: [], classOf: () => null };
      layer.setStyle(styleOf);
      for (const path of byCode.values()) path.getElement()?.setAttribute('aria-label', labelOf(path.feature));
      return classes;
    },
    classOf: value => classes.classOf(value),
    select(code) {
      selected = code;
      layer.setStyle(styleOf);
      byCode.get(code)?.bringToFront();
    },
    bounds: code => byCode.get(code)?.getBounds() ?? null,
    feature: code => byCode.get(code)?.feature ?? null,
  };
}
