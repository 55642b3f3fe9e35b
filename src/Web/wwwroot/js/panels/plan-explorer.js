// Plan explorer: the community plan's actions, filtered by priority, status, RAG, partner and ward
// (GET /api/actions). A district whose plan is not loaded gets a note, never anything invented.
import { getJson, query } from '../api.js';
import { announce, h, note, replace, sampleBadge } from '../dom.js';
import { ragTitles, statusTitles } from '../format.js';

export async function createPlanExplorer(root, { district, wards, onShowAction }) {
  const heading = h('h2', { id: 'panel-plan-heading' }, 'Plan explorer');
  const first = await getJson(query('/api/actions', { district }));
  if (!first.actions.length) {
    replace(root, heading, note('No action of the community plan is loaded for this district yet. Once the council loads its plan, its actions can be filtered here by priority, status, RAG rating, partner and ward, and shown on the map.'));
    return { available: false };
  }
  const [priorities, partners] = await Promise.all([
    getJson('/api/priorities').catch(() => null),
    getJson('/api/partners').catch(() => null),
  ]);
  const priorityTitles = new Map((priorities?.priorities ?? []).map(p => [p.code, p.title]));

  const filter = (name, title, options) => h('div', { class: 'field' },
    h('label', { for: `plan-${name}` }, title),
    h('select', { id: `plan-${name}`, name },
      h('option', { value: '' }, 'Any'),
      options.map(([value, text]) => h('option', { value }, text))));
  const form = h('form', { class: 'plan-filters', onchange: () => load(), onsubmit: event => { event.preventDefault(); load(); } },
    filter('priority', 'Priority', (priorities?.priorities ?? []).map(p => [p.code, p.title])),
    filter('status', 'Status', Object.entries(statusTitles)),
    filter('rag', 'RAG rating', Object.entries(ragTitles)),
    filter('partner', 'Partner', (partners?.partners ?? []).map(p => [p.id, p.name])),
    filter('ward', 'Ward', wards.map(f => [f.id, f.properties.name])));
  const summary = h('p', { 'aria-live': 'polite' });
  const csv = h('a', { download: '' }, 'Download these actions as CSV');
  const table = h('table', { class: 'actions-table stacked' });
  replace(root, heading, form, h('p', {}, summary, ' ', csv),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Actions table' }, table));

  // Each change of a filter starts a request; only the latest one's answer is shown, whatever order they arrive in.
  let latest = 0;
  async function load() {
    const request = ++latest;
    const filters = Object.fromEntries(new FormData(form));
    const url = query('/api/actions', { ...filters, district });
    csv.href = query('/api/actions', { ...filters, district, f: 'csv' });
    let body;
    try {
      body = await getJson(url);
    } catch {
      if (request === latest) replace(summary, 'The actions could not be loaded.');
      return;
    }
    if (request !== latest) return;
    show(body.actions ?? []);
  }

  function show(actions) {
    const text = `${actions.length} action${actions.length === 1 ? '' : 's'}${actions.some(a => a.sample) ? ' (sample content)' : ''}.`;
    replace(summary, text);
    announce(text);
    replace(table,
      h('caption', {}, 'Actions of the community plan'),
      h('thead', {}, h('tr', {}, ['Action', 'Priority', 'Lead partner', 'Status', 'RAG', 'Due', 'Wards'].map(t => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'On the map')))),
      h('tbody', {}, actions.map(a => h('tr', {},
        h('th', { scope: 'row' }, h('span', { class: 'action-title' }, a.title), ' ', sampleBadge(a.sample),
          a.description ? h('span', { class: 'action-description' }, a.description) : null),
        h('td', { 'data-label': 'Priority' }, priorityTitles.get(a.priority) ?? a.priority),
        h('td', { 'data-label': 'Lead partner' }, a.leadPartner?.name ?? ''),
        h('td', { 'data-label': 'Status' }, statusTitles[a.status] ?? a.status),
        h('td', { 'data-label': 'RAG' }, a.rag ? ragTitles[a.rag] : 'Not yet rated'),
        h('td', { 'data-label': 'Due' }, a.due ?? ''),
        h('td', { 'data-label': 'Wards' }, a.districtWide ? 'District-wide' : (a.wards ?? []).map(w => w.name).join(', ')),
        h('td', {}, a.location ? h('button', { type: 'button', onclick: () => onShowAction(a) }, 'Show on the map') : '')))));
  }

  show(first.actions ?? []);
  csv.href = query('/api/actions', { district, f: 'csv' });
  return { available: true };
}
