// Neighbourhoods (LSOAs) coloured by their national IMD decile, and the outlines of every loaded ward:
// both follow the view, from GeoJSON while it holds few features and from vector tiles once it holds many.
import { h } from '../dom.js';
import { adaptiveLayer } from './adaptive.js';
import { label } from './overlay.js';
import { colour } from '../colours.js';

// Dark is the poorest outcome, as on the ward choropleth: deciles 1 and 2 (the most deprived 20% of
// England's LSOAs) darkest.
const decileClasses = [
  { from: 1, to: 2, colour: 'viridis-5' },
  { from: 3, to: 4, colour: 'viridis-4' },
  { from: 5, to: 6, colour: 'viridis-3' },
  { from: 7, to: 8, colour: 'viridis-2' },
  { from: 9, to: 10, colour: 'viridis-1' },
];

const colourOf = decile => colour(decileClasses.find(c => decile >= c.from && decile <= c.to)?.colour ?? 'no-data');

export function lsoaOverlay({ pane, attribution } = {}) {
  const layer = adaptiveLayer({
    collection: 'lsoas',
    pane,
    attribution,
    style: p => ({ color: colour('paper'), weight: 0.6, opacity: 0.9, fillColor: colourOf(p.imd_decile), fillOpacity: 0.65 }),
  });
  const mode = h('p', { class: 'legend-mode' });
  layer.on('modechange', ({ mode: drawn, matched }) => {
    mode.textContent = `${matched.toLocaleString('en-GB')} in view, drawn ${drawn === 'tiles' ? 'from vector tiles' : 'as shapes'}.`;
  });
  return {
    id: 'lsoas',
    order: 3,
    title: 'Neighbourhoods (LSOAs) by IMD decile',
    name: label('Neighbourhoods (LSOAs) by IMD decile', 'swatch-lsoas'),
    layer,
    legend: h('div', { class: 'legend-lsoas' },
      h('h3', { class: 'legend-subheading' }, 'Neighbourhoods (LSOAs): IMD decile'),
      h('ol', { class: 'legend-deciles', 'aria-label': 'IMD deciles, from the most deprived (1 to 2) to the least (9 to 10)' },
        decileClasses.map(c => h('li', {},
          h('span', { class: 'swatch', style: { background: colour(c.colour) }, 'aria-hidden': 'true' }),
          `${c.from}-${c.to}`))),
      h('p', { class: 'legend-direction' }, 'Decile 1: the most deprived 10% in England.'),
      mode),
  };
}

export function allWardsOverlay({ pane, attribution } = {}) {
  const layer = adaptiveLayer({
    collection: 'wards',
    pane,
    attribution,
    style: () => ({ color: colour('muted-outline'), weight: 1, opacity: 0.9, fill: false, dashArray: '2 3' }),
  });
  return {
    id: 'all-wards',
    order: 4,
    title: 'Ward outlines, every loaded district',
    name: label('Ward outlines, every loaded district', 'swatch-all-wards'),
    layer,
  };
}
