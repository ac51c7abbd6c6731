import { paramMessages as P } from '../messages/params.ts';
import type { Geometry, Polygon, Position } from 'geojson';
import type { Bbox } from '../catalog/bbox.ts';
import { ParamError } from '../catalog/params.ts';
import type { Built } from '../catalog/define.ts';
import { CRS84, type CrsCode, CRS_DEFINITIONS, toWgs84, transformGeometry } from '../geo/crs.ts';
import type { ApiFeature } from '../geo/collection.ts';

/** Items of a collection as the OGC API serves them: selected by bbox, paged, linked and reprojected. */

export const GEOJSON_TYPE = 'application/geo+json';

export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

/** Projected output is rounded to centimetres; the sources are good to about a metre. */
const PROJECTED_DECIMALS = 2;
/** Points per edge when a projected bbox is taken to CRS84, where its edges are curves. */
const EDGE_STEPS = 16;

/**
 * The area a bbox covers, as a CRS84 polygon. A bbox in a projected CRS is densified along its
 * edges first, so the test against features follows its true outline.
 * @throws ParamError when the box lies outside the CRS's valid range
 */
export function bboxRegion(bbox: Bbox, crs: CrsCode): Polygon {
  const [w, s, e, n] = bbox;
  if (CRS_DEFINITIONS[crs].kind === 'geographic') {
    if (w < -180 || e > 180 || s < -90 || n > 90) throw new ParamError('bbox', P.ogcBboxCrs84(bbox.join(',')));
    return {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    };
  }
  const edge = (a: Position, b: Position) =>
    Array.from({ length: EDGE_STEPS }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / EDGE_STEPS, a[1] + ((b[1] - a[1]) * i) / EDGE_STEPS]);
  const ring = [...edge([w, s], [e, s]), ...edge([e, s], [e, n]), ...edge([e, n], [w, n]), ...edge([w, n], [w, s])].map((p) => toWgs84(crs, p));
  const outside = (p: Position) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90;
  if (Math.max(...bbox.map(Math.abs)) > 1e8 || ring.some(outside)) throw new ParamError('bbox', P.ogcBboxOutside(crs, bbox.join(',')));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** A feature with its geometry in `crs` (the data is stored in CRS84). */
export function inCrs<P>(f: ApiFeature<P, Geometry | null>, crs: CrsCode): ApiFeature<P, Geometry | null> {
  if (crs === CRS84 || !f.geometry) return f;
  const decimals = CRS_DEFINITIONS[crs].kind === 'projected' ? PROJECTED_DECIMALS : undefined;
  return { ...f, geometry: transformGeometry(f.geometry, CRS84, crs, decimals) };
}

export interface PageRequest {
  limit: number;
  offset: number;
  crs: CrsCode;
  /** The items URL without a query. */
  itemsUrl: string;
  collectionUrl: string;
  /** The query as the client sent it: the links repeat it with another offset. */
  query: Record<string, string>;
  timeStamp: string;
}

/**
 * One page of selected features as an OGC FeatureCollection: the foreign members of the build
 * (unitSet, asOf), numberMatched/numberReturned, timeStamp, and links self, next (while more
 * remain), prev and collection, each with its media type.
 */
export function itemsPage<P>(built: Built<P>, selected: readonly ApiFeature<P, Geometry | null>[], r: PageRequest) {
  const { features: _all, ...members } = built;
  const page = selected.slice(r.offset, r.offset + r.limit).map((f) => inCrs(f, r.crs));
  const at = (offset: number) => {
    const q = new URLSearchParams({ ...r.query, offset: String(offset), limit: String(r.limit) });
    return `${r.itemsUrl}?${q}`;
  };
  const self = Object.keys(r.query).length ? `${r.itemsUrl}?${new URLSearchParams(r.query)}` : r.itemsUrl;
  const links: Link[] = [{ href: self, rel: 'self', type: GEOJSON_TYPE, title: 'this page' }];
  if (r.offset + page.length < selected.length) links.push({ href: at(r.offset + r.limit), rel: 'next', type: GEOJSON_TYPE, title: 'next page' });
  if (r.offset > 0) links.push({ href: at(Math.max(0, r.offset - r.limit)), rel: 'prev', type: GEOJSON_TYPE, title: 'previous page' });
  links.push({ href: r.collectionUrl, rel: 'collection', type: 'application/json', title: 'the collection' });
  return {
    ...members,
    numberMatched: selected.length,
    numberReturned: page.length,
    timeStamp: r.timeStamp,
    links,
    features: page,
  };
}
