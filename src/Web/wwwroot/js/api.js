// Reads the DistrictMap API on the page's own origin.

export class ApiError extends Error {
  constructor(url, status, detail) {
    super(`${url} answered ${status}${detail ? `: ${detail}` : ''}`);
    this.status = status;
    this.detail = detail;
  }
}

/** Responses kept, least recently used first out: a long session of panning keeps only the latest pages. */
const cacheSize = 200;
const cache = new Map();

function remembered(url) {
  const hit = cache.get(url);
  if (hit) { cache.delete(url); cache.set(url, hit); }
  return hit;
}

/** GETs JSON (or GeoJSON); throws ApiError on any error status. The last `cacheSize` responses are kept. */
export function getJson(url, { accept = 'application/json', cached = true } = {}) {
  const hit = cached && remembered(url);
  if (hit) return hit;
  const request = fetch(url, { headers: { Accept: accept } }).then(async response => {
    if (!response.ok) {
      let detail = '';
      try { detail = (await response.json()).detail ?? ''; } catch { /* not problem details */ }
      throw new ApiError(url, response.status, detail);
    }
    return response.json();
  });
  if (cached) {
    cache.set(url, request);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value);
    request.catch(() => cache.delete(url));
  }
  return request;
}

export function query(path, parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Every feature of an OGC API - Features collection, following next links (at most `maxPages` pages of 1,000). */
export async function allItems(collection, parameters = {}, maxPages = 5) {
  const features = [];
  let url = query(`/ogc/collections/${encodeURIComponent(collection)}/items`, { limit: 1000, ...parameters });
  for (let page = 0; url && page < maxPages; page++) {
    const body = await getJson(url, { accept: 'application/geo+json' });
    features.push(...body.features);
    const next = (body.links ?? []).find(link => link.rel === 'next');
    url = next ? new URL(next.href, location.href).pathname + new URL(next.href, location.href).search : null;
  }
  return { type: 'FeatureCollection', features };
}
