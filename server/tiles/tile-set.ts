import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TiledCollection } from '../catalog/tiled.ts';
import type { Encoding } from '../http/compression.ts';
import type { TiledDataset } from './national-dataset.ts';

/** A tile as sent: the MVT bytes, each compression made once when first asked for (MVT compresses to about a third), and its ETag. */
export interface EncodedTile {
  key: string;
  raw: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
  etag: string;
}

/** @default 64 MiB of encoded tiles (raw and gzip) */
export const TILE_CACHE_MAX_BYTES_DEFAULT = 64 * 2 ** 20;

/** What an empty tile's entry is counted as. */
const EMPTY_BYTES = 64;

const sizeOf = (tile: EncodedTile | null) => (tile ? tile.raw.byteLength + Object.values(tile.encoded).reduce((sum, b) => sum + b.byteLength, 0) : EMPTY_BYTES);

/** MVT tile extent and the buffer around it, in tile units. */
const EXTENT = 4096;
const BUFFER = 64;

/**
 * The tiles of a dataset's collections: one geojson-vt index per collection, built on first use
 * (it simplifies each zoom by the collection's tolerance and keeps the slices it made), and the
 * encoded tiles in a least-recently-used cache bounded in bytes. An empty tile is `null`.
 */
export class TileSet {
  private indexes = new Map<string, GeoJSONVT>();
  private tiles = new Map<string, EncodedTile | null>();
  private used = 0;

  constructor(
    readonly dataset: TiledDataset,
    readonly maxBytes = TILE_CACHE_MAX_BYTES_DEFAULT,
  ) {}

  /** Builds every collection's index now (at startup, so the first map does not wait). */
  warm() {
    for (const c of this.dataset.collections) this.index(c);
  }

  tile(c: TiledCollection, z: number, x: number, y: number): EncodedTile | null {
    const key = `${c.id}/${z}/${x}/${y}`;
    const hit = this.tiles.get(key);
    if (hit !== undefined) {
      this.tiles.delete(key);
      this.tiles.set(key, hit);
      return hit;
    }
    const sliced = this.index(c).getTile(z, x, y);
    let encoded: EncodedTile | null = null;
    if (sliced?.features.length) {
      const raw = Buffer.from(fromGeojsonVt({ [c.id]: sliced }, { version: 2, extent: EXTENT }));
      encoded = { key, raw, encoded: {}, etag: `"${this.dataset.version}-${c.id}-${z}-${x}-${y}"` };
    }
    this.tiles.set(key, encoded);
    this.grow(encoded ? encoded.raw.byteLength : EMPTY_BYTES);
    return encoded;
  }

  /** The tile compressed (small tiles compress in well under a millisecond, so synchronously). */
  encoded(tile: EncodedTile, encoding: Encoding): Buffer {
    let data = tile.encoded[encoding];
    if (!data) {
      data =
        encoding === 'br'
          ? brotliCompressSync(tile.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: tile.raw.byteLength } })
          : gzipSync(tile.raw, { level: 6 });
      tile.encoded[encoding] = data;
      if (this.tiles.get(tile.key) === tile) this.grow(data.byteLength);
    }
    return data;
  }

  /** Bytes of encoded tiles held. */
  get bytes() {
    return this.used;
  }

  private index(c: TiledCollection): GeoJSONVT {
    let index = this.indexes.get(c.id);
    if (!index) {
      index = new GeoJSONVT(this.dataset.features(c), {
        maxZoom: c.maxzoom,
        indexMaxZoom: Math.min(c.maxzoom, 5),
        indexMaxPoints: 100_000,
        tolerance: c.tolerance,
        extent: EXTENT,
        buffer: BUFFER,
      });
      this.indexes.set(c.id, index);
    }
    return index;
  }

  private grow(bytes: number) {
    this.used += bytes;
    for (const [key, oldest] of this.tiles) {
      if (this.used <= this.maxBytes) break;
      this.tiles.delete(key);
      this.used -= sizeOf(oldest);
    }
  }
}
