import type { Collection, TimeContext } from '../../server/catalog/define.ts';
import { CATALOG, collectionFor } from '../../server/catalog/index.ts';
import type { ParamContext } from '../../server/catalog/params.ts';
import type { IsoDate } from '../../server/domain/dates.ts';
import type { UnitSet } from '../../server/domain/unit-sets.ts';
import { type LayerId, REGISTRY } from '../../server/catalog/layer-registry.ts';

/**
 * What the map shows, as catalog collections: which collection each visible layer draws, the
 * date it is read at and the legend's filters under the catalog's own filter names. The table
 * view builds its rows from this and the download links send it to the server, so a table, a
 * download and the map always agree.
 */
export interface ShownState {
  layers: readonly string[];
  /** The unit set on the map (state/derived.ts shownSet). */
  unitSet: UnitSet;
  asOf: IsoDate;
  today: IsoDate;
  /** The province's dates, which bound each collection's time range. */
  province: TimeContext['province'];
  /** The legend's filters; an empty list means all. */
  stars: readonly number[];
  groups: readonly string[];
  crops: readonly string[];
}

export interface ShownCollection {
  collection: Collection;
  /** The visible layers that draw it (the new units' layer and the communes' layer draw the same one). */
  layers: LayerId[];
  /** The date it is read at: the map's date, within the collection's time range (old units stop on their last day); null when undated. */
  asOf: IsoDate | null;
  /** The catalog filters (name → raw query value) the legend sets on it. */
  filters: Record<string, string>;
}

/** The legend's filters, by the name of the catalog filter each one is. */
const LEGEND_FILTERS: Record<'stars' | 'groups' | 'crops', string> = { stars: 'stars', groups: 'group', crops: 'crop' };

/**
 * The collection a visible layer draws on a unit set: a family declared on one unit set only
 * (products, zones) is drawn on every set; otherwise the shown set's collection, if the layer is
 * bound to that set (no districts on the units of the 2025 reform, no "new units" layer on the old ones).
 */
export function collectionOfLayer(layerId: LayerId, unitSet: UnitSet): Collection | null {
  const layer = REGISTRY.find((l) => l.id === layerId);
  if (!layer?.classification) return null;
  const family = (CATALOG as readonly Collection[]).filter((c) => c.family === layer.collection.family);
  if (family.length === 1) return family[0];
  return layer.collection.unitSets.includes(unitSet) ? (collectionFor(layer.collection.family, unitSet) ?? null) : null;
}

/** The date a collection is read at for the map's date: clamped into its time range; null for undated collections. */
export function readDate(c: Collection, asOf: IsoDate, ctx: TimeContext): IsoDate | null {
  if (!c.time) return null;
  const { min, max } = c.time.range(ctx);
  return asOf < min ? min : asOf > max ? max : asOf;
}

/** The collections the map shows, once each, in the registry's order. */
export function shownCollections(s: ShownState): ShownCollection[] {
  const out: ShownCollection[] = [];
  for (const layer of REGISTRY) {
    if (!s.layers.includes(layer.id)) continue;
    const c = collectionOfLayer(layer.id, s.unitSet);
    if (!c) continue;
    const seen = out.find((x) => x.collection.id === c.id);
    if (seen) {
      seen.layers.push(layer.id);
      continue;
    }
    const filters: Record<string, string> = {};
    for (const [key, name] of Object.entries(LEGEND_FILTERS)) {
      const values = s[key as keyof typeof LEGEND_FILTERS];
      if (values.length && Object.hasOwn(c.filters, name)) filters[name] = [...values].map(String).sort().join(',');
    }
    out.push({ collection: c, layers: [layer.id], asOf: readDate(c, s.asOf, s), filters });
  }
  return out;
}

/**
 * The filters parsed with the collection's own parameter declarations, exactly as the server
 * parses them, ready for `applyFilters`.
 */
export function parsedFilters(shown: ShownCollection, ctx: Omit<ParamContext, 'districtCodes'>): Record<string, unknown> {
  const all: ParamContext = { ...ctx, districtCodes: () => [] };
  return Object.fromEntries(Object.entries(shown.filters).map(([name, raw]) => [name, shown.collection.filters[name].param.parse(raw, name, all)]));
}
