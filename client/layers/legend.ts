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
}

export interface LegendMarkEntry {
  mark: LayerMark;
  count: number;
}

export interface Legend {
  layer: ThematicLayer;
  entries: LegendEntry[];
  marks: LegendMarkEntry[];
  /** Features without a place (no geometry): counted, not drawn. */
  unplaced: number;
}

/**
 * A layer's legend, read from the registry: one entry per class with the number of features of
 * that class in view, the unknown class when any feature falls in it, and the layer's marks.
 */
export function buildLegend(layer: ThematicLayer, features: readonly Feature<Geometry | null>[], bounds: Bounds | null): Legend {
  const placed = features.filter((f) => f.geometry !== null);
  const visible = placed.filter((f) => !bounds || inBounds(f, bounds));
  const c = layer.classification;
  const entries: LegendEntry[] = [];
  if (c) {
    const counts = new Map<string, number>();
    for (const f of visible) {
      const k = classOf(c, (f.properties as Record<string, unknown>)[c.property]);
      const key = 'value' in k && k.value !== undefined ? String(k.value) : 'unknown';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const k of c.classes) entries.push({ key: String(k.value), label: k.label, color: k.color, count: counts.get(String(k.value)) ?? 0 });
    entries.push({ key: 'unknown', label: c.unknown.label, color: c.unknown.color, count: counts.get('unknown') ?? 0 });
  }
  const marks = layer.marks.map((mark) => ({
    mark,
    count: visible.filter((f) => (f.properties as Record<string, unknown>)[mark.property] === mark.equals).length,
  }));
  return { layer, entries, marks, unplaced: features.length - placed.length };
}

/** Whether a feature shows in the bounds: its label point, its point, or its bounding box. */
export function inBounds(f: Feature<Geometry | null>, [w, s, e, n]: Bounds): boolean {
  const label = (f.properties as { labelPoint?: [number, number] } | null)?.labelPoint;
  if (label) return label[0] >= w && label[0] <= e && label[1] >= s && label[1] <= n;
  if (!f.geometry) return false;
  const [minX, minY, maxX, maxY] = bboxOf(f.geometry);
  return minX <= e && maxX >= w && minY <= n && maxY >= s;
}
