import type { Geometry } from 'geojson';
import { bboxOf } from '../geo/bbox.ts';
import type { Built, Collection } from '../catalog/define.ts';
import type { TimeContext } from '../catalog/define.ts';
import type { Licence } from '../catalog/licences.ts';
import type { Province } from '../catalog/province.ts';
import { forProvince } from '../catalog/province-text.ts';
import { UNIT_SETS } from '../domain/unit-sets.ts';
import { unitSetName } from '../messages/unit-sets.ts';
import { CRS84, crsUri } from '../geo/crs.ts';
import { GEOJSON_TYPE, type Link } from './items.ts';
import { localCrsName, ogcCrs } from './params.ts';

/** The OGC API's JSON documents: landing page, conformance, collections. URLs are absolute, from `base` (…/ogc). */

export const JSON_TYPE = 'application/json';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';
export const SCHEMA_TYPE = 'application/schema+json';
export const QUERYABLES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

/**
 * Part 1 core, GeoJSON and OpenAPI 3.0; Part 2 CRS by reference (without it QGIS assumes CRS84);
 * Part 4 (draft) create/replace/delete and update, on the collections the catalog opens to writes;
 * each item's Allow header (OPTIONS) leaves DELETE out: a deletion names its source, so it is made in the app.
 */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update',
];

/** The service's title and description, naming the province the data is about. */
export function service(province: Province) {
  const synthetic = province.synthetic ? ' SYNTHETIC DATA generated for tests and benchmarks: not real figures.' : '';
  return {
    title: `${province.name}: nông thôn mới, OCOP và vùng nguyên liệu`,
    description: `NTM status of the communes and districts of ${province.name} province (Vietnam) as of any date, on each set of units (${UNIT_SETS.map((set) => unitSetName(set, province.unitSets).en).join(', ')}), NTM recognitions, OCOP products and producers, raw-material zones and the province's targets, every record with its sources. Geometries in CRS84 or ${localCrsName(province)}.${synthetic}`,
  };
}

export function landingPage(base: string, province: Province) {
  const links: Link[] = [
    { href: base, rel: 'self', type: JSON_TYPE, title: 'this document' },
    { href: `${base}/api`, rel: 'service-desc', type: OPENAPI_TYPE, title: 'the API definition (OpenAPI 3.0, JSON)' },
    { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'the conformance classes implemented' },
    { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'the collections' },
  ];
  return { ...service(province), links };
}

export function conformance() {
  return { conformsTo: CONFORMANCE };
}

/** The part of a collection's description that depends on its data: where its features are. */
export interface CollectionExtent {
  /** [west, south, east, north] in CRS84 of every feature with a geometry; null when none has one. */
  bbox: [number, number, number, number] | null;
}

export function extentOf(built: Built<unknown>): CollectionExtent {
  const boxes = built.features.flatMap((f) => (f.geometry ? [bboxOf(f.geometry as Geometry)] : []));
  if (!boxes.length) return { bbox: null };
  return {
    bbox: [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))],
  };
}

/**
 * A collection's description: titles, extents (spatial from its data; temporal from its as-of
 * range, whole days in Vietnam), CRSs and links.
 */
export function collectionDocument(
  c: Collection,
  base: string,
  extent: CollectionExtent,
  ctx: TimeContext & { province: Province },
  licences: readonly Licence[],
) {
  const url = `${base}/collections/${c.id}`;
  const time = c.time?.range(ctx);
  const [title, description] = [forProvince(c.title, ctx.province), forProvince(c.description, ctx.province)];
  const links: Link[] = [
    { href: url, rel: 'self', type: JSON_TYPE, title: 'this collection' },
    { href: `${url}/items`, rel: 'items', type: GEOJSON_TYPE, title: 'its features' },
    { href: `${url}/queryables`, rel: QUERYABLES_REL, type: SCHEMA_TYPE, title: 'its properties (JSON Schema)' },
    ...licences.flatMap((l) => (l.url ? [{ href: l.url, rel: 'license', type: 'text/html', title: l.title }] : [])),
  ];
  return {
    id: c.id,
    title: title.vi,
    description: `${description.vi}\n\n${title.en}. ${description.en}`,
    itemType: 'feature',
    ...(c.unitSet ? { unitSet: c.unitSet } : {}),
    attribution: licences.map((l) => l.attribution).join('; '),
    extent: {
      ...(extent.bbox ? { spatial: { bbox: [extent.bbox], crs: crsUri(CRS84) } } : {}),
      ...(time
        ? { temporal: { interval: [[`${time.min}T00:00:00+07:00`, `${time.max}T23:59:59+07:00`]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } }
        : {}),
    },
    crs: ogcCrs(ctx.province).map(crsUri),
    storageCrs: crsUri(CRS84),
    links,
  };
}
