import type { StyleSpecification } from 'maplibre-gl';

/** Terra Draw with its MapLibre adapter (./draw.ts, a chunk of its own): a form that may draw asks for it early. */
export const loadDrawing = () => import('./draw.ts');

/** Terra Draw's sources and layers are named with this prefix (client/map/draw.ts). */
export const DRAW_PREFIX = 'td';

/** Keeps Terra Draw's sources and layers when the app applies its own style by diff (MapLibre `transformStyle`). */
export function keepDrawLayers(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!previous) return next;
  const ours = (id: string) => id === DRAW_PREFIX || id.startsWith(`${DRAW_PREFIX}-`);
  const sources = Object.fromEntries(Object.entries(previous.sources).filter(([id]) => ours(id)));
  if (!Object.keys(sources).length) return next;
  const layers = previous.layers.filter((l) => 'source' in l && typeof l.source === 'string' && ours(l.source));
  return { ...next, sources: { ...next.sources, ...sources }, layers: [...next.layers, ...layers] };
}
