// Where the map's controls go at each size, and a view of the district that no control covers. The
// legend stands on the map when the map is large enough, else below it; the layer list stays open
// unless it would cover the district (or the map is small), when it collapses to its button. The
// district is fitted into the part of the map that the controls leave free, and fitted again when
// the window is resized, the phone turned or a control grows, as long as the view is still that fit.
import { L } from './leaflet.js';

/** A map smaller than this (CSS px) keeps the legend below it and the layer list collapsed. */
const roomy = { width: 600, height: 420 };
const margin = 10;

/**
 * `legend`: { control, element } from layers/legend.js; `slot`: where the legend goes below the map;
 * `layers`: the Leaflet layers control; `bounds`: the district's LatLngBounds.
 */
export function createLayout({ map, legend, slot, layers, bounds }) {
  const element = map.getContainer();
  let fitted = null;
  let userOpened = false;

  const small = () => element.clientWidth < roomy.width || element.clientHeight < roomy.height;
  const placeLegend = () => {
    const below = small();
    if (below && !slot.contains(legend.element)) { legend.control.remove(); slot.append(legend.element); }
    if (!below && !element.contains(legend.element)) legend.control.addTo(map);
    map.invalidateSize({ pan: false });
  };

  const layerList = layers.getContainer();
  const isOpen = () => layerList.classList.contains('leaflet-control-layers-expanded');
  layerList.addEventListener('click', () => { if (isOpen()) userOpened = true; });
  // On a small map an open list closes with a tap on the map, as a menu does.
  map.on('click', () => { if (small() && isOpen()) { layers.collapse(); userOpened = false; } });

  /** The best fit of the district with the layer list as it is now: { zoom, paddingTopLeft, paddingBottomRight }. */
  const bestFit = () => {
    const box = element.getBoundingClientRect();
    const rects = [...element.querySelectorAll('.leaflet-control'), ...element.parentElement.querySelectorAll(':scope > .map-status')]
      .map(e => e.getBoundingClientRect())
      .filter(r => r.width > 0 && r.height > 0)
      .map(r => ({
        // What cutting a strip off each side of the map to clear this control would cost.
        left: r.right - box.left, right: box.right - r.left, top: r.bottom - box.top, bottom: box.bottom - r.top,
      }))
      .map(c => Object.entries(c).sort((a, b) => a[1] - b[1]).slice(0, 2));
    let best = null;
    for (let choice = 0; choice < 2 ** rects.length; choice++) {
      const pad = { left: margin, right: margin, top: margin, bottom: margin };
      rects.forEach((sides, i) => {
        const [side, cost] = sides[(choice >> i) & 1];
        pad[side] = Math.max(pad[side], cost + margin);
      });
      if (box.width - pad.left - pad.right < 40 || box.height - pad.top - pad.bottom < 40) continue;
      const zoom = map.getBoundsZoom(bounds, false, L.point(pad.left + pad.right, pad.top + pad.bottom));
      const area = (box.width - pad.left - pad.right) * (box.height - pad.top - pad.bottom);
      if (!best || zoom > best.zoom || (zoom === best.zoom && area > best.area)) best = { zoom, area, pad };
    }
    return best;
  };

  // The sizes of the map and its controls when last fitted: a change to them is what calls for a new fit.
  const signature = () => [element, ...element.querySelectorAll('.leaflet-control'), ...element.parentElement.querySelectorAll(':scope > .map-status')]
    .map(e => `${e.offsetWidth}x${e.offsetHeight}`).join(' ');
  let fittedSignature = '';

  const fit = () => {
    placeLegend();
    watchControls();
    if (!userOpened) layers.expand();
    let best = bestFit();
    if (!userOpened) {
      // Collapsed, the list leaves more of the map free: keep it open only if the district fits as well open.
      layers.collapse();
      const collapsed = bestFit();
      if (!small() && best && (!collapsed || best.zoom >= collapsed.zoom)) layers.expand();
      else best = collapsed;
    }
    if (!best) return map.fitBounds(bounds);
    map.fitBounds(bounds, {
      paddingTopLeft: [best.pad.left, best.pad.top], paddingBottomRight: [best.pad.right, best.pad.bottom], animate: false,
    });
    fitted = { zoom: map.getZoom(), center: map.getCenter() };
    fittedSignature = signature();
  };

  const stillFitted = () => fitted && map.getZoom() === fitted.zoom
    && map.latLngToContainerPoint(fitted.center).distanceTo(map.getSize().divideBy(2)) < 2;

  // Resized, turned, or a control grew (the legend's classes, the offline note): fit again if the view is untouched.
  let pending = 0;
  const adapt = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (signature() === fittedSignature) return;
      if (stillFitted()) fit();
      else { placeLegend(); if (small() && !userOpened) layers.collapse(); }
    });
  };
  const observer = new ResizeObserver(adapt);
  observer.observe(element);
  function watchControls() { element.querySelectorAll('.leaflet-control').forEach(c => observer.observe(c)); }
  new MutationObserver(() => { watchControls(); adapt(); }).observe(element.parentElement, { childList: true });

  return {
    /** Fits the district into the free part of the map. */
    fit,
    /** Fits again if the view is still the last fit and the map or a control has changed size since. */
    refit() { if (stillFitted() && signature() !== fittedSignature) fit(); },
    /** Places the legend and the layer list for the map's size, keeping the view (a view from the URL). */
    arrange() { placeLegend(); if (small()) layers.collapse(); },
  };
}
