import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { NTM_STATUS_COLORS, UNKNOWN_COLOR } from '../../../server/catalog/palette.ts';

/**
 * The baseline of the map benchmarks (scripts/bench/map.ts): the least a MapLibre page can do to
 * show the communes coloured by NTM status — fetch the same GeoJSON from our API, draw one fill
 * layer — and recolour them with setFeatureState. `?asOf=` the date, `?w=&h=` the map's size in
 * CSS pixels and `?bounds=w,s,e,n` the area, both copied from the app's map so both draw the same.
 */
setWorkerUrl(workerUrl);
const q = new URLSearchParams(location.search);
const container = document.getElementById('map')!;
Object.assign(container.style, { width: `${q.get('w') ?? 1200}px`, height: `${q.get('h') ?? 800}px` });
const data = fetch(`/api/communes?asOf=${q.get('asOf') ?? '2025-06-30'}`).then((r) => r.json());

const status: ExpressionSpecification = ['coalesce', ['feature-state', 'ntmStatus'], ['get', 'ntmStatus']];
const map = new MapLibreMap({
  container,
  bounds: (q.get('bounds') ?? '102.1,20.8,103.7,22.7').split(',').map(Number) as [number, number, number, number],
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#ffffff' } }] },
  attributionControl: false,
});
map.once('load', async () => {
  map.addSource('communes', { type: 'geojson', data: await data, promoteId: 'code' });
  map.addLayer({
    id: 'communes',
    type: 'fill',
    source: 'communes',
    paint: { 'fill-color': ['match', status, ...Object.entries(NTM_STATUS_COLORS).flat(), UNKNOWN_COLOR] as ExpressionSpecification },
  });
});

/** Applies statuses by commune code as feature state: the cheapest recolour MapLibre offers. */
function recolour(statuses: Record<string, string>) {
  for (const [code, ntmStatus] of Object.entries(statuses)) map.setFeatureState({ source: 'communes', id: code }, { ntmStatus });
}
Object.assign(window, { bareMap: map, recolour });
