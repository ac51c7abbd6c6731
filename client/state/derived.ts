import { computed } from '@preact/signals';
import type { Feature, Geometry } from 'geojson';
import { buildLegend } from '../layers/legend.ts';
import { REGISTRY, type DataKey } from '../layers/registry.ts';
import { productPasses, zonePasses } from '../lib/filters.ts';
import { buildSearchIndex } from '../lib/search-index.ts';
import type { Selection } from '../lib/url-state.ts';
import type { ProductFeature, ZoneFeature } from '../layers/deck-layers.ts';
import { communes, districts, products, zones } from './data.ts';
import { crops, groups, layers, stars, viewBounds } from './ui-state.ts';

/** Products that pass the legend's filters and have a place to be drawn. */
export const visibleProducts = computed<ProductFeature[]>(() =>
  (products.value?.features ?? []).filter((f): f is ProductFeature => f.geometry !== null && productPasses(f.properties, { stars: stars.value, groups: groups.value })),
);

export const visibleZones = computed<ZoneFeature[]>(() => (zones.value?.features ?? []).filter((f) => zonePasses(f.properties, crops.value)) as ZoneFeature[]);

/** Features each layer draws, for its legend (products include unplaced ones, counted apart). */
const layerData = computed<Record<DataKey, Feature<Geometry | null>[]>>(() => ({
  communes: communes.value?.features ?? [],
  districts: districts.value?.features ?? [],
  products: (products.value?.features ?? []).filter((f) => productPasses(f.properties, { stars: stars.value, groups: groups.value })),
  zones: visibleZones.value,
}));

export const legends = computed(() =>
  REGISTRY.filter((l) => l.classification).map((l) => ({ legend: buildLegend(l, layerData.value[l.data], viewBounds.value), visible: layers.value.includes(l.id) })),
);

export const searchIndex = computed(() => buildSearchIndex({ communes: communes.value, districts: districts.value, products: products.value, zones: zones.value }));

/** The bounds of a selected feature, for flying to it; null when its data is not loaded or it has no place. */
export function featureBounds(sel: Selection): [number, number, number, number] | null {
  const source =
    sel.kind === 'commune' ? communes.value : sel.kind === 'district' ? districts.value : sel.kind === 'product' ? products.value : zones.value;
  const f = source?.features.find((x) => x.id === sel.id);
  if (!f?.geometry) return null;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else (c as unknown[]).forEach(visit);
  };
  visit((f.geometry as { coordinates: unknown }).coordinates);
  const pad = b[0] === b[2] ? 0.05 : 0;
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}
