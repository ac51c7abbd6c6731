import { paramMessages as P } from '../messages/params.ts';
import type { Bbox } from '../catalog/bbox.ts';
import type { Collection } from '../catalog/define.ts';
import { choiceParam, type ParamDef, ParamError, paramDescription } from '../catalog/params.ts';
import { isIsoDate, provinceDate } from '../domain/dates.ts';
import type { Province } from '../catalog/province.ts';
import { CRS84, CRS_DEFINITIONS, type CrsCode, crsUri } from '../geo/crs.ts';

/**
 * The OGC API's query parameters, declared like the catalog's (description, OpenAPI schema,
 * bounded parser), so one list per resource drives parsing, the 400s and the OpenAPI document.
 */

type Params = Record<string, ParamDef<unknown>>;

/** The CRSs every collection is served in: CRS84, and the grid the province's surveyors use (its data). */
export function ogcCrs(province: Pick<Province, 'localCrs'>): CrsCode[] {
  return [CRS84, province.localCrs];
}

export const LIMIT = { default: 100, maximum: 10000 } as const;

export const limitParam: ParamDef<number> = {
  description: `At most this many features per page (1 – ${LIMIT.maximum}; default ${LIMIT.default}). A larger value is served as ${LIMIT.maximum}, as the standard requires; the next link gives the rest.`,
  schema: { type: 'integer', minimum: 1, maximum: LIMIT.maximum, default: LIMIT.default },
  parse(raw, name) {
    if (raw === undefined) return LIMIT.default;
    if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) throw new ParamError(name, P.limit(name, raw));
    return Math.min(Number(raw), LIMIT.maximum);
  },
};

const MAX_OFFSET = 1_000_000_000;

export const offsetParam: ParamDef<number> = {
  description: 'Skips this many features (0 or more; default 0): the next and prev links page with it.',
  schema: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 },
  parse(raw, name) {
    if (raw === undefined) return 0;
    if (!/^\d{1,10}$/.test(raw) || Number(raw) > MAX_OFFSET) throw new ParamError(name, P.offset(name, MAX_OFFSET, raw));
    return Number(raw);
  },
};

/**
 * Four numbers, lower corner first. Unlike the CRS84-only bbox of the catalog (catalog/bbox.ts),
 * their range depends on bbox-crs, so it is checked once both are known (items.ts bboxRegion).
 */
export const bboxParam: ParamDef<Bbox | undefined> = {
  description:
    'Only features whose geometry intersects this box: west,south,east,north (lower corner first) in bbox-crs (default CRS84: longitude, latitude). Features without geometry never match.',
  schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
  parse(raw, name) {
    if (raw === undefined) return undefined;
    const parts = raw.split(',');
    if (parts.length === 6) throw new ParamError(name, P.bboxHeights(name, raw));
    const n = parts.map((p) => (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(p) ? Number(p) : Number.NaN));
    if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) throw new ParamError(name, P.bboxFour(name, raw));
    if (!(n[0] < n[2] && n[1] < n[3])) throw new ParamError(name, P.bboxLowerFirst(name, raw));
    return n as Bbox;
  },
};

/** The OpenAPI schema of a CRS parameter: the URIs the province's data offers. */
export function crsSchema(province: Pick<Province, 'localCrs'>) {
  return { type: 'string' as const, format: 'uri', enum: ogcCrs(province).map(crsUri), default: crsUri(CRS84) };
}

/** One of the offered CRSs (CRS84 and the province's grid), by its OGC URI; CRS84 when absent. */
function crsParam(description: string): ParamDef<CrsCode> {
  return {
    description: `${description} CRS84 (longitude, latitude; the default) or the province's own grid, a VN-2000 / TM-3 zone in metres, easting first.`,
    schema: { type: 'string', format: 'uri', default: crsUri(CRS84) },
    parse(raw, name, ctx) {
      if (raw === undefined) return CRS84;
      const offered = ogcCrs(ctx.province);
      const found = offered.find((code) => crsUri(code) === raw);
      if (!found) throw new ParamError(name, P.choice(name, offered.map(crsUri).join(', '), raw));
      return found;
    },
  };
}

/** The province's grid by name, for descriptions: "VN-2000 / TM-3 103-00 (EPSG:9205)". */
export function localCrsName(province: Pick<Province, 'localCrs'>): string {
  return `${CRS_DEFINITIONS[province.localCrs].name} (${province.localCrs})`;
}

export const crsOutParam = crsParam(
  'The CRS of the geometries in the response (named in the Content-Crs header). Properties such as labelPoint stay in CRS84.',
);
export const bboxCrsParam = crsParam('The CRS of bbox.');

export const fParam = choiceParam(['json'] as const, 'json', 'The response format: JSON (GeoJSON for features), the only one served.');

/**
 * `datetime` of a collection whose attributes are computed for a date: an RFC 3339 instant, whose
 * day (in Vietnam) goes through the collection's own `asOf` parser, so ranges, defaults and the
 * as-of rule are the app's. An interval is refused: an "as of" layer has one state per date.
 */
function datetimeParam(asOf: ParamDef<unknown>): ParamDef<unknown> {
  return {
    description: (province) =>
      `An RFC 3339 instant: a date (2021-06-30) or a date-time (2021-06-30T12:00:00Z, taken as its day in Vietnam, UTC+7). ${paramDescription(asOf, province)} Intervals are refused: the features have one state per date.`,
    schema: { type: 'string' },
    parse(raw, name, ctx) {
      return asOf.parse(raw === undefined ? undefined : instantDay(raw, name), name, ctx);
    },
  };
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** The day (YYYY-MM-DD, in the province: where the as-of dates are) of an RFC 3339 date or date-time. */
export function instantDay(raw: string, name: string): string {
  if (raw.includes('/')) throw new ParamError(name, P.instant(name, raw));
  if (isIsoDate(raw)) return raw;
  const m = DATE_TIME.exec(raw);
  const ok = m && isIsoDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 61 && (!m[7] || (Number(m[7]) < 24 && Number(m[8]) < 60));
  if (!m || !ok) throw new ParamError(name, P.rfc3339(name, raw));
  const utc = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${String(Math.min(Number(m[4]), 59)).padStart(2, '0')}${m[6].toUpperCase()}`);
  return provinceDate(new Date(utc));
}

/** True when the collection's attributes are computed for a date given by `datetime`. */
export function isDated(c: Collection): boolean {
  return c.time?.kind === 'as-of' && Object.hasOwn(c.buildParams, 'asOf');
}

const itemsParamsOf = new WeakMap<Collection, Params>();

/** The parameters of a collection's items, in the order the OpenAPI document lists them (declared once per collection). */
export function itemsParams(c: Collection): Params {
  const known = itemsParamsOf.get(c);
  if (known) return known;
  const params = declareItemsParams(c);
  itemsParamsOf.set(c, params);
  return params;
}

function declareItemsParams(c: Collection): Params {
  const { asOf, ...build } = c.buildParams;
  const filters = Object.fromEntries(Object.entries(c.filters).map(([name, f]) => [name, f.param]));
  return {
    limit: limitParam,
    offset: offsetParam,
    bbox: bboxParam,
    'bbox-crs': bboxCrsParam,
    ...(isDated(c) ? { datetime: datetimeParam(asOf) } : asOf ? { asOf } : {}),
    ...build,
    ...filters,
    crs: crsOutParam,
    f: fParam,
  };
}

/** The parameters of one feature: its date (for dated collections), the output CRS, the format. */
export function featureParams(c: Collection): Params {
  const known = featureParamsOf.get(c);
  if (known) return known;
  const { datetime, crs, f } = itemsParams(c);
  const params = { ...(datetime ? { datetime } : {}), crs, f };
  featureParamsOf.set(c, params);
  return params;
}

const featureParamsOf = new WeakMap<Collection, Params>();

/** The parameters of the other resources (landing page, conformance, collections, queryables, OpenAPI). */
export const documentParams: Params = { f: fParam };

/** The collection's build values (what BuiltCollections caches on) from parsed item or feature values. */
export function buildValues(c: Collection, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(c.buildParams).map((n) => [n, n === 'asOf' && isDated(c) ? values.datetime : values[n]]));
}
