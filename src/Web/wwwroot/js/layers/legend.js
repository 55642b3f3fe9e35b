// The choropleth's legend, with the measure chooser: class breaks, units, and which way is poorer.
import { L } from '../leaflet.js';
import { h, replace, sampleBadge } from '../dom.js';
import { number } from '../format.js';

export function createLegend({ options, onChange }) {
  const select = h('select', { id: 'measure', name: 'measure' });
  const body = h('div', { class: 'legend-body' });
  // The legends of other overlays shown (the LSOA deciles), below the wards'.
  const extra = h('div', { class: 'legend-extra' });
  const container = h('div', { class: 'legend leaflet-bar', role: 'group', 'aria-labelledby': 'legend-heading' },
    h('h2', { id: 'legend-heading', class: 'legend-heading' }, 'Wards coloured by'),
    h('label', { for: 'measure', class: 'visually-hidden' }, 'Measure'),
    select,
    body,
    extra);
  select.addEventListener('change', () => onChange(select.value));

  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    return container;
  };

  const setOptions = groups => {
    replace(select, groups.map(group => h('optgroup', { label: group.label },
      group.options.map(o => h('option', { value: o.id }, o.title + (o.sample ? ' (sample)' : ''))))));
  };
  setOptions(options);

  return {
    control,
    element: container,
    extra,
    setOptions,
    show(measure, classes) {
      if (select.value !== measure.id) select.value = measure.id;
      const items = classes.classes.map(c => h('li', {},
        h('span', { class: 'swatch', style: { background: c.colour }, 'aria-hidden': 'true' }),
        c.from === c.to ? number(c.from, measure.decimals) : `${number(c.from, measure.decimals)} to ${number(c.to, measure.decimals)}`));
      replace(body,
        h('p', { class: 'legend-unit' }, `${measure.valueLabel}: ${measure.unit}`, measure.release ? ` (${measure.release})` : '', ' ', sampleBadge(measure.sample)),
        items.length ? h('ul', { class: 'legend-classes', 'aria-label': 'Classes, from the best outcome to the poorest' }, items) : h('p', {}, 'No values to show.'),
        h('p', { class: 'legend-direction' }, 'Darker: poorer outcome. Grey: no value.'),
        h('p', { class: 'legend-note' }, measure.note, ' ', measure.method ? h('a', { href: measure.method }, 'Method') : null));
    },
    error(message) {
      replace(body, h('p', { class: 'note' }, message));
    },
  };
}
