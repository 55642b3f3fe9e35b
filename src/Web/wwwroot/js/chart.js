// An indicator over time for a ward, beside the district and the target when known: a Chart.js line
// chart drawn from the table of the same values, which screen readers, copying and print use.
import { drawChart, loadChartJs } from './charts.js';
import { h } from './dom.js';
import { number } from './format.js';

const cell = (value, decimals) => h('td', { class: 'numeric', 'data-value': typeof value === 'number' ? String(value) : '' }, number(value, decimals));

/** values: [{ period, value, districtValue, target }] ordered by period. */
export function lineChart({ title, unit, values, decimals = 1 }) {
  const target = values.map(v => v.target).filter(t => typeof t === 'number').at(-1);
  const latest = values.at(-1);
  const description = `${title}: ${values.map(v => `${v.period} ${number(v.value, decimals)}`).join(', ')}${unit ? ` (${unit})` : ''}`
    + (typeof target === 'number' ? `; target ${number(target, decimals)}` : '');
  const columns = [['Ward', 'ward', 'value'], ['District', 'district', 'districtValue'], ['Target', 'target', 'target']]
    .filter(([, , key]) => values.some(v => typeof v[key] === 'number'));

  const figure = h('figure', { class: 'chart', 'data-chart': 'line' },
    h('div', { class: 'chart-canvas' }, h('canvas', { class: 'line-chart', role: 'img', 'aria-label': description })),
    h('figcaption', {}, latest ? `Latest ${latest.period}: ${number(latest.value, decimals)}${unit ? ` ${unit}` : ''}` : ''),
    h('details', {}, h('summary', {}, 'Values as a table'),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Period'), columns.map(([name, key]) => h('th', { scope: 'col', 'data-key': key }, name)))),
        h('tbody', {}, values.map(v => h('tr', {},
          h('th', { scope: 'row' }, v.period),
          columns.map(([, , key]) => cell(v[key], decimals))))))));
  // Drawn once Chart.js is there; the figure is in the page by then, so the chart takes its size.
  loadChartJs().then(() => drawChart(figure)).catch(() => {});
  return figure;
}
