import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Pbf } from 'pbf';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { NATIONAL_YEARS, nationalStatusResponse } from '../../server/catalog/collections/national.ts';
import { openNationalDataset } from '../../server/tiles/national-dataset.ts';
import { TileSet } from '../../server/tiles/tile-set.ts';
import { synthesize } from '../../scripts/national/synthesize.ts';
import { writeDataset } from '../../scripts/national/write.ts';
import { GEODATA_DIR, seededDatabase } from '../helpers/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'national-'));
const data = synthesize({ seed: 11, scale: 0.03 });
writeDataset(dir, data);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const db = seededDatabase();
const app = createApp({ db, config: { clientDir: null, geodataDir: GEODATA_DIR, tiles: new TileSet(openNationalDataset(dir)) } });
const bare = createApp({ db, config: { clientDir: null, geodataDir: GEODATA_DIR } });

/** The tile at a zoom that holds a lon/lat (slippy-map numbering). */
function tileAt(z: number, lon: number, lat: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

/** A point inside a commune: the middle of its first two ring points and the ring's centre of mass is close enough for a grid cell. */
function centreOf(ring: number[][]) {
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] as const;
}

async function errorOf(path: string) {
  const res = await app.request(path);
  return { status: res.status, type: res.headers.get('Content-Type'), body: (await res.json()) as { error: { code: string; message: string } } };
}

describe('GET /api/tiles', () => {
  it('lists the tiled collections, marked synthetic, with their TileJSON', async () => {
    const res = await app.request('/api/tiles');
    const body = await res.json();
    expect(body.synthetic).toBe(true);
    expect(body.notice.en).toMatch(/SYNTHETIC/);
    expect(body.collections.map((c: { id: string }) => c.id)).toEqual([
      'national-provinces-2020',
      'national-districts-2020',
      'national-communes-2020',
      'national-units-2025',
    ]);
    for (const c of body.collections) expect(c.title.en).toMatch(/SYNTHETIC/);
    const tj = await (await app.request('/api/tiles/national-communes-2020')).json();
    expect(tj).toMatchObject({ tilejson: '3.0.0', minzoom: 7, maxzoom: 12, synthetic: true });
    const [w, south, e, n] = tj.bounds;
    // The synthetic box (102.2–109.4 E, 8.6–23.3 N), give or take the wiggle of its edges.
    expect(w).toBeCloseTo(102.2, 0);
    expect(e).toBeCloseTo(109.4, 0);
    expect(south).toBeCloseTo(8.6, 0);
    expect(n).toBeCloseTo(23.3, 0);
    expect(w).toBeLessThan(e);
    expect(tj.tiles[0]).toMatch(/\/api\/tiles\/national-communes-2020\/\{z\}\/\{x\}\/\{y\}\.pbf$/);
    expect(tj.vector_layers[0]).toMatchObject({ id: 'national-communes-2020', fields: { id: 'Number', code: 'String', synthetic: 'Boolean' } });
  });

  it('is empty, and its tiles are 404s with the error envelope, when no dataset is configured', async () => {
    expect(await (await bare.request('/api/tiles')).json()).toEqual({ synthetic: false, collections: [] });
    const res = await bare.request('/api/tiles/national-communes-2020/7/101/58.pbf');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/NATIONAL_DIR/);
  });
});

describe('GET /api/tiles/{collection}/{z}/{x}/{y}.pbf', () => {
  const commune = data.communes.features[Math.floor(data.communes.features.length / 2)]!;
  const [lon, lat] = centreOf(commune.geometry.coordinates[0]!);

  it('sends an MVT whose layer holds the communes with their properties and numeric ids, and no statuses', async () => {
    const { z, x, y } = tileAt(10, lon, lat);
    const res = await app.request(`/api/tiles/national-communes-2020/${z}/${x}/${y}.pbf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=\d+/);
    const etag = res.headers.get('ETag');
    expect(etag).toBeTruthy();
    const tile = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer())));
    expect(Object.keys(tile.layers)).toEqual(['national-communes-2020']);
    const layer = tile.layers['national-communes-2020']!;
    expect(layer.extent).toBe(4096);
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    const found = features.find((f) => f.id === commune.id);
    expect(found, `commune ${commune.properties.code} in its tile`).toBeDefined();
    expect(found!.type).toBe(3);
    expect(found!.properties).toMatchObject({ code: commune.properties.code, name: commune.properties.name, synthetic: true, id: commune.id });
    for (const f of features) {
      expect(Object.keys(f.properties)).not.toContain('ntmStatus');
      expect(f.properties.synthetic).toBe(true);
    }
    const geo = found!.toGeoJSON(x, y, z);
    expect(geo.geometry.type).toMatch(/Polygon/);

    expect((await app.request(`/api/tiles/national-communes-2020/${z}/${x}/${y}.pbf`, { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  it('compresses when asked, simplifies low zooms, and answers 204 for an empty tile', async () => {
    const high = tileAt(9, lon, lat);
    const gz = await app.request(`/api/tiles/national-units-2025/${high.z}/${high.x}/${high.y}.pbf`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    // app.request does not decode: the body is gzip.
    const raw = gunzipSync(Buffer.from(await gz.arrayBuffer()));
    expect(new VectorTile(new Pbf(raw)).layers['national-units-2025']!.length).toBeGreaterThan(0);

    const vertices = async (z: number) => {
      const t = tileAt(z, lon, lat);
      const res = await app.request(`/api/tiles/national-provinces-2020/${t.z}/${t.x}/${t.y}.pbf`);
      const layer = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer()))).layers['national-provinces-2020']!;
      let n = 0;
      for (let i = 0; i < layer.length; i++) for (const ring of layer.feature(i).loadGeometry()) n += ring.length;
      return n;
    };
    const source = data.provinces.features.reduce((n, f) => n + JSON.stringify(f.geometry).split('],[').length, 0);
    expect(await vertices(0)).toBeLessThan(source / 4);

    const ocean = tileAt(8, 150, -40);
    const empty = await app.request(`/api/tiles/national-provinces-2020/${ocean.z}/${ocean.x}/${ocean.y}.pbf`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('refuses bad addresses with 400 and unknown collections or zooms outside the collection with 404, in the error envelope', async () => {
    for (const path of [
      'national-communes-2020/7/128/58.pbf',
      'national-communes-2020/7/-1/58.pbf',
      'national-communes-2020/7/1/58.png',
      'national-communes-2020/x/1/1.pbf',
      'national-communes-2020/25/1/1.pbf',
      'national-communes-2020/7/1/1e2.pbf',
    ]) {
      const e = await errorOf(`/api/tiles/${path}`);
      expect(e.status, path).toBe(400);
      expect(e.type).toMatch(/application\/json/);
      expect(e.body.error.code).toBe('invalid_tile');
    }
    const unknown = await errorOf('/api/tiles/communes-2020/7/101/58.pbf');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/national-communes-2020/);
    const query = await errorOf('/api/tiles/national-communes-2020/7/101/58.pbf?year=2024');
    expect(query.status).toBe(400);
    expect(query.body.error.code).toBe('unknown_parameter');
    const tooFar = await errorOf('/api/tiles/national-communes-2020/3/6/3.pbf');
    expect(tooFar.status).toBe(404);
    expect(tooFar.body.error.message).toMatch(/zoom 7–12/);
  });
});

describe('GET /api/tiles/{collection}/statuses/{year}', () => {
  it('gives every feature’s status rank for the year, from the dataset, marked synthetic', async () => {
    for (const year of [NATIONAL_YEARS[0], NATIONAL_YEARS.at(-1)!]) {
      const res = await app.request(`/api/tiles/national-communes-2020/statuses/${year}`);
      expect(res.status).toBe(200);
      const body = nationalStatusResponse.parse(await res.json());
      expect(body.synthetic).toBe(true);
      expect(body.asOf).toBe(year === 2025 ? '2025-06-30' : `${year}-12-31`);
      expect(Object.keys(body.ranks)).toHaveLength(data.communes.features.length);
      const i = NATIONAL_YEARS.indexOf(year);
      for (const [id, digits] of Object.entries(data.statuses.ranks['national-communes-2020']!)) expect(body.ranks[id]).toBe(Number(digits[i]));
    }
    const units = nationalStatusResponse.parse(await (await app.request('/api/tiles/national-units-2025/statuses/2024')).json());
    expect(Object.keys(units.ranks)).toHaveLength(data.units2025.features.length);
  });

  it('refuses a year outside 2020–2025 and collections without statuses', async () => {
    for (const year of ['2019', '2026', 'abc', '2020.5']) {
      const e = await errorOf(`/api/tiles/national-communes-2020/statuses/${year}`);
      expect(e.status).toBe(400);
      expect(e.body.error.code).toBe('invalid_year');
    }
    const e = await errorOf('/api/tiles/national-provinces-2020/statuses/2020');
    expect(e.status).toBe(404);
    expect(e.body.error.code).toBe('not_found');
  });
});

describe('hostile tile paths', () => {
  const segment = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', '..', '%2e%2e', '%00', '-1', '1e3', '0x10', '99999999999', '7', '12', 'statuses', '2024', 'a.pbf', '1.pbf'),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );
  it('never fail on the server, and every error is the JSON envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 0, maxLength: 5 }),
        fc.option(fc.string({ maxLength: 8 }).map(encodeURIComponent)),
        async (parts, query) => {
          const path = `/api/tiles/${['national-communes-2020', ...parts].join('/')}${query ? `?${query}=1` : ''}`;
          const res = await app.request(path);
          expect(res.status, path).toBeLessThan(500);
          if (res.status >= 400) expect(((await res.json()) as { error: { code: string } }).error.code, path).toMatch(/^[a-z_]+$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a NATIONAL_DIR that is not a dataset', () => {
  it('fails with a message naming the missing file', () => {
    const empty = mkdtempSync(join(tmpdir(), 'national-empty-'));
    expect(() => openNationalDataset(empty)).toThrow(/manifest\.json/);
    writeFileSync(join(empty, 'manifest.json'), JSON.stringify({ synthetic: false }));
    writeFileSync(join(empty, 'statuses.json'), '{}');
    expect(() => openNationalDataset(empty)).toThrow(/not a synthetic national dataset/);
    rmSync(empty, { recursive: true, force: true });
  });
});
