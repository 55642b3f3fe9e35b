// Leaflet (and leaflet.markercluster) are loaded as classic scripts from /lib, restored by LibMan.
export const L = window.L;
if (!L) throw new Error('Leaflet did not load: /lib/leaflet/leaflet.js is missing (run dotnet build in src/Web).');
