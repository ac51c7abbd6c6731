import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../server/catalog/define.ts';
import { CATALOG } from '../../server/catalog/index.ts';
import { forProvince, jsonSchemaFor } from '../../server/catalog/province-text.ts';
import { committedProvince, getJson, testApp } from '../helpers/test-app.ts';

const PROVINCE = committedProvince();

/** The OGC API's documents: landing page, conformance, collections, queryables (through app.request()). */

const { app } = testApp();
const BASE = 'http://localhost/ogc';
const collections = CATALOG as unknown as Collection[];

describe('GET /ogc (landing page)', () => {
  it('links self, service-desc (OpenAPI 3.0 JSON), conformance and data, as QGIS requires', async () => {
    const { status, headers, body } = await getJson(app, '/ogc');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.title).toContain('Điện Biên');
    const byRel = Object.fromEntries(body.links.map((l: any) => [l.rel, l]));
    expect(byRel).toMatchObject({
      self: { href: BASE, type: 'application/json' },
      'service-desc': { href: `${BASE}/api`, type: 'application/vnd.oai.openapi+json;version=3.0' },
      conformance: { href: `${BASE}/conformance`, type: 'application/json' },
      data: { href: `${BASE}/collections`, type: 'application/json' },
    });
  });

  it('answers every linked document', async () => {
    const { body } = await getJson(app, '/ogc');
    for (const link of body.links) expect((await app.request(link.href)).status, link.href).toBe(200);
  });
});

describe('GET /ogc/conformance', () => {
  it('declares Part 1 core, GeoJSON and OpenAPI 3.0, Part 2 CRS, and Part 4 writes', async () => {
    const { body } = await getJson(app, '/ogc/conformance');
    expect(body.conformsTo).toEqual([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
      'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete',
      'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update',
    ]);
  });
});

describe('GET /ogc/collections', () => {
  it('lists every catalog collection, in catalog order', async () => {
    const { body } = await getJson(app, '/ogc/collections');
    expect(body.collections.map((c: any) => c.id)).toEqual(collections.map((c) => c.id));
    expect(body.links).toEqual([{ href: `${BASE}/collections`, rel: 'self', type: 'application/json', title: 'the collections' }]);
  });

  it.each(collections.map((c) => [c.id, c] as const))('%s: titles, CRSs, links, and a spatial extent from its data inside the province', async (id, c) => {
    const { body } = await getJson(app, `/ogc/collections/${id}`);
    expect(body).toMatchObject({
      id,
      title: forProvince(c.title, PROVINCE).vi,
      itemType: 'feature',
      crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'http://www.opengis.net/def/crs/EPSG/0/9205'],
      storageCrs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
    });
    expect(body.description).toContain(forProvince(c.description, PROVINCE).en);
    const rels = body.links.map((l: any) => [l.rel, l.type]);
    expect(rels).toEqual(
      expect.arrayContaining([
        ['self', 'application/json'],
        ['items', 'application/geo+json'],
        ['http://www.opengis.net/def/rel/ogc/1.0/queryables', 'application/schema+json'],
      ]),
    );
    if (c.licences.includes('boundaries')) expect(body.links).toContainEqual(expect.objectContaining({ rel: 'license', title: 'GADM 4.1' }));
    if (c.geometry) {
      const [[w, s, e, n]] = body.extent.spatial.bbox;
      const [pw, ps, pe, pn] = PROVINCE.bounds;
      expect(w < e && s < n && w >= pw && s >= ps && e <= pe && n <= pn).toBe(true);
      expect(body.extent.spatial.crs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
    } else expect(body.extent.spatial).toBeUndefined();
  });

  it('gives dated collections the range of dates they answer for, as whole days in Vietnam', async () => {
    const { body } = await getJson(app, '/ogc/collections/communes-2020');
    expect(body.extent.temporal.interval).toEqual([['2010-01-01T00:00:00+07:00', '2025-06-30T23:59:59+07:00']]);
    expect((await getJson(app, '/ogc/collections/zones')).body.extent.temporal).toBeUndefined();
  });

  it.each(['nope', 'toString', '__proto__', 'constructor', 'COMMUNES-2020'])('404 for an unknown collection "%s", naming the ones that exist', async (id) => {
    for (const path of [`/ogc/collections/${id}`, `/ogc/collections/${id}/items`, `/ogc/collections/${id}/items/03346`, `/ogc/collections/${id}/queryables`]) {
      const { status, body } = await getJson(app, path);
      expect(status, path).toBe(404);
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toContain('communes-2020');
    }
  });
});

describe('GET /ogc/collections/{id}/queryables', () => {
  it.each(collections.map((c) => [c.id, c] as const))('%s: the JSON Schema of its properties, from the catalog’s zod schema', async (id, c) => {
    const { status, headers, body } = await getJson(app, `/ogc/collections/${id}/queryables`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(body).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${BASE}/collections/${id}/queryables`, type: 'object' });
    const fromZod = jsonSchemaFor(c.properties, PROVINCE) as { properties: object };
    const { geometry, ...properties } = body.properties;
    expect(properties).toEqual(fromZod.properties);
    expect(geometry).toEqual(c.geometry ? { format: c.geometry === 'point' ? 'geometry-point' : 'geometry-polygon-or-multipolygon' } : undefined);
  });
});

describe('documentation', () => {
  it('README and docs/API.md name every collection the OGC API serves', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const api = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'API.md'), 'utf8');
    for (const c of collections) {
      expect(readme, c.id).toContain(`\`${c.id}\``);
      expect(api.slice(api.indexOf('## OGC API')), c.id).toContain(`\`${c.id}\``);
    }
  });
});

describe('parameters of the documents', () => {
  it.each(['/ogc', '/ogc/conformance', '/ogc/collections', '/ogc/collections/zones', '/ogc/api'])('%s takes f=json, and nothing else', async (path) => {
    expect((await app.request(`${path}?f=json`)).status).toBe(200);
    const html = await getJson(app, `${path}?f=html`);
    expect(html).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter' } } });
    expect(html.body.error.message).toContain('f must be one of json');
    const unknown = await getJson(app, `${path}?limit=10`);
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'unknown_parameter' } } });
    expect(unknown.body.error.message).toContain('"limit"');
  });
});
