import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OgcApiEndpoint } from '@camptocamp/ogc-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collection } from '../../server/catalog/define.ts';
import { CATALOG } from '../../server/catalog/index.ts';
import { forProvince } from '../../server/catalog/province-text.ts';
import { committedProvince } from '../helpers/test-app.ts';
import { type RunningServer, startServer } from './harness.ts';

/**
 * Real OGC API clients against the real server on a port: GDAL's ogrinfo and ogr2ogr (Debian's
 * gdal-bin, 3.6: no Part 2, pages of 10 unless told PAGE_SIZE), PROJ's cs2cs (proj-bin) for
 * the EPSG:9205 output, and @camptocamp/ogc-client, a JS client as a web app would use it.
 */

const run = promisify(execFile);
const collections = CATALOG as unknown as Collection[];
const EPSG9205 = 'http://www.opengis.net/def/crs/EPSG/0/9205';

let server: RunningServer;
let dir: string;
let ogc: string;

beforeAll(async () => {
  server = await startServer({ client: false });
  ogc = `${server.origin}/ogc`;
  dir = mkdtempSync(join(tmpdir(), 'ogc-clients-'));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function getJson(url: string) {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return res.json();
}

/** Feature counts per layer, as `ogrinfo -so` reports them. */
async function layerCounts(source: string, ...args: string[]): Promise<Record<string, number>> {
  const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', ...args, source], { maxBuffer: 64 << 20 });
  const counts: Record<string, number> = {};
  for (const block of stdout.split(/^Layer name: /m).slice(1)) counts[block.split('\n')[0].trim()] = Number(/Feature Count: (\d+)/.exec(block)?.[1]);
  return counts;
}

/** Every vertex of a polygon collection, keyed by feature code. */
function vertices(fc: { features: { properties: { code: string }; geometry: { type: string; coordinates: any } }[] }): Map<string, number[][]> {
  return new Map(fc.features.map((f) => [f.properties.code, (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2)]));
}

describe('GDAL (ogrinfo, ogr2ogr)', () => {
  it('ogrinfo lists every collection with its title', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-q', `OAPIF:${ogc}`]);
    expect([...stdout.matchAll(/^\d+: (\S+) /gm)].map((m) => m[1])).toEqual(collections.map((c) => c.id));
    for (const c of collections) expect(stdout).toContain(`: ${c.id} (title: ${forProvince(c.title, committedProvince()).vi})`);
  });

  it('ogr2ogr copies every collection completely (counts equal the API’s) into a GeoPackage', async () => {
    const gpkg = join(dir, 'all.gpkg');
    await run('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${ogc}`, '-oo', 'PAGE_SIZE=1000'], { timeout: 120_000 });
    const copied = await layerCounts(gpkg);
    for (const c of collections) {
      const { numberMatched, numberReturned } = await getJson(`${ogc}/collections/${c.id}/items?limit=10000`);
      expect(numberReturned).toBe(numberMatched);
      expect(copied[c.id], c.id).toBe(numberMatched);
      if (c.api) expect(copied[c.id], `${c.id} vs /api${c.api.path}`).toBe((await getJson(`${server.origin}/api${c.api.path}`)).features.length);
    }
    expect(copied['communes-2020']).toBe(129);
    expect(copied['communes-2019']).toBe(130);
    expect(copied['communes-2025']).toBe(45);
    // Values survive: names in NFC Vietnamese, coordinates as served.
    const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, 'communes-2020', '-where', "code = '03346'"]);
    const thanhYen = JSON.parse(stdout).features[0];
    const served = await getJson(`${ogc}/collections/communes-2020/items/03346`);
    expect(thanhYen.properties).toMatchObject({ name: 'Thanh Yên', districtName: 'Điện Biên', ntmStatus: 'standard', ntmYear: 2017 });
    expect(thanhYen.geometry).toEqual(served.geometry);
  }, 180_000);

  it('ogr2ogr pages by next: 20 at a time, it still copies all 130 communes of 2019', async () => {
    const gpkg = join(dir, 'paged.gpkg');
    const { stderr } = await run('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${ogc}`, 'communes-2019', '-oo', 'PAGE_SIZE=20', '--config', 'CPL_DEBUG', 'ON'], {
      maxBuffer: 64 << 20,
    });
    expect((await layerCounts(gpkg))['communes-2019']).toBe(130);
    expect(stderr).toContain('communes-2019/items?limit=20&offset=120');
  }, 60_000);

  it('EPSG:9205 from /ogc equals GDAL’s own reprojection of the CRS84 copy, vertex by vertex, within 2 cm', async () => {
    const gpkg = join(dir, 'grid.gpkg');
    await run('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${ogc}`, 'communes-2020', '-oo', 'PAGE_SIZE=1000', '-t_srs', 'EPSG:9205']);
    const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, 'communes-2020'], { maxBuffer: 64 << 20 });
    const byGdal = vertices(JSON.parse(stdout));
    const ours = vertices(await getJson(`${ogc}/collections/communes-2020/items?limit=1000&crs=${encodeURIComponent(EPSG9205)}`));
    expect(byGdal.size).toBe(129);
    let n = 0;
    for (const [code, points] of ours) {
      const theirs = byGdal.get(code)!;
      expect(theirs).toHaveLength(points.length);
      expect(Math.max(...points.map((p, i) => Math.hypot(p[0] - theirs[i][0], p[1] - theirs[i][1]))), code).toBeLessThan(0.02);
      n += points.length;
    }
    expect(n).toBeGreaterThan(5000);
  }, 60_000);
});

describe('PROJ (cs2cs)', () => {
  it('every vertex of the communes in EPSG:9205 is within 2 cm of cs2cs applied to the CRS84 vertex', async () => {
    const geographic = vertices(await getJson(`${ogc}/collections/communes-2020/items?limit=1000`));
    const projected = vertices(await getJson(`${ogc}/collections/communes-2020/items?limit=1000&crs=${encodeURIComponent(EPSG9205)}`));
    const codes = [...geographic.keys()];
    const input = codes.flatMap((c) => geographic.get(c)!.map((p) => `${p[0]} ${p[1]}`)).join('\n');
    const child = execFile('cs2cs', ['-f', '%.4f', 'OGC:CRS84', 'EPSG:9205'], { maxBuffer: 64 << 20 });
    child.stdin!.end(input);
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
    });
    await new Promise((resolve) => child.once('close', resolve));
    const expected = out
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/).map(Number));
    const ours = codes.flatMap((c) => projected.get(c)!);
    expect(ours).toHaveLength(expected.length);
    expect(Math.max(...ours.map((p, i) => Math.hypot(p[0] - expected[i][0], p[1] - expected[i][1])))).toBeLessThan(0.02);
  }, 60_000);
});

describe('@camptocamp/ogc-client', () => {
  it('opens the service, lists the collections and reads items and one feature', async () => {
    const endpoint = new OgcApiEndpoint(ogc);
    expect((await endpoint.info).title).toContain('Điện Biên');
    expect(await endpoint.conformanceClasses).toContain('http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs');
    expect(await endpoint.featureCollections).toEqual(collections.map((c) => c.id));
    const info = await endpoint.getCollectionInfo('communes-2020');
    expect(info).toMatchObject({ id: 'communes-2020', itemFormats: ['application/geo+json'] });
    expect(info.crs).toContain(EPSG9205);
    expect(info.queryables.map((q) => q.name)).toEqual(expect.arrayContaining(['ntmStatus', 'districtCode']));
    const items = await endpoint.getCollectionItems('ocop-products', 5, 0);
    expect(items).toHaveLength(5);
    expect(((await endpoint.getCollectionItem('communes-2020', '03346')) as any).properties.name).toBe('Thanh Yên');
  }, 60_000);
});
