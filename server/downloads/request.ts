import { paramMessages as P, requestMessages as R } from '../messages/catalog.ts';
import { type Bbox, bboxParam } from '../catalog/bbox.ts';
import { type Collection, declaredParams } from '../catalog/define.ts';
import { CATALOG, collectionById } from '../catalog/index.ts';
import { type ParamContext, type ParamDef, ParamError, parseQuery } from '../catalog/params.ts';
import { type IsoDate, isIsoDate } from '../domain/dates.ts';
import { ApiError } from '../http/errors.ts';
import { DOWNLOAD_FORMATS, type DownloadFormat } from '../catalog/download-formats.ts';

/**
 * A download request, parsed at the edge: which collections, in which format, with which
 * parameters. `/api/downloads/{collectionId}.{format}` takes one collection's own parameters;
 * `/api/downloads/view.{format}?collections=a,b` takes several, each with the parameters it
 * declares, and the view's `asOf` clamped to each collection's last date (as the map does).
 */

/** The file name of the current view: `view.csv`. */
export const VIEW = 'view';

export interface LayerRequest {
  collection: Collection;
  /** Values of the builder's parameters (asOf). */
  build: Record<string, unknown>;
  /** Values of the property filters; undefined means no filter. */
  filters: Record<string, unknown>;
  bbox: Bbox | undefined;
  /** The parameters it took as the request gave them (asOf after clamping), to describe the file. */
  given: Record<string, string>;
  /** The view's asOf when it was later than this collection's last date and clamped to it. */
  clampedFrom: IsoDate | null;
}

export interface DownloadRequest {
  format: DownloadFormat;
  /** True for the current view (view.{format}), false for one collection. */
  view: boolean;
  layers: LayerRequest[];
  /** The view's asOf as asked, or null. */
  asOf: IsoDate | null;
}

type Query = Record<string, string | string[]>;

/** Every parameter a collection's download takes: its build parameters, its filters, and bbox when it has geometry. */
export function downloadParams(c: Collection): Record<string, ParamDef<unknown>> {
  return c.geometry ? { ...declaredParams(c), bbox: bboxParam } : declaredParams(c);
}

/** Parses `{collectionId|view}.{format}` and the query; throws ApiError (404, unknown format) or ParamError (400). */
export function parseDownload(file: string, query: Query, ctx: ParamContext): DownloadRequest {
  const dot = file.lastIndexOf('.');
  const name = dot < 0 ? file : file.slice(0, dot);
  const format = DOWNLOAD_FORMATS.find((f) => f === file.slice(dot + 1));
  if (dot < 0 || !format) {
    throw new ApiError(400, 'unknown_format', R.unknownFormat(file, DOWNLOAD_FORMATS.join(', .'), `${CATALOG[0].id}.csv`));
  }
  if (name === VIEW) {
    const { layers, asOf } = parseView(query, ctx);
    return { format, view: true, layers, asOf };
  }
  const collection = collectionById(name);
  if (!collection) {
    throw new ApiError(404, 'not_found', R.noCollection(name, CATALOG.map((c) => c.id).join(', '), VIEW));
  }
  return { format, view: false, layers: [layerRequest(collection, query, ctx, null)], asOf: null };
}

function parseView(query: Query, ctx: ParamContext): { layers: LayerRequest[]; asOf: IsoDate | null } {
  const { collections: raw, ...rest } = query;
  if (Array.isArray(raw)) throw new ParamError('collections', P.repeated('collections'));
  const ids = [...new Set((raw ?? '').split(',').map((id) => id.trim()))].filter(Boolean);
  if (!ids.length) throw new ParamError('collections', P.collectionsEmpty(CATALOG.map((c) => c.id).join(', ')));
  const chosen = ids.map((id) => {
    const c = collectionById(id);
    if (!c) throw new ParamError('collections', P.noCollection(id, CATALOG.map((x) => x.id).join(', ')));
    return c;
  });
  const declared = chosen.map(downloadParams);
  for (const name of Object.keys(rest)) {
    if (Array.isArray(rest[name])) throw new ParamError(name, P.repeated(name));
    if (!declared.some((d) => Object.hasOwn(d, name))) {
      const allowed = [...new Set(['collections', ...declared.flatMap((d) => Object.keys(d))])];
      throw new ParamError(name, P.notTakenByView(name, ids.join(', '), allowed.join(', ')), 'unknown_parameter');
    }
  }
  const asOf = Object.hasOwn(rest, 'asOf') ? (rest.asOf as string) : null;
  if (asOf !== null && isIsoDate(asOf) && asOf > ctx.today) throw new ParamError('asOf', P.notAfterToday('asOf', ctx.today, asOf));
  const layers = chosen.map((c, i) => {
    const own = Object.fromEntries(Object.entries(rest).filter(([name]) => Object.hasOwn(declared[i], name)));
    return layerRequest(c, own, ctx, asOf);
  });
  return { layers, asOf: asOf !== null && isIsoDate(asOf) ? asOf : null };
}

/** One collection's parameters, parsed with its own parsers; a view's asOf is clamped to the collection's last date first. */
function layerRequest(c: Collection, query: Query, ctx: ParamContext, viewAsOf: string | null): LayerRequest {
  let clampedFrom: IsoDate | null = null;
  const given = { ...query } as Record<string, string>;
  if (viewAsOf !== null && Object.hasOwn(given, 'asOf') && c.time && isIsoDate(viewAsOf)) {
    const { max } = c.time.range(ctx);
    if (viewAsOf > max) {
      given.asOf = max;
      clampedFrom = viewAsOf;
    }
  }
  const values = parseQuery(downloadParams(c), given, ctx) as Record<string, unknown>;
  const pick = (names: string[]) => Object.fromEntries(names.map((n) => [n, values[n]]));
  return {
    collection: c,
    build: pick(Object.keys(c.buildParams)),
    filters: pick(Object.keys(c.filters)),
    bbox: values.bbox as Bbox | undefined,
    given,
    clampedFrom,
  };
}
