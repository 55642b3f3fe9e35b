// Number, distance and label formatting, in British English.

const numberFormats = new Map();

export function number(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!numberFormats.has(digits)) {
    numberFormats.set(digits, new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
  }
  return numberFormats.get(digits).format(value);
}

export function integer(value) {
  return number(value, 0);
}

export function percent(share, digits = 0) {
  if (share === null || share === undefined) return '–';
  return `${number(share * 100, digits)}%`;
}

/** Metres under one kilometre, else kilometres with one decimal. */
export function distance(metres) {
  if (metres === null || metres === undefined) return '–';
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m`;
  return `${number(metres / 1000, 1)} km`;
}

export function ordinal(n) {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

export function area(m2) {
  if (m2 === null || m2 === undefined) return '–';
  return m2 >= 1e6 ? `${number(m2 / 1e6, 2)} km²` : `${number(m2 / 1e4, 1)} ha`;
}

export const domainTitles = {
  imd: 'Index of Multiple Deprivation',
  income: 'Income',
  employment: 'Employment',
  education: 'Education, skills and training',
  health: 'Health deprivation and disability',
  crime: 'Crime',
  barriers: 'Barriers to housing and services',
  'living-environment': 'Living environment',
  idaci: 'Income deprivation affecting children (IDACI)',
  idaopi: 'Income deprivation affecting older people (IDAOPI)',
};

export const statusTitles = { planned: 'Planned', 'in-progress': 'In progress', complete: 'Complete', paused: 'Paused' };
export const ragTitles = { green: 'Green: on track', amber: 'Amber: at risk', red: 'Red: off track' };

export const kindTitles = {
  routes: 'Route',
  'green-spaces': 'Green space',
  'town-centre-projects': 'Town-centre project',
  'recycling-sites': 'Recycling site',
  activities: 'Activity',
  actions: 'Plan action',
};
