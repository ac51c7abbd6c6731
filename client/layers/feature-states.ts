import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { type LayerId, layerById } from '../../server/catalog/layer-registry.ts';

/**
 * What the map's unit sources hold, split by how often it changes: the shapes with what
 * identifies, names and places each unit (once per unit set), and the values a thematic layer
 * draws (status, shares, marks), which change at each step in time and reach MapLibre as feature
 * state keyed by the unit's code (`promoteId: 'code'`).
 */

/** Each unit's state by its code, for one source. */
export type SourceStates = Map<string, Record<string, unknown>>;

type Units = FeatureCollection<Geometry | null>;

/** Properties a unit keeps in its source: they never change with the date. */
const SHAPE_PROPERTIES = ['code', 'unitSet', 'name', 'labelPoint'] as const;

/** The properties of a thematic layer that change with the date: the one it classifies by and those of its marks. */
export function stateProperties(id: LayerId): string[] {
  const l = layerById(id);
  return [...new Set([...(l.classification ? [l.classification.property] : []), ...l.marks.map((m) => m.property)])];
}

/** The units of a built layer with only their shape properties. */
export function shapesOf(fc: Units | null): Units | null {
  if (!fc) return null;
  return {
    type: 'FeatureCollection',
    features: fc.features.map(
      (f): Feature<Geometry | null> => ({
        type: 'Feature',
        properties: Object.fromEntries(SHAPE_PROPERTIES.map((k) => [k, f.properties?.[k]])),
        geometry: f.geometry,
      }),
    ),
  };
}

/** Each unit's values of `properties` in a built layer, by code. */
export function statesOf(fc: Units | null, properties: readonly string[]): SourceStates {
  const states: SourceStates = new Map();
  for (const f of fc?.features ?? []) {
    const p = f.properties ?? {};
    states.set(String(p.code), Object.fromEntries(properties.map((k) => [k, p[k] ?? null])));
  }
  return states;
}
