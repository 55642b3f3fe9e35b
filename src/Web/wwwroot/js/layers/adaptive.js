// A layer of one OGC collection that follows the view: while the view holds few of the collection's
// features they are drawn from GeoJSON; once it holds many (a county, a region, the country) they are
// drawn from the API's vector tiles, which PostGIS clips and simplifies for the zoom. The same style
// applies in both modes, from the properties both carry (see the collection's TileJSON). The layer is
// a picture only: clicks and taps go through it to the wards and the map below.
import { L } from '../leaflet.js';
import { getJson, query } from '../api.js';

/** Features in view above which a layer switches to vector tiles. */
const defaultThreshold = 400;

/**
 * `collection`: the OGC collection id; `style(properties)`: a Leaflet path style; `pane`: the map pane to
 * draw in; `threshold`: features in view above which tiles are used. The layer fires `modechange` with
 * `{ mode: 'features' | 'tiles', matched }` whenever it redraws, and `loaderror` when a request fails.
 */
export function adaptiveLayer({ collection, style, pane = 'overlayPane', threshold = defaultThreshold, attribution }) {
  const group = L.layerGroup([], { attribution });
  const items = `/ogc/collections/${encodeURIComponent(collection)}/items`;
  let map = null;
  let tiles = null;
  let request = 0;

  const features = L.geoJSON(null, { pane, interactive: false, style: feature => style(feature.properties) });

  const tileLayer = () => {
    tiles ??= L.vectorGrid.protobuf(`/tiles/${encodeURIComponent(collection)}/{z}/{x}/{y}.mvt`, {
      // SVG, so that each feature is an element as in the GeoJSON mode.
      rendererFactory: L.svg.tile,
      interactive: false,
      pane,
      maxNativeZoom: 16,
      vectorTileLayerStyles: { [collection]: properties => ({ fill: true, ...style(properties) }) },
    });
    return tiles;
  };

  const show = (layer, mode, matched) => {
    for (const other of [features, tiles]) {
      if (other && other !== layer && group.hasLayer(other)) group.removeLayer(other);
    }
    if (!group.hasLayer(layer)) group.addLayer(layer);
    group.fire('modechange', { mode, matched });
  };

  async function refresh() {
    if (!map) return;
    const mine = ++request;
    const b = map.getBounds();
    const bbox = [
      Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth()),
    ].map(v => v.toFixed(5)).join(',');
    try {
      // One request per move: a page of up to `threshold` features, whose numberMatched says whether they are all.
      const body = await getJson(query(items, { bbox, limit: threshold, simplify: simplifyFor(map) }), { accept: 'application/geo+json' });
      if (mine !== request) return;
      const matched = body.numberMatched ?? body.features.length;
      if (matched > threshold) {
        show(tileLayer(), 'tiles', matched);
        return;
      }
      features.clearLayers();
      features.addData(body.features);
      show(features, 'features', matched);
    } catch (error) {
      if (mine === request) group.fire('loaderror', { error });
    }
  }

  group.onAdd = added => {
    L.LayerGroup.prototype.onAdd.call(group, added);
    map = added;
    map.on('moveend', refresh);
    refresh();
  };
  group.onRemove = removed => {
    removed.off('moveend', refresh);
    L.LayerGroup.prototype.onRemove.call(group, removed);
    map = null;
    request++;
  };
  return group;
}

/** About a pixel at the map's zoom and latitude, in metres, in the API's range of simplification tolerances. */
function simplifyFor(map) {
  const metresPerPixel = (40075016.686 * Math.cos((map.getCenter().lat * Math.PI) / 180)) / 2 ** (map.getZoom() + 8);
  return Math.max(1, Math.min(100, Math.round(metresPerPixel)));
}
