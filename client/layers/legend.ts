import type { Feature, Geometry } from 'geojson';
import { bboxOf } from '../../server/geo/bbox.ts';
import type { Label } from '../lib/label.ts';
import { classOf, type LayerMark, type ThematicLayer } from './registry.ts';

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
}

/**
 * A layer's legend, read from the registry: one entry per class with the number of features of
 * that class in view and in the whole layer, the unknown class, and the layer's marks.
 */
export function buildLegend(layer: ThematicLayer, features: readonly Feature<Geometry | null>[], bounds: Bounds | null): Legend {
  const placed = features.filter((f) => f.geometry !== null);
  const visible = placed.filter((f) => !bounds || inBounds(f, bounds));
  const c = layer.classification;
  const entries: LegendEntry[] = [];
  if (c) {
    const keyOf = (f: Feature<Geometry | null>) => {
      const k = classOf(c, (f.properties as Record<string, unknown>)[c.property]);
      return 'value' in k && k.value !== undefined ? String(k.value) : 'unknown';
    };
    const inView = countBy(visible, keyOf);
    const all = countBy(placed, keyOf);
    for (const k of c.classes) {
      const key = String(k.value);
      entries.push({ key, label: k.label, color: k.color, count: inView.get(key) ?? 0, total: all.get(key) ?? 0 });
    }
    entries.push({ key: 'unknown', label: c.unknown.label, color: c.unknown.color, count: inView.get('unknown') ?? 0, total: all.get('unknown') ?? 0 });
  }
  const marked = (list: readonly Feature<Geometry | null>[], mark: LayerMark) =>
    list.filter((f) => (f.properties as Record<string, unknown>)[mark.property] === mark.equals).length;
  const marks = layer.marks.map((mark) => ({ mark, count: marked(visible, mark), total: marked(placed, mark) }));
  return { layer, entries, marks, unplaced: features.length - placed.length, partial: visible.length < placed.length };
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(keyOf(item), (out.get(keyOf(item)) ?? 0) + 1);
  return out;
}

/** Whether a feature shows in the bounds: its label point, its point, or its bounding box. */
export function inBounds(f: Feature<Geometry | null>, [w, s, e, n]: Bounds): boolean {
  const label = (f.properties as { labelPoint?: [number, number] } | null)?.labelPoint;
  if (label) return label[0] >= w && label[0] <= e && label[1] >= s && label[1] <= n;
  if (!f.geometry) return false;
  const [minX, minY, maxX, maxY] = bboxOf(f.geometry);
  return minX <= e && maxX >= w && minY <= n && maxY >= s;
}
