// The layer control: every overlay in the map's order, its heading, its notes when a layer is empty or
// sample, and its keyboard use when the layout has collapsed it to a button.
import { L } from '../leaflet.js';
import { announce, h } from '../dom.js';
import { emptyNote } from './overlay.js';

export function createLayerControl(map, overlays) {
  const overlayOf = layer => overlays.find(o => o.layer === layer);
  // Open, unless it would cover the district or the map is small (layout.js collapses it then).
  const control = L.control.layers(null, null, {
    collapsed: false,
    sortLayers: true,
    sortFunction: (a, b) => overlayOf(a).order - overlayOf(b).order,
  });
  for (const overlay of overlays) {
    control.addOverlay(overlay.layer, overlay.name);
    overlay.loaded = features => {
      if (!features.length && overlay.title) emptyNote(overlay).then(text => announce(`${overlay.title}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`));
      if (features.some(f => f.properties?.sample) && overlay.sampleLabel) {
        control.removeLayer(overlay.layer);
        control.addOverlay(overlay.layer, overlay.sampleLabel(true));
      }
    };
    overlay.layer.on('loaderror', () => announce(`The layer could not be loaded.`));
  }
  control.addTo(map);
  control.getContainer().querySelector('.leaflet-control-layers-list').prepend(h('p', { class: 'layers-heading' }, 'Layers'));
  collapsibleFromKeyboard(control);
  return control;
}

/**
 * On a narrow screen the layer control is a button: Enter opens it and moves into its list; Escape closes
 * it and gives the focus back to the button.
 */
function collapsibleFromKeyboard(control) {
  const container = control.getContainer();
  const toggle = container.querySelector('.leaflet-control-layers-toggle');
  toggle.setAttribute('aria-label', 'Layers');
  toggle.addEventListener('keydown', event => {
    if (event.key === 'Enter') setTimeout(() => container.querySelector('.leaflet-control-layers-list input')?.focus());
  });
  container.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || !container.classList.contains('leaflet-control-layers-expanded')) return;
    event.preventDefault();
    event.stopPropagation();
    control.collapse();
    toggle.focus();
  });
}
