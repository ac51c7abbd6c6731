import { computed } from '@preact/signals';
import type { Feature, Geometry } from 'geojson';
import { applyFilters, type Built } from '../../server/catalog/define.ts';
import { parsedFilters, type ShownCollection, shownCollections } from '../lib/shown-collections.ts';
import { type Selection, todayIso } from '../lib/url-state.ts';
import { zoneShapes } from './data.ts';
import { communesLayer, districtsLayer, shapedRecord, shownSet } from './derived.ts';
import { theProvince } from './province.ts';
import { asOf, crops, groups, layers, stars } from './ui-state.ts';

/**
 * What the table view and the download links read: the collections the map shows (one per
 * visible layer, at the date it is read at, with the legend's filters) and their rows, built with
 * the catalog's builders from the record the map loaded. Computed only while something reads it.
 */
export const shown = computed<ShownCollection[]>(() =>
  shownCollections({
    layers: layers.value,
    unitSet: shownSet.value,
    asOf: asOf.value,
    today: todayIso(),
    province: theProvince(),
    stars: stars.value,
    groups: groups.value,
    crops: crops.value,
  }),
);

export interface ShownTable extends ShownCollection {
  rows: Feature<Geometry | null>[];
  /** Whether a row without a geometry has no place (false while the zones' shapes are still loading). */
  placesKnown: boolean;
}

/** The map's own built layer when it is the same collection at the same date (no second build). */
function builtByMap(s: ShownCollection): Built<unknown> | null {
  const candidates = { communes: communesLayer.value, districts: districtsLayer.value } as Record<string, Built<unknown> | null>;
  const b = Object.hasOwn(candidates, s.collection.family) ? candidates[s.collection.family] : null;
  return b && b.unitSet === s.collection.unitSet && b.asOf === s.asOf ? b : null;
}

export const tables = computed<ShownTable[]>(() => {
  const data = shapedRecord.value;
  if (!data) return [];
  const ctx = { today: todayIso(), province: data.province };
  return shown.value.map((s) => {
    const built = builtByMap(s) ?? s.collection.build(data, s.asOf ? { asOf: s.asOf } : {});
    const placesKnown = s.collection.family !== 'zones' || zoneShapes.value !== null;
    return { ...s, rows: applyFilters(s.collection, built, parsedFilters(s, ctx)).features as Feature<Geometry | null>[], placesKnown };
  });
});

/** What selecting a table's row selects: units name their unit set, since old and new codes collide. */
const KIND_OF_FAMILY: Record<string, Selection['kind']> = { communes: 'commune', districts: 'district', 'ocop-products': 'product', zones: 'zone' };

export function rowSelection(s: ShownCollection, row: Feature<Geometry | null>): Selection | null {
  const kind = KIND_OF_FAMILY[s.collection.family];
  if (!kind) return null;
  const id = String(row.id);
  return kind === 'commune' || kind === 'district' ? { kind, id, set: s.collection.unitSet ?? undefined } : { kind, id };
}

/** Whether a row is the selection. */
export function isSelectedRow(s: ShownCollection, row: Feature<Geometry | null>, sel: Selection | null): boolean {
  const mine = rowSelection(s, row);
  return !!sel && !!mine && mine.kind === sel.kind && mine.id === sel.id && (mine.set ?? '2020') === (sel.set ?? '2020');
}
