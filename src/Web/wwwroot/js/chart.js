// A small inline SVG line chart (no library): an indicator over time for a ward, with the district
// and the target when known. The same numbers are in a table beside it for screen readers and print.
import { h, svg } from './dom.js';
import { number } from './format.js';

/** values: [{ period, value, districtValue, target }] ordered by period. */
export function lineChart({ title, unit, values, decimals = 1 }) {
  const width = 300;
  const height = 120;
  const pad = { left: 40, right: 10, top: 10, bottom: 24 };
  const all = values.flatMap(v => [v.value, v.districtValue, v.target]).filter(v => typeof v === 'number');
  const min = Math.min(...all, 0);
  const max = Math.max(...all, 1);
  const x = i => pad.left + (values.length === 1 ? 0.5 : i / (values.length - 1)) * (width - pad.left - pad.right);
  const y = v => height - pad.bottom - ((v - min) / (max - min || 1)) * (height - pad.top - pad.bottom);
  const line = (key, className) => {
    const points = values.map((v, i) => (typeof v[key] === 'number' ? `${x(i)},${y(v[key])}` : null)).filter(Boolean);
    return points.length ? svg('polyline', { points: points.join(' '), class: className, fill: 'none' }) : null;
  };
  const target = values.map(v => v.target).filter(t => typeof t === 'number').at(-1);
  const latest = values.at(-1);
  const description = `${title}: ${values.map(v => `${v.period} ${number(v.value, decimals)}`).join(', ')}${unit ? ` (${unit})` : ''}`
    + (typeof target === 'number' ? `; target ${number(target, decimals)}` : '');

  return h('figure', { class: 'chart' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': description, class: 'line-chart' },
      svg('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, class: 'axis' }),
      svg('text', { x: pad.left - 4, y: y(max) + 4, 'text-anchor': 'end', class: 'tick', text: number(max, decimals) }),
      svg('text', { x: pad.left - 4, y: y(min), 'text-anchor': 'end', class: 'tick', text: number(min, decimals) }),
      values.map((v, i) => svg('text', { x: x(i), y: height - 6, 'text-anchor': 'middle', class: 'tick', text: v.period })),
      typeof target === 'number' ? svg('line', { x1: pad.left, x2: width - pad.right, y1: y(target), y2: y(target), class: 'target' }) : null,
      line('districtValue', 'district'),
      line('value', 'ward'),
      values.map((v, i) => (typeof v.value === 'number' ? svg('circle', { cx: x(i), cy: y(v.value), r: 3, class: 'ward' }) : null))),
    h('figcaption', {},
      h('span', { class: 'key key-ward', 'aria-hidden': 'true' }), ' ward ',
      h('span', { class: 'key key-district', 'aria-hidden': 'true' }), ' district ',
      typeof target === 'number' ? [h('span', { class: 'key key-target', 'aria-hidden': 'true' }), ' target'] : null,
      latest ? ` · latest ${latest.period}: ${number(latest.value, decimals)}${unit ? ` ${unit}` : ''}` : ''),
    h('details', {}, h('summary', {}, 'Values as a table'),
      h('table', {},
        h('thead', {}, h('tr', {}, ['Period', 'Ward', 'District', 'Target'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, values.map(v => h('tr', {},
          h('th', { scope: 'row' }, v.period),
          [v.value, v.districtValue, v.target].map(n => h('td', { class: 'numeric' }, number(n, decimals)))))))));
}
