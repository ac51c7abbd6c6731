import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Geometry } from 'geojson';
import type { AuthEnv } from '../../auth/middleware.ts';
import type { Collection, GisFeature } from '../../catalog/define.ts';
import type { Editor } from '../../edits/index.ts';
import { CRS84, crsFromUri, transformGeometry } from '../../geo/crs.ts';
import { checkBody } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
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
    throw new ApiError(413, 'body_too_large', 'A feature may be at most 4 MiB; import larger shapes through /api/imports');
  },
});

/** The catalog collection of the path, if it takes writes; otherwise a 405 that says what it allows. */
function writable(c: Context, allowed: (c: Collection) => string[]): Collection {
  const collection = collectionOr404(c.req.param('collectionId') ?? '');
  if (!collection.writes) {
    c.header('Allow', allowed(collection).join(', '));
    throw new ApiError(
      405,
      'method_not_allowed',
      `${collection.id} is read-only: ${c.req.method} is not allowed; it answers ${allowed(collection).join(', ')}`,
    );
  }
  return collection;
}

/** The GeoJSON Feature a GIS client sends, its geometry taken to CRS84 from its Content-Crs (CRS84 when absent). */
async function readFeature(c: Context): Promise<GisFeature> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(geo\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the feature as GeoJSON with "Content-Type: application/geo+json"');
  }
  const body = (await c.req.json().catch(() => {
    throw new ApiError(400, 'malformed_json', 'The body is not valid JSON');
  })) as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
  if (body?.type !== 'Feature' || typeof body.properties !== 'object' || body.properties === null) {
    throw new ApiError(400, 'invalid_body', 'The body must be a GeoJSON Feature with properties');
  }
  const crsHeader = c.req.header('Content-Crs');
  const crs = crsHeader ? crsFromUri(crsHeader.replace(/^<|>$/g, '')) : CRS84;
  if (!crs)
    throw new ApiError(400, 'invalid_parameter', `Content-Crs ${crsHeader?.slice(0, 100)} is not a CRS this service knows (see the collection's crs list)`);
  let geometry = body.geometry ?? null;
  if (geometry && crs !== CRS84) {
    try {
      geometry = transformGeometry(geometry as Geometry, crs, CRS84);
    } catch {
      throw new ApiError(400, 'invalid_body', 'geometry: its coordinates could not be read in the Content-Crs given');
    }
  }
  return { properties: body.properties as Record<string, unknown>, geometry };
}

/** A feature id of the path that exists in the collection now; 404 otherwise. */
function existing(deps: RouteDeps, collection: Collection, id: string) {
  const feature = deps.built.get(collection, deps.data(), {}).features.find((f) => f.id === id);
  if (!feature) throw new ApiError(404, 'not_found', `no feature "${id.slice(0, 100)}" in ${collection.id}`);
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
      const message = 'an edit names the document it comes from: give sourceTitle, sourceDate and sourceUrl with the changed attributes';
      throw new ApiError(400, 'invalid_body', `sourceTitle: ${message}`, { sourceTitle: message });
    }
    const input = checkBody(editor.inputs.zoneInput, raw);
    return editor.zones.save(editRequest(c), id, input);
  };
  const answer = (c: Context, collection: Collection, id: string, status: 200 | 201) => {
    const url = `${ogcBase(c)}/collections/${collection.id}/items/${encodeURIComponent(id)}`;
    if (status === 201) c.header('Location', url);
    const feature = deps.built.get(collection, deps.data(), {}).features.find((f) => f.id === id);
    return c.json(feature, status, { 'Content-Type': 'application/geo+json' });
  };
  return new Hono<AuthEnv>()
    .options('/:collectionId/items', (c) => c.body(null, 204, { Allow: allowedOnItems(collectionOr404(c.req.param('collectionId'))).join(', ') }))
    .options('/:collectionId/items/:featureId', (c) => c.body(null, 204, { Allow: allowedOnItem(collectionOr404(c.req.param('collectionId'))).join(', ') }))
    .post('/:collectionId/items', featureBody, async (c) => {
      const collection = writable(c, allowedOnItems);
      const saved = save(c, collection, null, await readFeature(c), null);
      return answer(c, collection, saved.id, 201);
    })
    .put('/:collectionId/items/:featureId', featureBody, async (c) => {
      const collection = writable(c, allowedOnItem);
      const id = c.req.param('featureId');
      const current = existing(deps, collection, id);
      const feature = await readFeature(c);
      save(c, collection, id, feature, current.properties);
      return answer(c, collection, id, 200);
    })
    .patch('/:collectionId/items/:featureId', featureBody, async (c) => {
      const collection = writable(c, allowedOnItem);
      const id = c.req.param('featureId');
      const current = existing(deps, collection, id);
      const patch = await readFeature(c);
      save(c, collection, id, { properties: patch.properties, geometry: patch.geometry ?? current.geometry }, current.properties);
      return answer(c, collection, id, 200);
    })
    .delete('/:collectionId/items/:featureId', (c) => {
      const collection = writable(c, allowedOnItem);
      c.header('Allow', allowedOnItem(collection).join(', '));
      throw new ApiError(
        405,
        'method_not_allowed',
        `a deletion names the source it is made on, which ${c.req.method} cannot carry: delete the feature in the app (its edit form); this item answers ${allowedOnItem(collection).join(', ')}`,
      );
    });
}
