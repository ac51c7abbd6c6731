import { Hono } from 'hono';
import type { Collection } from '../../catalog/define.ts';
import { CATALOG } from '../../catalog/index.ts';
import { parseQuery } from '../../catalog/params.ts';
import { JSON_TYPE, respondCached } from '../../http/cached-response.ts';
import { paramContext } from '../../http/params.ts';
import { resolveLicences } from '../../catalog/licences.ts';
import { collectionDocument, extentOf, SCHEMA_TYPE } from '../../ogc/documents.ts';
import { documentParams } from '../../ogc/params.ts';
import { queryables } from '../../ogc/queryables.ts';
import type { RouteDeps } from '../deps.ts';
import { collectionQuery, ogcBase, ogcQuery } from './request.ts';

/** GET /ogc/collections, /ogc/collections/{id} and /ogc/collections/{id}/queryables, for every catalog collection. */
export function ogcCollectionRoutes(deps: RouteDeps) {
  const query = ogcQuery(deps, documentParams);
  const ofCollection = collectionQuery(deps, () => documentParams);

  /** The description of a collection; its spatial extent comes from its features as built by default. */
  const describe = (c: Collection, base: string, today: string) => {
    const data = deps.data();
    const defaults = parseQuery(c.buildParams, {}, paramContext(data)) as Record<string, unknown>;
    return collectionDocument(
      c,
      base,
      extentOf(deps.built.get(c, data, defaults)),
      { today, province: data.province },
      resolveLicences(c.licences, c.unitSet, data),
    );
  };

  return new Hono()
    .get('/', query, (c) => {
      const { today } = c.req.valid('query');
      const base = ogcBase(c);
      return respondCached(c, deps.cache, { base, today }, JSON_TYPE, () => ({
        links: [{ href: `${base}/collections`, rel: 'self', type: 'application/json', title: 'the collections' }],
        collections: (CATALOG as unknown as Collection[]).map((k) => describe(k, base, today)),
      }));
    })
    .get('/:collectionId', ofCollection, (c) => {
      const { collection, today } = c.req.valid('query');
      const base = ogcBase(c);
      return respondCached(c, deps.cache, { base, today }, JSON_TYPE, () => describe(collection, base, today));
    })
    .get('/:collectionId/queryables', ofCollection, (c) => {
      const { collection } = c.req.valid('query');
      const base = ogcBase(c);
      return respondCached(c, deps.cache, { base }, SCHEMA_TYPE, () =>
        queryables(collection, `${base}/collections/${collection.id}/queryables`, deps.data().province),
      );
    });
}
