import { importFileMessages as I } from '../messages/import-files.ts';
import type { Text } from '../messages/text.ts';
import type { Geometry, Position } from 'geojson';
import { CRS84, CRS_DEFINITIONS, type CrsCode, transformGeometry } from '../geo/crs.ts';
import type { ErrorCodeWith } from '../catalog/error-codes.ts';
import { ApiError } from '../http/errors.ts';
import type { CrsStatement, ReadFeature } from './formats/geo-file.ts';

/** The coordinate systems a user may choose when a file does not say: WGS 84 and VN-2000 (geographic, UTM 48N, every TM-3 zone). */
export const CRS_CHOICES = (Object.keys(CRS_DEFINITIONS) as CrsCode[]).filter((c) => c !== 'EPSG:4326');

export interface CrsDecision {
  code: CrsCode;
  name: string;
  /** Where the answer came from: the file, the format's standard, or the user. */
  from: 'file' | 'standard' | 'user';
  /** In both languages: the preview answers each reader in theirs. */
  said: Text;
}

const refuse = (code: ErrorCodeWith<400>, message: Text) => new ApiError(400, code, message);
/** The systems a user may choose, in words; `local` is the province's own grid (geodata/province.json). */
const list = (local: CrsCode) => I.crsChoices(local, CRS_DEFINITIONS[local].name);

function firstPositions(features: readonly ReadFeature[], max = 200): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown) => {
    if (out.length >= max || !Array.isArray(c)) return;
    if (typeof c[0] === 'number') out.push(c as Position);
    else for (const x of c) walk(x);
  };
  for (const f of features) {
    if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
    if (out.length >= max) break;
  }
  return out;
}

/** Whether sample coordinates can be degrees of longitude/latitude at all. */
function inDegrees(positions: readonly Position[]): boolean {
  return positions.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90);
}

/**
 * The coordinate system to read a file in: what the file states (a user's different choice is
 * refused), else what the user chose, else the format's standard (GeoJSON without `crs`, KML).
 * A missing or unknown system with no choice is refused, never guessed; so are coordinates
 * that cannot be in the system (metres read as degrees, degrees read as metres).
 * @param local the province's own grid, which the messages suggest
 */
export function decideCrs(stated: CrsStatement, chosen: CrsCode | null, features: readonly ReadFeature[], local: CrsCode): CrsDecision {
  let decision: Omit<CrsDecision, 'name'>;
  if (stated.kind === 'known') {
    if (chosen && chosen !== stated.code) {
      throw refuse('crs_conflict', I.crsConflict(stated.code, CRS_DEFINITIONS[stated.code].name, stated.said, chosen));
    }
    decision = { code: stated.code, from: 'file', said: stated.said };
  } else if (chosen) {
    if (stated.kind === 'implied' && stated.said.en.startsWith('KML') && chosen !== CRS84) {
      throw refuse('crs_conflict', I.crsKml(chosen));
    }
    decision = { code: chosen, from: 'user', said: stated.kind === 'unknown' ? stated.said : I.crsSaidUser };
  } else if (stated.kind === 'implied') {
    decision = { code: stated.code, from: 'standard', said: stated.said };
  } else if (stated.kind === 'unknown') {
    throw refuse('crs_unknown', I.crsUnknown(stated.said, list(local), local));
  } else {
    throw refuse('crs_missing', I.crsMissing(list(local)));
  }
  const def = CRS_DEFINITIONS[decision.code];
  const sample = firstPositions(features);
  if (def.kind === 'geographic' && !inDegrees(sample)) {
    const [x, y] = sample.find(([a, b]) => Math.abs(a) > 180 || Math.abs(b) > 90)!;
    throw refuse('crs_mismatch', I.crsMetres(x, y, decision.said, CRS_DEFINITIONS[local].name, local));
  }
  if (def.kind === 'projected' && sample.length && inDegrees(sample)) {
    const [x, y] = sample[0];
    throw refuse('crs_mismatch', I.crsDegrees(x, y, decision.code, def.name));
  }
  return { ...decision, name: def.name };
}

/** A geometry in CRS84 longitude/latitude, from the decided system. */
export function toLonLat<G extends Geometry>(geometry: G, crs: CrsCode): G {
  return crs === CRS84 ? geometry : transformGeometry(geometry, crs, CRS84);
}
