import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../server/catalog/define.ts';
import { CATALOG } from '../../server/catalog/index.ts';
import { ERROR_CODE_LIST } from '../../server/catalog/error-codes.ts';
import { featureParams, itemsParams } from '../../server/ogc/params.ts';
import { getJson, testApp } from '../helpers/test-app.ts';

/** /ogc/api: the OpenAPI 3.0 document generated from the catalog, as GDAL and QGIS read it. */

const { app } = testApp();
const collections = CATALOG as unknown as Collection[];
const { headers, body: doc } = await getJson(app, '/ogc/api');

/** An operation's query parameters by name. */
const queryOf = (path: string) => Object.fromEntries(doc.paths[path].get.parameters.filter((p: any) => p.in === 'query').map((p: any) => [p.name, p]));

describe('GET /ogc/api', () => {
  it('is OpenAPI 3.0 as JSON, with the OGC media type, valid by the OpenAPI schema', async () => {
    expect(headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json;version=3\.0/);
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.servers).toEqual([{ url: 'http://localhost/ogc' }]);
    await SwaggerParser.validate(structuredClone(doc));
  });

  it('writes out every collection’s paths concretely (GDAL reads limit from /collections/<id>/items)', () => {
    const expected = collections.flatMap((c) => [
      `/collections/${c.id}`,
      `/collections/${c.id}/items`,
      `/collections/${c.id}/items/{featureId}`,
      `/collections/${c.id}/queryables`,
    ]);
    expect(Object.keys(doc.paths)).toEqual(['/', '/conformance', '/api', '/collections', ...expected]);
    expect(Object.keys(doc.paths).filter((p) => p.includes('{collectionId}'))).toEqual([]);
  });

  it('declares limit with its default and maximum on each items path and in components.parameters (QGIS)', () => {
    const limit = {
      name: 'limit',
      in: 'query',
      required: false,
      style: 'form',
      explode: false,
      schema: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
    };
    expect(doc.components.parameters.limit).toMatchObject(limit);
    for (const c of collections) expect(queryOf(`/collections/${c.id}/items`).limit).toMatchObject(limit);
  });

  it.each(collections.map((c) => [c.id, c] as const))(
    '%s: declares exactly the parameters its routes accept, each with in, style: form, explode: false and a schema',
    (id, c) => {
      for (const [path, params] of [
        [`/collections/${id}/items`, itemsParams(c)],
        [`/collections/${id}/items/{featureId}`, featureParams(c)],
        [`/collections/${id}`, { f: null }],
        [`/collections/${id}/queryables`, { f: null }],
      ] as const) {
        const declared = queryOf(path);
        expect(Object.keys(declared), path).toEqual(Object.keys(params));
        for (const p of Object.values(declared) as any[]) {
          expect(p, `${path} ${p.name}`).toMatchObject({
            in: 'query',
            style: 'form',
            explode: false,
            schema: expect.objectContaining({ type: expect.any(String) }),
          });
          expect(p.description.length).toBeGreaterThan(10);
        }
      }
      expect(doc.paths[`/collections/${id}/items/{featureId}`].get.parameters[0]).toMatchObject({ name: 'featureId', in: 'path', required: true });
    },
  );

  it.each(collections.map((c) => [c.id, c] as const))(
    '%s: every declared parameter is taken by the route, and a bad value of each is a 400 naming it',
    async (id) => {
      for (const [name, p] of Object.entries(queryOf(`/collections/${id}/items`)) as [string, any][]) {
        const bad = p.schema.type === 'integer' ? '-1.5' : p.schema.maxLength ? 'x'.repeat(p.schema.maxLength + 1) : 'not-a-valid-value';
        const { status, body } = await getJson(app, `/ogc/collections/${id}/items?${name}=${bad}`);
        expect(status, `${id} ${name}`).toBe(400);
        expect(body.error.code, `${id} ${name}`).toBe('invalid_parameter');
        expect(body.error.message).toContain(name);
      }
    },
  );

  it('describes the items response: GeoJSON with the collection’s property schema, and the Content-Crs header', () => {
    const ok = doc.paths['/collections/communes-2020/items'].get.responses['200'];
    expect(ok.headers['Content-Crs']).toBeDefined();
    expect(ok.content['application/geo+json'].schema).toEqual({ $ref: '#/components/schemas/communes-2020.featureCollection' });
    const properties = doc.components.schemas['communes-2020.properties'];
    expect(properties.properties.ntmStatus).toMatchObject({ type: 'string', enum: ['urban', 'none', 'basic', 'standard', 'advanced', 'model'] });
    expect(properties.properties.districtCode.nullable).toBe(true);
    expect(doc.paths['/collections/communes-2020/items'].get.responses['400'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/error',
    });
  });

  it('lists every declared error code in the error schema, from the one list (server/catalog/error-codes.ts)', () => {
    const error = doc.components.schemas.error.properties.error;
    expect(error.properties.code).toEqual({ type: 'string', enum: ERROR_CODE_LIST });
    expect(error.required).toEqual(['code', 'message']);
    expect(error.properties.fields.additionalProperties).toEqual({ type: 'string' });
  });
});
