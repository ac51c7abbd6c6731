import type { Geometry } from 'geojson';
import type { z } from 'zod';
import type { Programme } from '../domain/access.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import type { ApiFeatureCollection } from '../geo/collection.ts';
import type { CatalogData } from './data.ts';
import type { LicenceRole } from './licences.ts';
import type { ParamContext, ParamDef, ParamValues } from './params.ts';
import type { ProvinceText } from './province-text.ts';

/** Text in the app's two languages: Vietnamese first, English complete. */
export interface Label {
  vi: string;
  en: string;
}

/** Who may edit a collection's records (server/auth): each editor is scoped to programmes, declared in domain/access.ts. */
export type { Programme };

type Params = Record<string, ParamDef<unknown>>;

/** A property filter: a parameter, and the test a feature's properties must pass when it is given. */
export interface PropertyFilter<P> {
  param: ParamDef<unknown>;
  test(properties: P, value: never): boolean;
}

/** Declares a filter with its value type checked against the test. */
export function propertyFilter<P, T>(param: ParamDef<T | undefined>, test: (properties: P, value: T) => boolean): PropertyFilter<P> {
  return { param, test: test as PropertyFilter<P>['test'] };
}

/** What a builder returns: features with the collection's properties, and foreign members saying what they are of. */
export type Built<P> = ApiFeatureCollection<P, Geometry | null> & { unitSet?: UnitSet; asOf?: IsoDate };

/**
 * One dataset, declared once. From this the /api route, the OGC API collection and its OpenAPI
 * document, the queryables, the downloads, the client's loading and the map's data bindings are
 * derived; the same schema validates writes.
 */
export interface Collection<P = unknown, B extends Params = Params> {
  /** The OGC collection id and the download file's subject. */
  id: string;
  /** Collections that show the same thing on other unit sets share a family ("communes"). */
  family: string;
  /** Its title and description: functions of the province where they name its unit sets (read through forProvince). */
  title: ProvinceText<Label>;
  description: ProvinceText<Label>;
  programme: Programme;
  /** The unit set its codes belong to; null when it spans sets (recognitions carry their own). */
  unitSet: UnitSet | null;
  geometry: 'polygon' | 'point' | null;
  /** The attribute schema: every feature's properties. */
  properties: z.ZodType<P>;
  /** The property that identifies a feature (also its `id`). */
  idProperty: string;
  /**
   * How time applies: `as-of` collections compute their attributes for a date (`asOf` in /api,
   * the `datetime` instant in OGC, under the one as-of rule); `null` ones are not dated.
   */
  time: { kind: 'as-of'; range(ctx: TimeContext): { min: IsoDate; max: IsoDate } } | null;
  /** Parameters the builder takes; each distinct value is built (and cached) once. */
  buildParams: B;
  /** Parameters that select features from what was built. */
  filters: Record<string, PropertyFilter<P>>;
  build(data: CatalogData, params: ParamValues<B>): Built<P>;
  /** What its content is, for its licences (the province's data): boundary-derived shapes, unit codes and names, sourced facts. */
  licences: readonly LicenceRole[];
  /** The file name's stem, in Vietnamese without diacritics: `xa-ntm` → `xa-ntm-2021-06-30.csv`. */
  fileStem: string;
  /** Its route under /api, when it has one, and which parameters that route takes (the rest are OGC-only). */
  api: { path: string; params: readonly string[] } | null;
  /**
   * Writes by GIS clients (OGC API – Features Part 4), when the collection takes them: the record
   * kind they change, and how a GeoJSON feature (and, for an update, the feature as it is) becomes
   * the body of that kind's write schema (server/catalog/writes.ts), which then validates it.
   */
  writes: { entity: 'zone'; input(feature: GisFeature, current: P | null): unknown } | null;
}

/** What a collection's time range depends on: today, and the province's dates. */
export type TimeContext = Pick<ParamContext, 'today' | 'province'>;

/** A feature as a GIS client sends it: properties as it names them, geometry in CRS84. */
export interface GisFeature {
  properties: Record<string, unknown>;
  geometry: unknown;
}

/** Identity helper that checks a declaration and infers its types. */
export function defineCollection<P, B extends Params>(c: Collection<P, B>): Collection<P, B> {
  return c;
}

/** Every parameter a collection declares: what it builds with, then what it filters by. */
export function declaredParams(c: Collection): Params {
  return { ...c.buildParams, ...Object.fromEntries(Object.entries(c.filters).map(([name, f]) => [name, f.param])) };
}

/** Applies the given filters (undefined values are no filter) to built features. */
export function applyFilters<P>(c: Collection<P>, built: Built<P>, values: Record<string, unknown>): Built<P> {
  const active = Object.entries(c.filters).filter(([name]) => values[name] !== undefined);
  if (!active.length) return built;
  return { ...built, features: built.features.filter((f) => active.every(([name, flt]) => flt.test(f.properties, values[name] as never))) };
}
