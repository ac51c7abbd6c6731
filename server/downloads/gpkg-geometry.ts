import type { Geometry, MultiPolygon, Point, Position } from 'geojson';

/**
 * GeoPackage geometry blobs (OGC 12-128r18 §2.1.3): the "GP" header — version 0, flags (little
 * endian, envelope kind), srs_id, the envelope — followed by standard little-endian WKB. Only
 * what the catalog's collections hold: points, and polygons written as multipolygons (a table
 * has one geometry type).
 */

const WKB_POINT = 1;
const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;

/** The table geometry type of a collection's shapes. */
export const GPKG_GEOMETRY_TYPE = { point: 'POINT', polygon: 'MULTIPOLYGON' } as const;

/** [minX, maxX, minY, maxY], the order of a GeoPackage envelope. */
export type Envelope = [number, number, number, number];

/** Polygons as one multipolygon, so every row of a polygon table has the declared type. */
export function asMultiPolygon(g: Geometry): MultiPolygon {
  if (g.type === 'MultiPolygon') return g;
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  throw new Error(`a polygon table cannot hold a ${g.type}`);
}

function envelopeOf(rings: Position[][]): Envelope {
  const e: Envelope = [Infinity, -Infinity, Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < e[0]) e[0] = x;
      if (x > e[1]) e[1] = x;
      if (y < e[2]) e[2] = y;
      if (y > e[3]) e[3] = y;
    }
  }
  return e;
}

/** A writer over a buffer sized in advance. */
class Bytes {
  readonly view: DataView;
  readonly bytes: Uint8Array;
  private at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u8(v: number) {
    this.view.setUint8(this.at, v);
    this.at += 1;
  }
  u32(v: number) {
    this.view.setUint32(this.at, v, true);
    this.at += 4;
  }
  i32(v: number) {
    this.view.setInt32(this.at, v, true);
    this.at += 4;
  }
  f64(v: number) {
    this.view.setFloat64(this.at, v, true);
    this.at += 8;
  }
}

/** The header: magic, version 0, flags (bit 0 little endian, bits 1–3 envelope kind), srs_id, envelope. */
function header(out: Bytes, srsId: number, envelope: Envelope | null) {
  out.u8(0x47);
  out.u8(0x50);
  out.u8(0);
  out.u8(envelope ? 0b0000_0011 : 0b0000_0001);
  out.i32(srsId);
  if (envelope) for (const v of envelope) out.f64(v);
}

/** A GeoPackage blob of a point (no envelope: it would only repeat the point). */
export function pointBlob(p: Point, srsId: number): Uint8Array {
  const out = new Bytes(8 + 21);
  header(out, srsId, null);
  out.u8(1);
  out.u32(WKB_POINT);
  out.f64(p.coordinates[0]);
  out.f64(p.coordinates[1]);
  return out.bytes;
}

/** A GeoPackage blob of a multipolygon with its envelope, and that envelope (for the table's extent). */
export function multiPolygonBlob(g: MultiPolygon, srsId: number): { blob: Uint8Array; envelope: Envelope } {
  const envelope = envelopeOf(g.coordinates.flat());
  let size = 8 + 32 + 9;
  for (const polygon of g.coordinates) size += 9 + polygon.reduce((n, ring) => n + 4 + ring.length * 16, 0);
  const out = new Bytes(size);
  header(out, srsId, envelope);
  out.u8(1);
  out.u32(WKB_MULTIPOLYGON);
  out.u32(g.coordinates.length);
  for (const polygon of g.coordinates) {
    out.u8(1);
    out.u32(WKB_POLYGON);
    out.u32(polygon.length);
    for (const ring of polygon) {
      out.u32(ring.length);
      for (const [x, y] of ring) {
        out.f64(x);
        out.f64(y);
      }
    }
  }
  return { blob: out.bytes, envelope };
}
