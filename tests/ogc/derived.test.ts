import { describe, expect, it, vi } from 'vitest';
import { getJson, testApp } from '../helpers/test-app.ts';

/**
 * The OGC API is derived from the catalog: a collection added there (here by mocking the
 * catalog with one more, a dated one with its own filter) appears in /ogc, in the OpenAPI
 * document and in the queryables with no OGC code changed.
 */

vi.mock('../../server/catalog/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/catalog/index.ts')>();
  const { booleanParam } = await import('../../server/catalog/params.ts');
  const { propertyFilter } = await import('../../server/catalog/define.ts');
  const extra = {
    ...original.communes2019,
    id: 'disputed-communes',
    family: 'disputed-communes',
    title: { vi: 'Xã có nguồn mâu thuẫn', en: 'Communes with conflicting sources' },
    filters: { disputed: propertyFilter(booleanParam('Only disputed (true) or undisputed (false) communes.'), (p: any, v: boolean) => p.disputed === v) },
    api: null,
  };
  const catalog = [...original.CATALOG, extra];
  return { ...original, CATALOG: catalog, collectionById: (id: string) => catalog.find((c) => c.id === id) };
});

const { app } = testApp();

describe('a collection added to the catalog', () => {
  it('is listed and described', async () => {
    expect((await getJson(app, '/ogc/collections')).body.collections.map((c: any) => c.id)).toContain('disputed-communes');
    const { body } = await getJson(app, '/ogc/collections/disputed-communes');
    expect(body).toMatchObject({
      id: 'disputed-communes',
      title: 'Xã có nguồn mâu thuẫn',
      extent: { temporal: { interval: [['2010-01-01T00:00:00+07:00', '2019-12-31T23:59:59+07:00']] } },
    });
  });

  it('serves its items with its own filter and the as-of date', async () => {
    const { body } = await getJson(app, '/ogc/collections/disputed-communes/items?disputed=false&datetime=2018-12-31&limit=1000');
    expect(body).toMatchObject({ unitSet: '2019', asOf: '2018-12-31' });
    expect(body.numberMatched).toBeGreaterThan(100);
    expect(body.features.every((f: any) => f.properties.disputed === false)).toBe(true);
    expect((await getJson(app, '/ogc/collections/disputed-communes/items?district=100')).status).toBe(400);
  });

  it('has its paths and parameters in the OpenAPI document, and its queryables', async () => {
    const { body: doc } = await getJson(app, '/ogc/api');
    const names = doc.paths['/collections/disputed-communes/items'].get.parameters.map((p: any) => p.name);
    expect(names).toEqual(['limit', 'offset', 'bbox', 'bbox-crs', 'datetime', 'disputed', 'crs', 'f']);
    expect(doc.components.schemas['disputed-communes.properties'].properties.disputed).toMatchObject({ type: 'boolean' });
    const { body } = await getJson(app, '/ogc/collections/disputed-communes/queryables');
    expect(body.properties.disputed).toMatchObject({ type: 'boolean' });
  });
});
