// What the ward choropleth and the ranking table show: one measure per ward, from the same request,
// so that the map and the table always carry the same numbers.
//   Deprivation: /api/wards/ranking?by=imd|income|...  Plan indicators measured by ward: /api/indicators.
import { getJson, query } from './api.js';
import { domainTitles } from './format.js';

export const deprivationMeasures = Object.keys(domainTitles);

let indicatorList;

/** The plan's ward indicators ([] when the plan has none, or they cannot be read). */
export async function indicators() {
  indicatorList ??= getJson('/api/indicators')
    .then(body => (body?.indicators ?? []).filter(i => (i.geography ?? 'ward') === 'ward'))
    .catch(() => []);
  return indicatorList;
}

/**
 * Loads a measure for a district: { id, title, unit, valueLabel, worseIsHigher, note, csv, sample,
 * rows: [{ rank, code, name, value, worstDecile, lsoasInMostDeprived20, population, target, districtValue }] }
 * with rows in rank order (1 = poorest outcome).
 */
export async function load(id, district, wardCodes) {
  if (id.startsWith('indicator:')) return loadIndicator(id.slice('indicator:'.length), district, wardCodes);
  return loadDeprivation(deprivationMeasures.includes(id) ? id : 'imd', district);
}

async function loadDeprivation(by, district) {
  const ranking = await getJson(query('/api/wards/ranking', { by, district }));
  const basis = ranking.wards.find(w => w.rankBasis)?.rankBasis ?? null;
  const byDecile = basis === null;
  const rows = ranking.wards.map(w => ({
    rank: w.rank,
    code: w.code,
    name: w.name,
    // IDACI and IDAOPI come with ranks and deciles but no scores: map the worst LSOA decile instead.
    value: byDecile ? w.worstDecile : (basis === 'score' ? w.score : w.transformedScore),
    worstDecile: w.worstDecile,
    lsoasInMostDeprived20: w.lsoasInMostDeprived20,
    population: w.population,
  }));
  return {
    id: by,
    title: domainTitles[by],
    release: ranking.release,
    valueLabel: byDecile ? 'Worst LSOA decile' : (basis === 'score' ? 'Score' : 'Transformed score'),
    unit: byDecile ? 'national decile, 1 = most deprived 10%' : (basis === 'score' ? 'population-weighted score' : 'population-weighted transformed score'),
    worseIsHigher: !byDecile,
    decimals: byDecile ? 0 : 1,
    note: 'Ward figures are derived from LSOAs and are not official statistics.',
    method: ranking.method,
    csv: query('/api/wards/ranking', { by, district, f: 'csv' }),
    sample: false,
    rows,
  };
}

async function loadIndicator(code, district, wardCodes) {
  const list = await indicators();
  const indicator = list.find(i => i.code === code);
  if (!indicator) return loadDeprivation('imd', district);
  const body = await getJson(query(`/api/indicators/${encodeURIComponent(code)}/values`, {}));
  const wardValues = (body.values ?? []).filter(v => (wardCodes ? wardCodes.has(v.area) : /^E05/.test(v.area ?? '')));
  const latestPeriod = wardValues.map(v => v.period).sort().at(-1);
  const latest = wardValues.filter(v => v.period === latestPeriod && v.value !== null && v.value !== undefined);
  const worseIsHigher = indicator.polarity !== 'higher-is-better';
  latest.sort((a, b) => (worseIsHigher ? b.value - a.value : a.value - b.value));
  return {
    id: `indicator:${code}`,
    title: indicator.title,
    release: latestPeriod,
    valueLabel: 'Value',
    unit: indicator.unit ?? '',
    worseIsHigher,
    decimals: 1,
    note: `${indicator.source ?? 'Community plan indicator'}${indicator.licence ? `, ${indicator.licence}` : ''}.`,
    csv: null,
    sample: Boolean(indicator.sample),
    rows: latest.map((v, i) => ({
      rank: i + 1,
      code: v.area,
      name: v.areaName ?? v.area,
      value: v.value,
      target: v.target,
      districtValue: v.districtValue,
    })),
  };
}
