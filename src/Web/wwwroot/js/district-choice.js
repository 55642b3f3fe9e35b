// Which district the map shows, and the chooser in the header when several are loaded.
import { h } from './dom.js';
import * as state from './state.js';

/**
 * The district to show: the one the URL names, else the configured one (`run --district`), else the
 * only one loaded; null when several are loaded and none is chosen.
 */
export function chooseDistrict(withWards, fromUrl, configured) {
  return withWards.find(f => f.id === fromUrl) ?? withWards.find(f => f.id === configured)
    ?? (withWards.length === 1 ? withWards[0] : null);
}

/** Names the district in the header and the title; with several loaded, offers the others. */
export function showDistrict(district, all) {
  if (district) {
    document.getElementById('district-name').textContent = district.properties.name;
    document.title = `${district.properties.name}: DistrictMap`;
  }
  if (all.length < 2) return;
  const select = h('select', { id: 'district-select', onchange: () => { state.update({ district: select.value, ward: null, map: null, near: null }); location.reload(); } },
    [...(district ? [] : [h('option', { value: '' }, 'Choose a district')]),
      ...all.map(f => h('option', { value: f.id, selected: f.id === district?.id }, f.properties.name))]);
  document.getElementById('district-choice').replaceChildren(h('label', { for: 'district-select' }, 'District '), select);
}
