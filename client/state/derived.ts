import { ntmApplies } from '../../server/domain/ntm-status.ts';
import { computed } from '@preact/signals';
import type { Feature, Geometry } from 'geojson';
import { type CatalogData, catalogData } from '../../server/catalog/data.ts';
import type { Built } from '../../server/catalog/define.ts';
import { collectionFor } from '../../server/catalog/index.ts';
import type { CommuneProperties, DistrictProperties, NewUnitProperties } from '../../server/catalog/properties.ts';
import type { IsoDate } from '../../server/domain/dates.ts';
import { ocopAsOf } from '../../server/domain/ocop-as-of.ts';
import { provinceStats } from '../../server/domain/stats.ts';
import { oldUnitSetOn, oldUnitsDate, UNIT_SETS, type UnitSet } from '../../server/domain/unit-sets.ts';
import type { LayerInput } from '../../server/geo/layer-input.ts';
import type { ProductFeature, ZoneFeature } from '../layers/deck-layers.ts';
import { buildLegend } from '../layers/legend.ts';
import { type DataKey, REGISTRY } from '../../server/catalog/layer-registry.ts';
import { productPasses, zonePasses } from '../lib/filters.ts';
import { bboxOf } from '../../server/geo/bbox.ts';
import type { TargetRecord } from '../../server/catalog/records.ts';
import { cropTargetsByZone } from '../lib/crop-targets.ts';
import { recordFromApi } from '../lib/record.ts';
import { buildSearchIndex } from '../lib/search-index.ts';
import { districtSeries, ntmSeries, ocopSeries, reportedVsRecord, targetPoints } from '../lib/series.ts';
import { timelineMarks } from '../lib/timeline.ts';
import { type Selection, shownSetFor } from '../lib/url-state.ts';
import { crosswalk, products, timeline, units, unitShapes, zoneShapes, zones } from './data.ts';
import { province, theProvince } from './province.ts';
import { stableComputed } from './stable.ts';
import { asOf, crops, groups, layers, stars, unitChoice, viewBounds } from './ui-state.ts';

/**
 * Everything the map shows, computed from the record loaded once and the state: moving in time
 * recomputes here, with the server's own builders and "as of" rule, and fetches nothing (a unit set's
 * shapes load once, when it is first shown: client/state/data.ts).
 */

/** When each unit set was in force: the province's data (read under the gate in ui/app.tsx). */
const periods = computed(() => theProvince().unitSets);
/** The record, for counts, charts, cards and search: units with their attributes (shapes only where they came along). */
export const record = computed<CatalogData | null>(() => {
  const u = units.value;
  const t = timeline.value;
  const p = products.value;
  const x = crosswalk.value;
  const prov = province.value;
  return prov && u && t && p && x ? catalogData(recordFromApi(prov, u, t, p, x, zones.value ?? undefined)) : null;
});

/**
 * The record with the shapes loaded so far (every unit set's, the zones'), which the map's layers,
 * the tables and flying to a unit read. Apart from `record`, so shapes arriving rebuild the layers
 * and not the charts and counts.
 */
export const shapedRecord = computed<CatalogData | null>(() => {
  const r = record.value;
  const shapes = unitShapes.value;
  const zoneShaped = zoneShapes.value;
  if (!r) return null;
  const u = units.peek()!;
  // The shown set's units came with their shapes: until other shapes arrive, the record is the shaped one (built once).
  if (!zoneShaped && UNIT_SETS.every((set) => !shapes[set] || shapes[set] === u[set])) return r;
  const sets = Object.fromEntries(UNIT_SETS.map((set) => [set, shapes[set] ?? u[set]])) as typeof u;
  return catalogData(recordFromApi(r.province, sets, timeline.peek()!, products.peek()!, crosswalk.peek()!, zoneShaped ?? zones.peek() ?? undefined));
});

/** A catalog collection of one family on one unit set, built from the loaded record for a date (as the server builds it). */
function built<P>(family: string, set: UnitSet, date: IsoDate): Built<P> | null {
  const data = shapedRecord.value;
  const c = collectionFor(family, set);
  return data && c ? (c.build(data, { asOf: date }) as Built<P>) : null;
}

/** The unit set the map shows: by date, or the old or new units when the user asks. */
export const shownSet = computed<UnitSet>(() => shownSetFor(unitChoice.value, asOf.value, periods.value));

/** The date old units are read at: the old record closed on their last day. */
export const oldAsOf = computed(() => oldUnitsDate(periods.value, asOf.value));

export function inputFor(set: UnitSet): LayerInput | null {
  return record.value?.on(set) ?? null;
}

/** The 45 new units with their former communes' record as of the date, whichever units the map shows. */
export const newUnits = computed(() => built<NewUnitProperties>('communes', '2025', asOf.value));

export const communesLayer = computed(() => {
  const set = shownSet.value;
  return set === '2025' ? newUnits.value : built<CommuneProperties>('communes', set, oldAsOf.value);
});

export const districtsLayer = computed(() => {
  const set = shownSet.value;
  return set === '2025' ? null : built<DistrictProperties>('districts', set, oldAsOf.value);
});

export const newUnitsLayer = computed(() => (shownSet.value === '2025' ? newUnits.value : null));

/** Province counts from the commune-level record on the old units, as of the date (at most their last day). */
export const stats = computed(() => {
  const input = inputFor(oldUnitSetOn(periods.value, oldAsOf.value));
  const t = timeline.value;
  return input && t ? provinceStats({ ...input, targets: t.targets }, oldAsOf.value) : null;
});

/**
 * Products certified as of the date, and those whose certificate had expired by then (drawn as
 * expired, never counted), that pass the legend's filters and have a place to be drawn. The same
 * array while a step in time certifies or expires none, so the overlay keeps its markers.
 */
export const visibleProducts = stableComputed<ProductFeature[]>(() =>
  (products.value?.features ?? []).filter((f): f is ProductFeature => {
    if (f.geometry === null || !productPasses(f.properties, { stars: stars.value, groups: groups.value })) return false;
    const s = ocopAsOf(f.properties, asOf.value);
    return s.certified || s.expired;
  }),
);

/** Ids of the products whose certificate had expired by the date, the same list while a step expires none. */
const expiredIds = stableComputed(() => (products.value?.features ?? []).filter((f) => ocopAsOf(f.properties, asOf.value).expired).map((f) => f.id));

/** Ids of the products whose certificate had expired by the date, with no renewal counting yet. */
export const expiredProducts = computed<ReadonlySet<string>>(() => new Set(expiredIds.value));

/** The zones that pass the legend's crop filter, attributes only: the investors' list. */
export const listedZones = computed(() => (zones.value?.features ?? []).filter((f) => zonePasses(f.properties, crops.value)));

/** The same zones with their shapes, drawn and counted in the legend: none until the shapes have loaded (state/data.ts ensureZoneShapes). */
export const drawnZones = computed<ZoneFeature[]>(
  () => (zoneShapes.value?.features ?? []).filter((f) => zonePasses(f.properties, crops.value)) as ZoneFeature[],
);

/** Features each layer draws, for its legend (products include unplaced ones, counted apart); read only for a shown layer. */
const layerFeatures: Record<DataKey, () => Feature<Geometry | null>[]> = {
  communes: () => communesLayer.value?.features ?? [],
  newUnits: () => newUnitsLayer.value?.features ?? [],
  districts: () => districtsLayer.value?.features ?? [],
  products: () =>
    (products.value?.features ?? []).filter(
      (f) => ocopAsOf(f.properties, asOf.value).certified && productPasses(f.properties, { stars: stars.value, groups: groups.value }),
    ),
  zones: () => drawnZones.value,
};

/**
 * The legend of each shown classified layer: a hidden one is not counted at each step in time. The
 * same value while a step changes no count (state/stable.ts).
 */
export const legends = stableComputed(() =>
  REGISTRY.filter((l) => l.classification && layers.value.includes(l.id)).map((l) => buildLegend(l, layerFeatures[l.data](), viewBounds.value)),
);

/** The crop-area targets (to 2030) by the zone they are about. */
export const cropTargets = computed(() => {
  const r = record.value;
  return r ? cropTargetsByZone(zones.value?.features ?? [], timeline.value?.targets ?? [], r.units['2020']) : new Map<string, TargetRecord[]>();
});

export const searchIndex = computed(() => {
  const r = record.value;
  return r ? buildSearchIndex({ record: r, products: products.value, zones: zones.value }) : [];
});

/** Whether a selection names something in the record (a URL can name a code that does not exist). */
export function selectionExists(sel: Selection): boolean {
  if (sel.kind === 'product') return !!products.value?.features.some((x) => x.id === sel.id);
  if (sel.kind === 'zone') return !!zones.value?.features.some((x) => x.id === sel.id);
  const set = record.value?.units[sel.set ?? '2020'];
  return !!(sel.kind === 'commune' ? set?.communes : set?.districts)?.some((u) => u.code === sel.id);
}

/** The shape of a selected feature, for flying to it; null when not loaded or placeless. */
export function selectedGeometry(sel: Selection): Geometry | null {
  if (sel.kind === 'product') return products.value?.features.find((x) => x.id === sel.id)?.geometry ?? null;
  if (sel.kind === 'zone') return zoneShapes.value?.features.find((x) => x.id === sel.id)?.geometry ?? null;
  const set = shapedRecord.value?.units[sel.set ?? '2020'];
  const list = sel.kind === 'commune' ? set?.communes : set?.districts;
  return list?.find((u) => u.code === sel.id)?.geometry ?? null;
}

/** [west, south, east, north] of a selection, padded for a point. */
export function featureBounds(sel: Selection): [number, number, number, number] | null {
  const g = selectedGeometry(sel);
  if (!g) return null;
  const b = bboxOf(g);
  const pad = b[0] === b[2] ? 0.05 : 0;
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}

/** Years the OCOP chart covers: from the first certification in the record to the last target or certification year. */
function ocopDates(r: CatalogData): IsoDate[] {
  const years = r.products.flatMap((p) => p.ratings.flatMap((x) => (x.year === null ? [] : [x.year])));
  const targets = r.targets.filter((t) => t.indicatorKey === 'ocop-products' && t.targetYear !== null).map((t) => t.targetYear!);
  if (!years.length) return [];
  const first = Math.min(...years);
  const last = Math.max(...years, ...targets);
  return Array.from({ length: last - first + 1 }, (_, i) => `${first + i}-12-31`);
}
const REPORTED_KEYS = ['ntm-standard-communes', 'ntm-standard-or-basic-communes', 'ocop-products'] as const;
const TARGET_KEYS = [...REPORTED_KEYS, 'ntm-standard-share'];

/** What the charts draw: computed once per record, not per step of the timeline. */
export const chartData = computed(() => {
  const r = record.value;
  const t = timeline.value;
  if (!r || !t) return null;
  const xa = r.units['2020'].communes.filter((c) => ntmApplies(c.type)).length;
  return {
    ntm: ntmSeries(r),
    ocop: ocopSeries(r.products, ocopDates(r)),
    districts: districtSeries(r),
    reported: reportedVsRecord(r, r.products, t.targets, REPORTED_KEYS),
    targets: targetPoints(t.targets, TARGET_KEYS, xa),
  };
});

export const marks = computed(() => {
  const t = timeline.value;
  return t ? timelineMarks(t.recognitions, t.facts, t.targets, theProvince()) : [];
});

/** The dates of the province's reports of districts without an NTM commune (mid-year), offered as quick jumps. */
export const reportDates = computed(() => {
  const years = (timeline.value?.facts ?? []).filter((f) => f.kind === 'district-without-ntm' && f.year !== null).map((f) => f.year!);
  return [...new Set(years)].map((y) => `${y}-06-30`);
});
