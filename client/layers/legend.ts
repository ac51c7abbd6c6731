import type { Feature, Geometry } from 'geojson';
import { bboxOf } from '../../server/geo/bbox.ts';
import type { UnitSet, UnitSetPeriods } from '../../server/domain/unit-sets.ts';
import type { Label, Lang } from '../lib/label.ts';
import { unitSetLabel } from '../../server/messages/unit-set-label.ts';
import { classOf, type LayerMark, type ThematicLayer } from '../../server/catalog/layer-registry.ts';

/** The visible part of the map: [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

export interface LegendEntry {
  key: string;
  label: Label;
  color: string;
  /** Features of this class in the current view. */
  count: number;
  /** Features of this class in the whole layer (the province), whatever is in view. */
  total: number;
}

export interface LegendMarkEntry {
  mark: LayerMark;
  count: number;
  total: number;
}

export interface Legend {
  layer: ThematicLayer;
  entries: LegendEntry[];
  marks: LegendMarkEntry[];
  /** Features without a place (no geometry): counted, not drawn. */
  unplaced: number;
  /** Whether some drawn feature lies outside the view, so counts in view differ from the totals. */
  partial: boolean;
  /** The unit set the layer's features are on (its `unitSet` property); null for features of no unit set. */
  unitSet: UnitSet | null;
}

/**
 * A layer's legend, read from the registry: one entry per class with the number of features of
 * that class in view and in the whole layer, the unknown class, and the layer's marks.
 */
export function buildLegend(layer: ThematicLayer, features: readonly Feature<Geometry | null>[], bounds: Bounds | null): Legend {
  const placed = features.filter((f) => f.geometry !== null);
  const inView = placed.map((f) => !bounds || inBounds(f, bounds));
  // Each feature is classed once, and counted in view and in the whole layer in the same pass.
  const tally = (keyOf: (f: Feature<Geometry | null>) => string | null) => {
    const out = new Map<string, { count: number; total: number }>();
    placed.forEach((f, i) => {
      const key = keyOf(f);
      if (key === null) return;
      const n = out.get(key) ?? { count: 0, total: 0 };
      n.total++;
      if (inView[i]) n.count++;
      out.set(key, n);
    });
    return out;
  };
  const none = { count: 0, total: 0 };
  const c = layer.classification;
  const entries: LegendEntry[] = [];
  if (c) {
    const counts = tally((f) => {
      const k = classOf(c, (f.properties as Record<string, unknown>)[c.property]);
      return 'value' in k && k.value !== undefined ? String(k.value) : 'unknown';
    });
    for (const k of c.classes) {
      const key = String(k.value);
      entries.push({ key, label: k.label, color: k.color, ...(counts.get(key) ?? none) });
    }
    entries.push({ key: 'unknown', label: c.unknown.label, color: c.unknown.color, ...(counts.get('unknown') ?? none) });
  }
  const marks = layer.marks.map((mark) => ({
    mark,
    ...(tally((f) => ((f.properties as Record<string, unknown>)[mark.property] === mark.equals ? 'marked' : null)).get('marked') ?? none),
  }));
  const set = (features[0]?.properties as { unitSet?: UnitSet } | null)?.unitSet ?? null;
  return { layer, entries, marks, unplaced: features.length - placed.length, partial: inView.includes(false), unitSet: set };
}

/**
 * The note under a layer's legend, with `{units}` naming the unit set on screen by its dates
 * ("đơn vị đến 31/12/2019"), so it says which units the figures are on.
 */
export function legendProvenance(legend: Pick<Legend, 'layer' | 'unitSet'>, periods: UnitSetPeriods, lang: Lang): string {
  const text = legend.layer.provenance[lang];
  return legend.unitSet ? text.replace('{units}', unitSetLabel(legend.unitSet, periods, lang)) : text.replace(/; \{units\}|\{units\}/, '');
}

/** Whether a feature shows in the bounds: its label point, its point, or its bounding box. */
export function inBounds(f: Feature<Geometry | null>, [w, s, e, n]: Bounds): boolean {
  const label = (f.properties as { labelPoint?: [number, number] } | null)?.labelPoint;
  if (label) return label[0] >= w && label[0] <= e && label[1] >= s && label[1] <= n;
  if (!f.geometry) return false;
  const [minX, minY, maxX, maxY] = bboxOf(f.geometry);
  return minX <= e && maxX >= w && minY <= n && maxY >= s;
}
