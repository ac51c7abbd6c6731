import { fieldMessages as F } from '../../messages/fields.ts';
import { ogcMessages as O } from '../../messages/ogc.ts';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Geometry } from 'geojson';
import type { AuthEnv } from '../../auth/middleware.ts';
import type { Collection, GisFeature } from '../../catalog/define.ts';
import { inLang, type Warning, WARNINGS_HEADER } from '../../catalog/warnings.ts';
import type { Editor } from '../../edits/index.ts';
import { CRS84, crsFromUri, transformGeometry } from '../../geo/crs.ts';
import { checkBody, parsedBody } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { requestLang } from '../../http/lang.ts';
import type { RouteDeps } from '../deps.ts';
import { editRequest } from '../edits.ts';
import { collectionOr404, ogcBase } from './request.ts';

/** The methods each path answers: reads on every collection, writes on those the catalog opens to them. */
const READ = ['GET', 'HEAD', 'OPTIONS'];
export const allowedOnItems = (c: Collection) => [...READ, ...(c.writes ? ['POST'] : [])];
/** No DELETE: a GIS client cannot say on which source a zone is deleted; that is done in the app. */
export const allowedOnItem = (c: Collection) => [...READ, ...(c.writes ? ['PUT', 'PATCH'] : [])];

const featureBody = bodyLimit({
  maxSize: 4 * 1024 * 1024,
  onError: () => {
    throw new ApiError(413, 'body_too_large', O.featureTooLarge);
  },
});

/** The catalog collection of the path, if it takes writes; otherwise a 405 that says what it allows. */
function writable(c: Context, allowed: (c: Collection) => string[]): Collection {
  const collection = collectionOr404(c.req.param('collectionId') ?? '');
  if (!collection.writes) {
    c.header('Allow', allowed(collection).join(', '));
    throw new ApiError(405, 'method_not_allowed', O.readOnly(collection.id, c.req.method, allowed(collection)));
  }
  return collection;
}

/** The GeoJSON Feature a GIS client sends, its geometry taken to CRS84 from its Content-Crs (CRS84 when absent). */
async function readFeature(c: Context): Promise<GisFeature> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(geo\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', O.notGeoJson);
  }
  const body = (await parsedBody(c)) as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
  if (body?.type !== 'Feature' || typeof body.properties !== 'object' || body.properties === null) {
    throw new ApiError(400, 'invalid_body', O.notFeature);
  }
  const crsHeader = c.req.header('Content-Crs');
  const crs = crsHeader ? crsFromUri(crsHeader.replace(/^<|>$/g, '')) : CRS84;
  if (!crs) throw new ApiError(400, 'invalid_parameter', O.unknownContentCrs(String(crsHeader?.slice(0, 100))));
  let geometry = body.geometry ?? null;
  if (geometry && crs !== CRS84) {
    try {
      geometry = transformGeometry(geometry as Geometry, crs, CRS84);
    } catch {
      throw new ApiError(400, 'invalid_body', O.geometryNotInCrs);
    }
  }
  return { properties: body.properties as Record<string, unknown>, geometry };
}

/** A feature id of the path that exists in the collection now; 404 otherwise. */
function existing(deps: RouteDeps, collection: Collection, id: string) {
  const feature = deps.built.get(collection, deps.data(), {}).features.find((f) => f.id === id);
  if (!feature) throw new ApiError(404, 'not_found', O.noFeature(id.slice(0, 100), collection.id, null));
  return feature;
}

/**
 * OGC API – Features Part 4 on the collections the catalog opens to writes (the raw-material
 * zones): what QGIS sends when it edits a layer. OPTIONS tells it which methods it may use; POST
 * answers 201 with Location; PUT replaces (a property left out keeps its value), PATCH merges
 * (a geometry left out is kept), DELETE removes. Same roles, validation,
 * sources and audit log as the app (the write goes through the editor); an API token
 * (Authorization: Bearer) is how QGIS authenticates.
 */
export function ogcWriteRoutes(deps: RouteDeps, editor: Editor) {
  const save = (c: Context<AuthEnv>, collection: Collection, id: string | null, feature: GisFeature, current: unknown) => {
    const raw = collection.writes!.input(feature, current as never) as { source?: unknown };
    if (raw.source === undefined) {
      throw new ApiError(400, 'invalid_body', F.at('sourceTitle', O.needsSource), { sourceTitle: O.needsSource });
    }
    const input = checkBody(editor.inputs.zoneInput, raw);
    const zone = editor.zones.save(editRequest(c), id, input);
    return { id: zone.id, warnings: editor.zones.warnings(zone) };
  };
  /** The feature as saved, with the write's warnings (WARNINGS_HEADER). */
  const answer = (c: Context, collection: Collection, written: { id: string; warnings: Warning[] }, status: 200 | 201) => {
    const url = `${ogcBase(c)}/collections/${collection.id}/items/${encodeURIComponent(written.id)}`;
    if (status === 201) c.header('Location', url);
    if (written.warnings.length) c.header(WARNINGS_HEADER, written.warnings.map((w) => w.code).join(', '));
    const feature = deps.built.get(collection, deps.data(), {}).features.find((f) => f.id === written.id);
    return c.json({ ...feature, warnings: inLang(written.warnings, requestLang(c)) }, status, { 'Content-Type': 'application/geo+json' });
  };
  return new Hono<AuthEnv>()
    .options('/:collectionId/items', (c) => c.body(null, 204, { Allow: allowedOnItems(collectionOr404(c.req.param('collectionId'))).join(', ') }))
    .options('/:collectionId/items/:featureId', (c) => c.body(null, 204, { Allow: allowedOnItem(collectionOr404(c.req.param('collectionId'))).join(', ') }))
    .post('/:collectionId/items', featureBody, async (c) => {
      const collection = writable(c, allowedOnItems);
      return answer(c, collection, save(c, collection, null, await readFeature(c), null), 201);
    })
    .put('/:collectionId/items/:featureId', featureBody, async (c) => {
      const collection = writable(c, allowedOnItem);
      const id = c.req.param('featureId');
      const current = existing(deps, collection, id);
      const feature = await readFeature(c);
      return answer(c, collection, save(c, collection, id, feature, current.properties), 200);
    })
    .patch('/:collectionId/items/:featureId', featureBody, async (c) => {
      const collection = writable(c, allowedOnItem);
      const id = c.req.param('featureId');
      const current = existing(deps, collection, id);
      const patch = await readFeature(c);
      return answer(
        c,
        collection,
        save(c, collection, id, { properties: patch.properties, geometry: patch.geometry ?? current.geometry }, current.properties),
        200,
      );
    })
    .delete('/:collectionId/items/:featureId', (c) => {
      const collection = writable(c, allowedOnItem);
      c.header('Allow', allowedOnItem(collection).join(', '));
      throw new ApiError(405, 'method_not_allowed', O.noDeletion(c.req.method, allowedOnItem(collection)));
    });
}
