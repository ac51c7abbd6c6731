import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Feature, Geometry } from 'geojson';
import { type GeoJSONVTTile, geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TiledCollection } from '../catalog/tiled.ts';
import { bboxOf } from '../geo/bbox.ts';
import type { Encoding } from '../http/compression.ts';
import { Lru } from './lru.ts';
import type { TiledDataset } from './national-dataset.ts';

/** A tile as sent: the MVT bytes, each compression made once when first asked for (MVT compresses to about a third), and its ETag. */
export interface EncodedTile {
  key: string;
  raw: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
  etag: string;
}

/** @default 64 MiB of encoded tiles (raw and compressed) */
export const TILE_CACHE_MAX_BYTES_DEFAULT = 64 * 2 ** 20;

/** What an empty tile's entry is counted as. */
const EMPTY_BYTES = 64;
const sizeOf = (tile: EncodedTile | null) => (tile ? tile.raw.byteLength + Object.values(tile.encoded).reduce((sum, b) => sum + b.byteLength, 0) : EMPTY_BYTES);

/**
 * A copy in memory of its own size: zlib's output and pbf's are views of larger chunks (16 KB and
 * more), and pooled Buffers share slabs, so a cache of views would hold several times its budget.
 */
function exact(bytes: Uint8Array): Buffer {
  const own = Buffer.allocUnsafeSlow(bytes.byteLength);
  own.set(bytes);
  return own;
}

/** MVT tile extent and the buffer around it, in tile units. */
const EXTENT = 4096;
const BUFFER = 64;

interface Source {
  features: Feature<Geometry>[];
  /** west, south, east, north of each feature. */
  bboxes: Float64Array;
}

/**
 * The tiles of a dataset's collections, sliced by geojson-vt (which simplifies each zoom by the
 * collection's tolerance) and encoded as MVT by vt-pbf; the encoded tiles kept in a
 * least-recently-used cache bounded in bytes. An empty tile is `null`.
 */
export class TileSet {
  private sources = new Map<string, Source>();
  private tiles: Lru<string, EncodedTile | null>;

  constructor(
    readonly dataset: TiledDataset,
    maxBytes = TILE_CACHE_MAX_BYTES_DEFAULT,
  ) {
    this.tiles = new Lru(maxBytes, sizeOf);
  }

  /** Reads every collection now (at startup, so the first map does not wait). */
  warm() {
    for (const c of this.dataset.collections) this.source(c);
  }

  tile(c: TiledCollection, z: number, x: number, y: number): EncodedTile | null {
    const hit = this.cached(c.id, z, x, y);
    if (hit !== undefined) return hit;
    const key = `${c.id}/${z}/${x}/${y}`;
    const sliced = this.slice(c, z, x, y);
    let encoded: EncodedTile | null = null;
    if (sliced?.features.length) {
      const raw = exact(fromGeojsonVt({ [c.id]: sliced }, { version: 2, extent: EXTENT }));
      encoded = { key, raw, encoded: {}, etag: `"${this.dataset.version}-${c.id}-${z}-${x}-${y}"` };
    }
    this.tiles.set(key, encoded);
    return encoded;
  }

  /** The tile if it was made already (null when empty), undefined when not: nothing is made. */
  cached(collectionId: string, z: number, x: number, y: number): EncodedTile | null | undefined {
    return this.tiles.get(`${collectionId}/${z}/${x}/${y}`);
  }

  /** The tile compressed (small tiles compress in well under a millisecond, so synchronously). */
  encoded(tile: EncodedTile, encoding: Encoding): Buffer {
    let data = tile.encoded[encoding];
    if (!data) {
      data = exact(
        encoding === 'br'
          ? brotliCompressSync(tile.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: tile.raw.byteLength } })
          : gzipSync(tile.raw, { level: 6 }),
      );
      tile.encoded[encoding] = data;
      if (this.tiles.holds(tile.key, tile)) this.tiles.grew(data.byteLength);
    }
    return data;
  }

  /** West, south, east, north of all of a collection's features (TileJSON `bounds`: maps ask for no tile outside). */
  bounds(c: TiledCollection): [number, number, number, number] {
    const { bboxes } = this.source(c);
    const b: [number, number, number, number] = [180, 85.0511, -180, -85.0511];
    for (let i = 0; i < bboxes.length; i += 4) {
      b[0] = Math.min(b[0], bboxes[i]!);
      b[1] = Math.min(b[1], bboxes[i + 1]!);
      b[2] = Math.max(b[2], bboxes[i + 2]!);
      b[3] = Math.max(b[3], bboxes[i + 3]!);
    }
    return b;
  }

  /** Bytes of encoded tiles held. */
  get bytes() {
    return this.tiles.total;
  }

  /**
   * One tile, made on its own from the features whose bounding box meets it (geoJSONToTile,
   * which simplifies for the zoom). A geojson-vt index would keep every slice it ever made: for the
   * communes at every zoom, about 1 GB; this way memory is the features and the tile cache, and a
   * tile costs well under a millisecond at high zooms, tens of milliseconds at the lowest, once.
   */
  private slice(c: TiledCollection, z: number, x: number, y: number): GeoJSONVTTile | null {
    const features = this.under(c, { z, x, y });
    if (!features.length) return null;
    return geoJSONToTile({ type: 'FeatureCollection', features }, z, x, y, {
      maxZoom: c.maxzoom,
      tolerance: c.tolerance,
      extent: EXTENT,
      buffer: BUFFER,
      clip: true,
    });
  }

  /** The features whose bounding box meets a tile and the buffer around it. */
  private under(c: TiledCollection, t: { z: number; x: number; y: number }): Feature<Geometry>[] {
    const { features, bboxes } = this.source(c);
    const n = 2 ** t.z;
    const pad = BUFFER / EXTENT;
    const lon = (x: number) => (x / n) * 360 - 180;
    const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
    const [west, east, north, south] = [lon(t.x - pad), lon(t.x + 1 + pad), lat(t.y - pad), lat(t.y + 1 + pad)];
    return features.filter((_, i) => bboxes[i * 4]! <= east && bboxes[i * 4 + 2]! >= west && bboxes[i * 4 + 1]! <= north && bboxes[i * 4 + 3]! >= south);
  }

  private source(c: TiledCollection): Source {
    let source = this.sources.get(c.id);
    if (!source) {
      const { features } = this.dataset.features(c);
      const bboxes = new Float64Array(features.length * 4);
      features.forEach((f, i) => {
        if (f.geometry) bboxes.set(bboxOf(f.geometry), i * 4);
      });
      source = { features, bboxes };
      this.sources.set(c.id, source);
    }
    return source;
  }
}
