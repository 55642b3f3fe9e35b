// The non-map route to what the map shows: every ward with the same measure and classes as the
// choropleth, sortable, with a CSV download; and the focus wards with their reasons.
import { h, note, replace, sampleBadge } from '../dom.js';
import { integer, number } from '../format.js';

export function createRanking(root, { onOpenWard }) {
  const focusBox = h('div', { class: 'focus-wards' });
  const intro = h('p', {});
  const table = h('table', { class: 'ranking' });
  const wrapper = h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Ward ranking table' }, table);
  replace(root,
    h('h2', { id: 'panel-wards-heading' }, 'Wards: ranking and focus wards'),
    h('section', { 'aria-labelledby': 'focus-heading' }, h('h3', { id: 'focus-heading' }, 'Focus wards'), focusBox),
    h('section', { 'aria-labelledby': 'ranking-heading' }, h('h3', { id: 'ranking-heading' }, 'Every ward'), intro, wrapper));

  let rows = [];
  let columns = [];
  let sort = { key: 'rank', descending: false };
  let focusCodes = new Map();

  const render = () => {
    const sorted = [...rows].sort((a, b) => compare(a[sort.key], b[sort.key], sort.descending));
    const head = h('tr', {}, columns.map(col => {
      const sorted = sort.key === col.key;
      return h('th', { scope: 'col', 'aria-sort': sorted ? (sort.descending ? 'descending' : 'ascending') : null, class: col.numeric ? 'numeric' : null },
        h('button', { type: 'button', class: 'sort', 'data-key': col.key, onclick: () => sortBy(col.key) },
          col.title, h('span', { class: 'sort-indicator', 'aria-hidden': 'true' }, sorted ? (sort.descending ? ' ▼' : ' ▲') : '')));
    }));
    const body = sorted.map(row => h('tr', { 'data-code': row.code },
      columns.map(col => (col.key === 'name'
        ? h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link-button', onclick: () => onOpenWard(row.code) }, row.name))
        : h('td', { class: col.numeric ? 'numeric' : null }, col.cell(row))))));
    replace(table, h('caption', {}, table.dataset.caption ?? ''), h('thead', {}, head), h('tbody', {}, body));
  };

  const sortBy = key => {
    sort = { key, descending: sort.key === key ? !sort.descending : false };
    render();
    table.querySelector(`button.sort[data-key="${key}"]`)?.focus();
  };

  return {
    /** Shows the measure the map shows, with its legend classes (`classOf`). */
    show(measure, classOf) {
      const decimals = measure.decimals;
      rows = measure.rows.map(r => ({ ...r, focus: focusCodes.has(r.code) ? 'Yes' : '' }));
      columns = [
        { key: 'rank', title: 'Rank', numeric: true, cell: r => (r.rank ?? '–') },
        { key: 'name', title: 'Ward' },
        {
          key: 'value', title: measure.valueLabel, numeric: true, cell: r => {
            const cls = classOf(r.value);
            return [cls ? h('span', { class: 'swatch', style: { background: cls.colour }, 'aria-hidden': 'true' }) : null, number(r.value, decimals)];
          },
        },
      ];
      if (measure.id.startsWith('indicator:')) {
        columns.push({ key: 'target', title: 'Target', numeric: true, cell: r => number(r.target, decimals) });
        columns.push({ key: 'districtValue', title: 'District', numeric: true, cell: r => number(r.districtValue, decimals) });
      } else {
        if (measure.valueLabel !== 'Worst LSOA decile') columns.push({ key: 'worstDecile', title: 'Worst LSOA decile', numeric: true, cell: r => r.worstDecile ?? '–' });
        columns.push({ key: 'lsoasInMostDeprived20', title: 'LSOAs in most deprived 20%', numeric: true, cell: r => r.lsoasInMostDeprived20 ?? '–' });
        columns.push({ key: 'population', title: 'Population', numeric: true, cell: r => integer(r.population) });
      }
      if (focusCodes.size) columns.push({ key: 'focus', title: 'Focus ward', cell: r => r.focus });
      table.dataset.caption = `Wards ranked by ${measure.title}${measure.release ? ` (${measure.release})` : ''}: 1 = poorest outcome`;
      sort = { key: 'rank', descending: false };
      replace(intro,
        `Ranked by ${measure.title}, the measure the map shows (${measure.unit}). `, sampleBadge(measure.sample), measure.sample ? ' ' : '',
        measure.note, ' ',
        measure.csv ? h('a', { href: measure.csv, download: '' }, 'Download the ranking as CSV') : null);
      render();
    },
    showFocus(focus) {
      focusCodes = new Map((focus?.wards ?? []).map(w => [w.code, w]));
      if (!focus) {
        replace(focusBox, note('Focus wards follow from the district’s deprivation figures, which could not be read.'));
        return;
      }
      replace(focusBox,
        h('p', {}, 'The wards where the plan focuses, and why:'),
        focus.wards.length === 0 ? note('No ward meets the rule.') : h('ul', { class: 'focus-list' }, focus.wards.map(w => h('li', {},
          h('button', { type: 'button', class: 'link-button', onclick: () => onOpenWard(w.code) }, w.name),
          w.districtRank ? ` (rank ${w.districtRank} in the district)` : '',
          h('ul', {}, (w.reasons ?? []).map(r => h('li', {}, r)))))));
    },
    error(message) {
      replace(intro, note(message));
      replace(table);
    },
  };
}

/** Orders two cells; missing values go last whichever the direction. */
function compare(a, b, descending) {
  const missingA = a === null || a === undefined || a === '';
  const missingB = b === null || b === undefined || b === '';
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en-GB');
  return descending ? -order : order;
}
