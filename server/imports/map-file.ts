import type { Areal } from '../catalog/geodata.ts';
import type { CrsCode } from '../geo/crs.ts';
import { checkShape, type ShapeCheck } from '../geo/validate.ts';
import { type CrsDecision, decideCrs, toLonLat } from './crs-choice.ts';
import type { GeoFormat, ReadFeature } from './formats/geo-file.ts';
import { readGeoUpload } from './formats/read-geo.ts';
import type { ImportLimits } from './limits.ts';

/** A map file to read and check, and what its shapes are checked against: plain data, so a worker thread can take it. */
export interface MapFileJob {
  fileName: string;
  bytes: Uint8Array;
  limits: ImportLimits;
  /** The GeoPackage table to read, when it holds several. */
  layer: string | null;
  /** The coordinate system the user chose, when the file does not say. */
  crs: CrsCode | null;
  /** The province's own grid, which messages suggest. */
  localCrs: CrsCode;
  /** The communes each shape is laid over (zones: the 2020–2025 set; boundaries: the set replaced). */
  units: { code: string; geometry: Areal }[];
}

export interface CheckedMapFile {
  format: GeoFormat;
  layer: string | null;
  crs: CrsDecision;
  /** The features in longitude/latitude; a shape that passed its check is the checked one (rounded as stored). */
  features: ReadFeature[];
  /** Each feature's shape check, by index; null for a feature without a polygon. */
  shapes: (ShapeCheck | null)[];
}

/**
 * The expensive part of a map file's preview: reading it (limits first), deciding its coordinate system,
 * reprojecting, and checking every shape (well-formed, no self-intersection, its overlap with each unit).
 * Pure over its job; runs in a worker thread for the server (server/imports/check-pool.ts).
 */
export function readMapFile(job: MapFileJob): CheckedMapFile {
  const file = readGeoUpload(job.fileName, job.bytes, job.limits, job.layer);
  const crs = decideCrs(file.crs, job.crs, file.features, job.localCrs);
  const shapes: (ShapeCheck | null)[] = [];
  const features = file.features.map((f) => {
    const geometry = f.geometry && toLonLat(f.geometry, crs.code);
    const check = geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') ? checkShape(geometry, job.units) : null;
    shapes.push(check);
    // The checked shape stands in for the one read: sent back once, not twice.
    return { ...f, geometry: check && 'geometry' in check ? check.geometry : geometry };
  });
  return { format: file.format, layer: file.layer, crs, features, shapes };
}
