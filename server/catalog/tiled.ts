import type { z } from 'zod';
import type { Label } from './define.ts';

/**
 * A collection served as vector tiles (MVT) rather than as one GeoJSON document: too large for
 * the browser to take whole. Its statuses are not in the tiles but sent per year from a small
 * endpoint and applied on the map as feature state (by the features' numeric `id`), so a year
 * switch fetches no tiles.
 */
export interface TiledCollection<P = unknown> {
  id: string;
  title: Label;
  description: Label;
  /** Every feature's properties, as they are in the tiles. */
  properties: z.ZodType<P>;
  /** The file in the dataset folder that holds its features (a GeoJSON FeatureCollection with numeric feature ids). */
  file: string;
  /** Zoom levels tiles are made for; the map over-zooms the last one. */
  minzoom: number;
  maxzoom: number;
  /**
   * Simplification tolerance in tile pixels (of 4096 per tile): larger at low zooms since each
   * tile covers more ground; geojson-vt simplifies each zoom by it.
   */
  tolerance: number;
  /** Whether the status endpoint has per-year NTM statuses for its features. */
  statuses: boolean;
  /** Synthetic data is never shown as real: its title says so and so does every feature (`synthetic: true`). */
  synthetic: boolean;
  /** The map's credit line for it (TileJSON `attribution`). */
  attribution: string;
}

/** Identity helper that checks a declaration and infers its property type. */
export function defineTiledCollection<P>(c: TiledCollection<P>): TiledCollection<P> {
  return c;
}
