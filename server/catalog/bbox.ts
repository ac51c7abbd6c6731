import { paramMessages as P } from '../messages/params.ts';
import { type ParamDef, ParamError } from './params.ts';

/** [west, south, east, north] in degrees (CRS84). */
export type Bbox = [number, number, number, number];

/**
 * `bbox=west,south,east,north` in CRS84 degrees: four finite numbers, west < east, south < north,
 * within ±180° and ±90° (an extent across the antimeridian is not accepted). Undefined when absent.
 */
export const bboxParam: ParamDef<Bbox | undefined> = {
  description: 'Only features whose shape intersects this extent: west,south,east,north in degrees (CRS84), e.g. `103.0,21.3,103.1,21.45`.',
  schema: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 },
  parse(raw, name) {
    if (raw === undefined) return undefined;
    const parts = raw.split(',');
    const values = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
    if (parts.length !== 4 || values.some((v) => !Number.isFinite(v))) {
      throw new ParamError(name, P.bboxNumbers(name, raw));
    }
    const [w, s, e, n] = values;
    if (w < -180 || e > 180 || s < -90 || n > 90) throw new ParamError(name, P.bboxWorld(name, raw));
    if (w >= e || s >= n) throw new ParamError(name, P.bboxOrder(name, raw));
    return [w, s, e, n];
  },
};
