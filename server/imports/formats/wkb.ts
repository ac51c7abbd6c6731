import type { Geometry, Position } from 'geojson';

/**
 * Well-known binary → GeoJSON geometry: the seven simple-feature types, in ISO (Z = +1000,
 * M = +2000) or extended (flag bits) form, either byte order. Z and M are read and dropped. Counts
 * are checked against the bytes left before anything is allocated, so a damaged or hostile blob
 * fails with a message instead of exhausting memory.
 */
export class WkbError extends Error {
  /** The geometry is a curve or a curved surface (CircularString … MultiSurface): not damaged, only not read here. */
  readonly curved: boolean;
  /** @param message the detail, in English, for the server's log (the person reads importFileMessages.gpkgBadGeometry) */
  constructor(message: string, curved = false) {
    super(message);
    this.curved = curved;
  }
}

/** The ISO/OGC codes of curves and curved surfaces: CircularString, CompoundCurve, CurvePolygon, MultiCurve, MultiSurface. */
const CURVED = new Set([8, 9, 10, 11, 12]);

const TYPES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'] as const;

export function wkbToGeometry(bytes: Uint8Array): Geometry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  const need = (n: number) => {
    if (p + n > bytes.length) throw new WkbError('the geometry is cut short');
  };

  function geometry(depth: number): Geometry {
    if (depth > 3) throw new WkbError('geometries nest too deeply');
    need(5);
    const little = bytes[p] === 1;
    if (bytes[p] > 1) throw new WkbError(`bad byte-order mark ${bytes[p]}`);
    let raw = view.getUint32(p + 1, little);
    p += 5;
    let dims = 2;
    if (raw & 0x80000000) dims++;
    if (raw & 0x40000000) dims++;
    if (raw & 0x20000000) {
      need(4);
      p += 4;
    }
    raw &= 0x0fffffff;
    const iso = Math.floor(raw / 1000);
    if (iso === 1 || iso === 2) dims++;
    if (iso === 3) dims += 2;
    const type = TYPES[raw % 1000];
    if (!type) throw new WkbError(`geometry type ${raw} is not a simple feature (curves and surfaces are not read)`, CURVED.has(raw % 1000));

    const u32 = () => {
      need(4);
      const v = view.getUint32(p, little);
      p += 4;
      return v;
    };
    const point = (): Position => {
      need(8 * dims);
      const pos = [view.getFloat64(p, little), view.getFloat64(p + 8, little)];
      p += 8 * dims;
      return pos;
    };
    const points = (): Position[] => {
      const n = u32();
      if (n * 8 * dims > bytes.length - p) throw new WkbError(`a line claims ${n} points, more than the blob holds`);
      return Array.from({ length: n }, point);
    };
    const rings = (): Position[][] => {
      const n = u32();
      if (n * 4 > bytes.length - p) throw new WkbError(`a polygon claims ${n} rings, more than the blob holds`);
      return Array.from({ length: n }, points);
    };
    const parts = <G extends Geometry>(expected: string): G[] => {
      const n = u32();
      if (n * 5 > bytes.length - p) throw new WkbError(`a collection claims ${n} parts, more than the blob holds`);
      return Array.from({ length: n }, () => {
        const g = geometry(depth + 1);
        if (expected && g.type !== expected) throw new WkbError(`a ${type} holds a ${g.type}`);
        return g as G;
      });
    };

    switch (type) {
      case 'Point': {
        const pos = point();
        return { type, coordinates: pos };
      }
      case 'LineString':
        return { type, coordinates: points() };
      case 'Polygon':
        return { type, coordinates: rings() };
      case 'MultiPoint':
        return { type, coordinates: parts<{ type: 'Point'; coordinates: Position }>('Point').map((g) => g.coordinates) };
      case 'MultiLineString':
        return { type, coordinates: parts<{ type: 'LineString'; coordinates: Position[] }>('LineString').map((g) => g.coordinates) };
      case 'MultiPolygon':
        return { type, coordinates: parts<{ type: 'Polygon'; coordinates: Position[][] }>('Polygon').map((g) => g.coordinates) };
      case 'GeometryCollection':
        return { type, geometries: parts<Geometry>('') };
    }
  }

  const g = geometry(0);
  return g;
}

/**
 * A GeoPackage geometry blob (OGC 12-128r18 §2.1.3): "GP", version, flags (byte order,
 * envelope kind, empty), srs_id, envelope, then WKB. Returns null for an empty geometry.
 */
export function gpkgBlobToGeometry(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new WkbError('not a GeoPackage geometry (no "GP" header)');
  const flags = blob[3];
  if (flags & 0b10000) return null;
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0b111];
  if (envelope === undefined) throw new WkbError(`bad envelope indicator ${(flags >> 1) & 0b111}`);
  return wkbToGeometry(blob.subarray(8 + envelope));
}
