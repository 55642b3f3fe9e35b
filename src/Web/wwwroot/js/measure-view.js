// The measure the wards are coloured by: the legend with its chooser, the wards' colours and the ranking,
// kept to the latest choice (an answer to an earlier choice that arrives late is dropped).
import * as measures from './measures.js';
import * as state from './state.js';
import { domainTitles } from './format.js';
import { createLegend } from './layers/legend.js';

export async function createMeasureView({ district, wardCodes, wardLayer, ranking, overlays }) {
  const indicatorList = await measures.indicators();
  const legend = createLegend({
    options: [
      { label: 'Deprivation (IoD)', options: measures.deprivationMeasures.map(id => ({ id, title: domainTitles[id] })) },
      ...(indicatorList.length ? [{ label: 'Plan indicators', options: indicatorList.map(i => ({ id: `indicator:${i.code}`, title: i.title, sample: i.sample })) }] : []),
    ],
    onChange: id => { show(id); state.update({ by: id }); },
  });
  // The legends of other overlays (the LSOA deciles) while they are shown.
  for (const overlay of overlays.filter(o => o.legend)) {
    overlay.layer.on('add', () => legend.extra.append(overlay.legend));
    overlay.layer.on('remove', () => overlay.legend.remove());
  }

  let latest = 0;
  async function show(id) {
    const mine = ++latest;
    try {
      const measure = await measures.load(id, district, wardCodes);
      if (mine !== latest) return;
      const classes = wardLayer.setMeasure(measure);
      legend.show(measure, classes);
      ranking.show(measure, value => wardLayer.classOf(value));
    } catch (error) {
      if (mine !== latest) return;
      wardLayer.setMeasure(null);
      const message = error.status === 404 ? 'No deprivation data is loaded for this district yet.' : 'The ward figures could not be loaded.';
      legend.error(message);
      ranking.error(message);
    }
  }
  return { legend, show };
}
