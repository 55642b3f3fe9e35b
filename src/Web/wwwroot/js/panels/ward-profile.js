// A ward's profile: deprivation summary and domain bars, whether it is a focus ward and why, its
// indicators over time, the actions reaching it, and its green-space access and local places. Printable.
import { getJson, query } from '../api.js';
import { lineChart } from '../chart.js';
import { announce, h, note, replace, sampleBadge } from '../dom.js';
import { area, distance, domainTitles, integer, number, ordinal, percent, ragTitles, statusTitles } from '../format.js';

export function createWardProfile(root, { onOpenWard, onShowOnMap, backTo = () => null, onBack = () => {} }) {
  let current = null;

  const empty = () => replace(root,
    h('h2', { id: 'panel-ward-heading' }, 'Ward profile'),
    h('p', {}, 'Choose a ward on the map, in the ranking table, or with Near me to see its profile.'));
  empty();

  async function open(code) {
    current = code;
    replace(root, h('h2', { id: 'panel-ward-heading' }, 'Ward profile'), h('p', { role: 'status' }, 'Loading the ward…'));
    let ward;
    try {
      ward = await getJson(`/api/wards/${encodeURIComponent(code)}`);
    } catch (error) {
      if (current !== code) return;
      replace(root, h('h2', { id: 'panel-ward-heading' }, 'Ward profile'), note(error.status === 404 ? `There is no ward ${code}.` : 'The ward could not be loaded. Try again later.'));
      return;
    }
    if (current !== code) return;
    render(ward);
    announce(`Profile of ${ward.name} ward.`);
  }

  function render(ward) {
    const s = ward.summary;
    replace(root,
      h('h2', { id: 'panel-ward-heading' }, ward.name, h('span', { class: 'visually-hidden' }, ' ward profile')),
      h('p', { class: 'subtitle' }, `Ward ${ward.code} in ${ward.district.name} (${number(ward.areaKm2, 1)} km²)`),
      h('div', { class: 'actions-row no-print' },
        backTo() ? h('button', { type: 'button', class: 'back', onclick: onBack }, `Back to ${backTo()}`) : null,
        h('button', { type: 'button', onclick: () => onShowOnMap(ward.code) }, 'Show on the map'),
        h('button', { type: 'button', onclick: () => window.print() }, 'Print this profile')),
      focusSection(ward.focus),
      h('section', { 'aria-labelledby': 'profile-deprivation' },
        h('h3', { id: 'profile-deprivation' }, `Deprivation${ward.release ? ` (${ward.release})` : ''}`),
        ward.release ? h('dl', { class: 'summary' },
          item('IMD score (population-weighted)', number(s.imdScore, 1)),
          item('Rank in the district', s.imdRankInDistrict ? `${ordinal(s.imdRankInDistrict)} most deprived of ${s.districtWardCount}` : '–'),
          item('Most deprived LSOA', s.imdWorstDecile ? `national decile ${s.imdWorstDecile} (1 = most deprived 10%)` : '–'),
          item('LSOAs in the most deprived 10% / 20% / 30%', `${s.lsoasInMostDeprived10 ?? 0} / ${s.lsoasInMostDeprived20 ?? 0} / ${s.lsoasInMostDeprived30 ?? 0}`),
          item('Residents in the most deprived 30% of LSOAs', percent(s.populationShareInMostDeprived30)),
          item('Population (IoD denominator)', integer(s.population))) : note('No deprivation data is loaded for this ward.'),
        h('p', { class: 'small' }, 'Ward figures are derived from LSOAs and are not official statistics: ', h('a', { href: ward.method }, 'how they are derived'), '.')),
      domainsSection(ward.domains),
      indicatorsSection(ward),
      actionsSection(ward.actions),
      placesSection(ward.places),
      lsoasSection(ward.lsoas),
      ward.neighbours?.length ? h('section', { 'aria-labelledby': 'profile-neighbours', class: 'no-print' },
        h('h3', { id: 'profile-neighbours' }, 'Neighbouring wards'),
        h('ul', { class: 'inline-list' }, ward.neighbours.map(n => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => onOpenWard(n.code) }, n.name))))) : null);
  }

  // Printed profiles show the values behind each chart.
  window.addEventListener('beforeprint', () => root.querySelectorAll('details').forEach(d => { d.open = true; }));

  return { open, clear: () => { current = null; empty(); }, current: () => current };
}

const item = (term, value) => [h('dt', {}, term), h('dd', {}, value)];

function focusSection(focus) {
  if (!focus) return null;
  return h('section', { class: focus.isFocus ? 'callout' : null, 'aria-label': 'Focus ward' },
    h('p', {}, h('strong', {}, focus.isFocus ? 'A focus ward of the community plan.' : 'Not a focus ward of the community plan.')),
    focus.isFocus && focus.reasons?.length ? h('ul', {}, focus.reasons.map(r => h('li', {}, r))) : null);
}

function domainsSection(domains) {
  if (!domains?.length) return null;
  return h('section', { 'aria-labelledby': 'profile-domains' },
    h('h3', { id: 'profile-domains' }, 'Domains: rank among the district’s wards'),
    h('p', { class: 'small' }, 'A longer bar means more deprived relative to the other wards of the district.'),
    h('ul', { class: 'domain-bars' }, domains.map(d => {
      const share = d.districtRank ? (d.districtWardCount - d.districtRank + 1) / d.districtWardCount : null;
      const value = d.score ?? d.transformedScore;
      const text = d.districtRank
        ? `${ordinal(d.districtRank)} most deprived of ${d.districtWardCount}${value !== null && value !== undefined ? ` (${d.score !== null ? 'score' : 'transformed score'} ${number(value, 1)})` : ''}`
        : `no ward score; most deprived LSOA in national decile ${d.worstDecile ?? '–'}`;
      return h('li', {},
        h('span', { class: 'domain-name' }, domainTitles[d.domain] ?? d.domain),
        h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: { width: `${share === null ? 0 : Math.round(share * 100)}%` } })),
        h('span', { class: 'domain-value' }, text));
    })));
}

function indicatorsSection(ward) {
  const box = h('div', {});
  const section = h('section', { 'aria-labelledby': 'profile-indicators' }, h('h3', { id: 'profile-indicators' }, 'Indicators over time'), box);
  if (!ward.indicators?.length) {
    replace(box, note('No indicator of the plan is measured for this ward yet.'));
    return section;
  }
  for (const indicator of ward.indicators) {
    const slot = h('div', { class: 'indicator' }, h('h4', {}, indicator.title, ' ', sampleBadge(indicator.sample)),
      h('p', { class: 'small' }, `Latest (${indicator.period}): ${number(indicator.value, 1)} ${indicator.unit ?? ''}; district ${number(indicator.districtValue, 1)}; target ${number(indicator.target, 1)}`));
    box.append(slot);
    getJson(query(`/api/indicators/${encodeURIComponent(indicator.code)}/values`, { area: ward.code }))
      .then(body => {
        const values = (body?.values ?? []).filter(v => v.area === ward.code).sort((a, b) => String(a.period).localeCompare(String(b.period)));
        if (values.length > 1) slot.append(lineChart({ title: indicator.title, unit: indicator.unit, values }));
      })
      .catch(() => { /* the latest value is already shown */ });
  }
  return section;
}

function actionsSection(actions) {
  return h('section', { 'aria-labelledby': 'profile-actions' },
    h('h3', { id: 'profile-actions' }, 'Plan actions reaching this ward'),
    !actions?.length ? note('No action of the plan reaches this ward yet.') : h('ul', { class: 'action-list' }, actions.map(a => h('li', {},
      h('strong', { class: 'action-title' }, a.title), ' ', sampleBadge(a.sample),
      a.description ? h('span', { class: 'action-description' }, a.description) : h('br', {}),
      [a.priority, statusTitles[a.status] ?? a.status, a.rag ? ragTitles[a.rag] : 'not yet rated', a.leadPartner?.name, a.districtWide ? 'district-wide' : null].filter(Boolean).join(' · ')))));
}

function placesSection(places) {
  const r = places?.routeLengthM ?? {};
  // A measure is null while its layer holds nothing at all: nothing loaded is not the same as none there.
  const loaded = [places?.greenSpaceAreaM2, r.walking, r.cycling, r.shared, places?.projects, places?.activities, places?.recyclingSites]
    .some(v => v !== null && v !== undefined);
  return h('section', { 'aria-labelledby': 'profile-places' },
    h('h3', { id: 'profile-places' }, 'Green space and local places'),
    !loaded ? note('No routes, green spaces, projects, activities or recycling sites are loaded for this district yet.') : h('dl', { class: 'summary' },
      item('Green space', area(places.greenSpaceAreaM2)),
      item('Green space per 1,000 residents', area(places.greenSpaceM2Per1000)),
      item('Residents within 400 m of a green space', percent(places.populationShareWithin400m)),
      item('Residents within 1 km of a green space', percent(places.populationShareWithin1km)),
      item('Walking / cycling / shared routes', `${distance(r.walking)} / ${distance(r.cycling)} / ${distance(r.shared)}`),
      item('Town-centre projects, activities, recycling sites', [places.projects, places.activities, places.recyclingSites].map(n => n ?? '–').join(', '))));
}

function lsoasSection(lsoas) {
  if (!lsoas?.length) return null;
  return h('section', { 'aria-labelledby': 'profile-lsoas' },
    h('h3', { id: 'profile-lsoas' }, 'LSOAs counted in this ward'),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'LSOAs of the ward' },
      h('table', {},
        h('thead', {}, h('tr', {}, ['LSOA', 'IMD score', 'National decile', 'Population'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, lsoas.map(l => h('tr', {},
          h('th', { scope: 'row' }, `${l.name ?? l.code} (${l.code})`),
          h('td', { class: 'numeric' }, number(l.imdScore, 1)),
          h('td', { class: 'numeric' }, l.imdDecile ?? '–'),
          h('td', { class: 'numeric' }, integer(l.population))))))));
}
