import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from '../../server/http/cached-response.ts';
import { toJsonBody, toJsonBytes } from '../../server/http/json-body.ts';

const toJson = (body: unknown) => toJsonBytes(body).toString();
import { createApp } from '../../server/app.ts';
import { GEODATA_DIR, getJson, seededDatabase, testApp } from '../helpers/test-app.ts';

const settle = () => new Promise((r) => setTimeout(r, 50));
/** Waits until every compression of the entry has finished and been counted. */
async function idle(entry: { encoded: object }) {
  for (let i = 0; i < 200; i++) {
    await settle();
    if ((Object.values(entry.encoded) as { bytes: number }[]).every((r) => r.bytes > 0)) return;
  }
}

describe('JSON with geometry serialised once', () => {
  it('is byte for byte JSON.stringify, for every layer', async () => {
    const { app } = testApp();
    for (const path of [
      // Dates apart and back again: features written for one date are spliced into the next where unchanged.
      ...['2016-01-01', '2019-12-31', '2021-06-30', '2023-03-15', '2019-12-31', '2025-06-30'].map((d) => `/api/communes?asOf=${d}`),
      '/api/districts',
      '/api/zones',
      '/api/zones?skipGeometry=true',
      '/api/communes?skipGeometry=true',
      '/api/products',
      '/api/units?set=2025',
      '/api/units/merged-history',
      '/api/stats',
    ]) {
      const { body } = await getJson(app, path);
      expect(toJson(body), path).toBe(JSON.stringify(body));
    }
  });

  it.each([
    [
      'null, non-object and nested geometries',
      { features: [{ geometry: null }, { geometry: 'x' }, { properties: { geometry: { type: 'Point', coordinates: [1, 2] } } }] },
    ],
    ['geometry not last', { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { a: 1 } }],
    ['features not last', { features: [{ geometry: { type: 'Point', coordinates: [1, 2] } }], type: 'FeatureCollection' }],
    ['no other members', { features: [{ geometry: { type: 'Point', coordinates: [1, 2] } }, undefined, 3, [4]] }],
    [
      'undefined members and Dates',
      { a: undefined, when: new Date(0), features: [{ id: undefined, p: new Date(0), geometry: { type: 'Point', coordinates: [1, 2] } }] },
    ],
    ['an empty collection', { type: 'FeatureCollection', features: [] }],
    [
      'runs of features without geometry between features with one',
      {
        type: 'FeatureCollection',
        features: [
          { id: 'a', geometry: null },
          { id: 'b', geometry: { type: 'Point', coordinates: [1, 2] } },
          { id: 'c', geometry: null },
          undefined,
          { id: 'd', geometry: { type: 'Point', coordinates: [3, 4] } },
          { id: 'e', geometry: { type: 'Point', coordinates: [5, 6] } },
          { id: 'f', geometry: null },
        ],
      },
    ],
    [
      'features with geometry first, a toJSON feature, nested collections',
      {
        features: [
          { geometry: { type: 'Point', coordinates: [1, 2] }, id: 1 },
          { toJSON: () => ({ geometry: { type: 'Point', coordinates: [3, 4] } }) },
          { type: 'Feature', properties: { features: [{ geometry: { type: 'Point', coordinates: [5, 6] } }] }, geometry: undefined },
        ],
        type: 'FeatureCollection',
      },
    ],
    ['a Feature alone', { type: 'Feature', id: 'x', properties: { name: 'Mường Ảng' }, geometry: { type: 'Point', coordinates: [103.2, 21.5] } }],
    ['not GeoJSON', { entries: [1, 'two', { geometry: { type: 'Point', coordinates: [1, 2] } }] }],
  ])('is JSON.stringify for %s', (_name, body) => {
    expect(toJson(body)).toBe(JSON.stringify(body));
  });

  it('writes a feature again when anything in it changed, however often its geometry comes back', () => {
    const geometry = { type: 'Point', coordinates: [103.01, 21.38] };
    const feature = (status: string, sources: unknown[] = []) => ({ type: 'Feature', id: '03124', properties: { status, sources }, geometry });
    const source = { title: 'QĐ 123/QĐ-UBND' };
    const bodies = [
      ...Array.from({ length: 12 }, (_, i) => feature(`s${i}`)),
      feature('s0'),
      feature('s0', [source]),
      feature('s0', [{ ...source }]),
      feature('s0', [source, source]),
      { type: 'Feature', properties: { status: 's0', sources: [] }, id: '03124', geometry },
    ].map((f) => ({ type: 'FeatureCollection', features: [f, feature('s1')] }));
    for (const body of [...bodies, ...bodies.reverse()]) expect(toJson(body)).toBe(JSON.stringify(body));
  });

  it('hashes equal bodies alike and any difference, in a geometry or around it, apart', () => {
    const point = (x: number) => ({ type: 'Point', coordinates: [x, 21.38] });
    const layer = (name: string, geometry: object) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name }, geometry }] });
    const hash = (body: unknown) => toJsonBody(body).hash;
    expect(hash(layer('Mường Phăng', point(103)))).toBe(hash(layer('Mường Phăng', point(103))));
    expect(hash(layer('Mường Phăng', point(103)))).not.toBe(hash(layer('Mường Phăng', point(104))));
    expect(hash(layer('Mường Phăng', point(103)))).not.toBe(hash(layer('Mường Pồn', point(103))));
    expect(hash({ a: 1 })).not.toBe(hash({ a: 2 }));
  });

  it('splits the head (the members before the first feature) from a tail hashed alike in layers of dates with the same features', () => {
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [103, 21],
          [103.1, 21],
          [103.1, 21.1],
          [103, 21],
        ],
      ],
    };
    const layer = (asOf: string, status: string) => ({
      type: 'FeatureCollection',
      asOf,
      features: [
        { type: 'Feature', id: '03124', properties: { status }, geometry },
        { type: 'Feature', id: '03125', properties: { status: 'none' }, geometry },
      ],
    });
    const [a, b, c] = [layer('2021-06-30', 'standard'), layer('2022-01-01', 'standard'), layer('2022-01-01', 'advanced')].map(toJsonBody);
    const head = '{"type":"FeatureCollection","asOf":"2021-06-30","features":['.length;
    expect([a!.head, b!.head, c!.head]).toEqual([head, head, head]);
    expect(a!.bytes.subarray(head).equals(b!.bytes.subarray(head))).toBe(true);
    expect(a!.tail).toBe(b!.tail);
    expect(a!.hash).not.toBe(b!.hash);
    expect(c!.tail).not.toBe(b!.tail);
    expect(c!.hash).not.toBe(b!.hash);
    const plain = toJsonBody({ a: 1 });
    expect(plain.head).toBe(plain.bytes.byteLength);
  });

  it('reads a geometry object once, however many responses it is in', () => {
    let reads = 0;
    const geometry = {
      type: 'Point',
      get coordinates() {
        reads++;
        return [103.01, 21.38];
      },
    };
    const first = toJson({ a: { geometry }, b: { geometry } });
    const second = toJson({ type: 'Feature', geometry });
    expect(reads).toBe(1);
    expect(first).toBe('{"a":{"geometry":{"type":"Point","coordinates":[103.01,21.38]}},"b":{"geometry":{"type":"Point","coordinates":[103.01,21.38]}}}');
    expect(second).toBe('{"type":"Feature","geometry":{"type":"Point","coordinates":[103.01,21.38]}}');
  });
});

describe('ResponseCache', () => {
  const body = (n: number) => ({ n, pad: 'x'.repeat(100_000) });
  const build = (n: number) => () => ({ body: body(n), contentType: 'application/json' });

  it('holds no more bytes than its budget, however many distinct keys are asked for', () => {
    const cache = new ResponseCache(() => '1', 1_000_000);
    for (let i = 0; i < 100; i++) {
      cache.get(`k${i}`, build(i));
      expect(cache.bytes).toBeLessThanOrEqual(1_000_000);
    }
    expect(cache.size).toBe(9);
    expect(cache.bytes).toBe(9 * Buffer.byteLength(JSON.stringify(body(99))));
  });

  it('drops the least recently used first', () => {
    const cache = new ResponseCache(() => '1', 350_000);
    const a = cache.get('a', build(1));
    cache.get('b', build(2));
    cache.get('c', build(3));
    expect(cache.get('a', build(1))).toBe(a); // a is now the most recent
    cache.get('d', build(4)); // drops b
    expect(cache.get('a', build(1))).toBe(a);
    let rebuilt = false;
    cache.get('b', () => {
      rebuilt = true;
      return build(2)();
    });
    expect(rebuilt).toBe(true);
  });

  it('sends but does not keep a body larger than the whole budget', () => {
    const cache = new ResponseCache(() => '1', 50_000);
    const entry = cache.get('big', build(1));
    expect(entry.body.byteLength).toBeGreaterThan(50_000);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('starts afresh when the data version changes', () => {
    let version = '1';
    const cache = new ResponseCache(() => version);
    cache.get('a', build(1));
    version = '2';
    cache.get('b', build(2));
    expect(cache.size).toBe(1);
  });

  it('compresses fast first, small once asked again; both decode to the body, and the bytes are counted', async () => {
    const cache = new ResponseCache(() => '1');
    const realistic = { features: Array.from({ length: 300 }, (_, i) => ({ id: i, name: `Xã số ${i}`, status: ['none', 'basic', 'standard'][i % 3] })) };
    const entry = cache.get('layer', () => ({ body: realistic, contentType: 'application/json' }));
    const fast = await cache.encoded(entry, 'br');
    await idle(entry);
    expect(cache.bytes).toBe(entry.body.byteLength + fast.byteLength);
    cache.get('layer', () => ({ body: realistic, contentType: 'application/json' })); // a hit
    expect(await cache.encoded(entry, 'br')).toBe(fast); // still the fast one while the small one is made
    await idle(entry);
    for (let i = 0; i < 100 && entry.encoded.br!.effort !== 'small'; i++) await settle();
    const small = await cache.encoded(entry, 'br');
    expect(entry.encoded.br!.effort).toBe('small');
    expect(small.byteLength).toBeLessThan(fast.byteLength);
    expect(brotliDecompressSync(small).equals(entry.body)).toBe(true);
    expect(brotliDecompressSync(fast).equals(entry.body)).toBe(true);
    expect(cache.bytes).toBe(entry.body.byteLength + small.byteLength);
    const gz = await cache.encoded(entry, 'gzip');
    expect(gunzipSync(gz).equals(entry.body)).toBe(true);
  });

  it('recompresses every entry asked again, one after another, none skipped while another is being done', async () => {
    const cache = new ResponseCache(() => '1');
    const body = (n: number) => ({ features: Array.from({ length: 2000 }, (_, i) => ({ id: i, layer: n, name: `Xã số ${i}` })) });
    const entries = [1, 2, 3].map((n) => cache.get(`layer-${n}`, () => ({ body: body(n), contentType: 'application/json' })));
    for (const e of entries) await cache.encoded(e, 'br');
    for (const e of entries) await idle(e);
    // Asked again at once: the three small compressions cannot run together.
    for (const [n, e] of entries.entries()) {
      cache.get(`layer-${n + 1}`, () => ({ body: body(n + 1), contentType: 'application/json' }));
      await cache.encoded(e, 'br');
    }
    for (let i = 0; i < 200 && entries.some((e) => e.encoded.br!.effort !== 'small'); i++) await settle();
    expect(entries.map((e) => e.encoded.br!.effort)).toEqual(['small', 'small', 'small']);
    for (const e of entries) expect(brotliDecompressSync(await cache.encoded(e, 'br')).equals(e.body)).toBe(true);
  });
});

describe('gzip answers spliced from a deflated tail', () => {
  const geometry = (i: number) => ({ type: 'Polygon', coordinates: [Array.from({ length: 60 }, (_, k) => [103 + i / 100 + k / 1e4, 21 + k / 1e5])] });
  const shapes = Array.from({ length: 60 }, (_, i) => geometry(i));
  const layer = (asOf: string) => ({
    type: 'FeatureCollection',
    asOf,
    features: shapes.map((g, i) => ({ type: 'Feature', id: `0${i}`, properties: { name: `Xã số ${i}`, ntmStatus: 'standard' }, geometry: g })),
  });
  const build = (asOf: string) => () => ({ body: layer(asOf), contentType: 'application/geo+json' });
  const done = async (cache: ResponseCache, entry: { tail: string }) => {
    for (let i = 0; i < 200 && !cache.choose(entry as never, ['br', 'gzip'])?.startsWith('g'); i++) await settle();
  };

  it('answers a new key whose tail was deflated before in gzip, which decodes to its body; br when only br is accepted', async () => {
    const cache = new ResponseCache(() => '1');
    const first = cache.get('2021-06-30', build('2021-06-30'));
    expect(cache.choose(first, ['br', 'gzip'])).toBe('br'); // nothing deflated yet: brotli, fast
    await cache.encoded(first, 'br');
    await done(cache, first);
    const next = cache.get('2022-01-01', build('2022-01-01'));
    expect(next.tail).toBe(first.tail);
    expect(cache.choose(next, ['br', 'gzip'])).toBe('gzip');
    const gz = await cache.encoded(next, 'gzip');
    expect(gunzipSync(gz).equals(next.body)).toBe(true);
    expect(JSON.parse(gunzipSync(gz).toString())).toEqual(layer('2022-01-01'));
    const brOnly = cache.get('2022-06-01', build('2022-06-01'));
    expect(cache.choose(brOnly, ['br'])).toBe('br');
    await cache.encoded(brOnly, 'br');
    cache.get('2022-06-01', build('2022-06-01')); // asked again: answered in what it was answered in before
    expect(cache.choose(brOnly, ['br', 'gzip'])).toBe('br');
    expect(cache.choose(next, [])).toBeNull();
  });

  it('asked again, makes the preferred encoding small meanwhile, and answers in it once made', async () => {
    const cache = new ResponseCache(() => '1');
    const first = cache.get('a', build('2021-06-30'));
    await done(cache, first);
    const entry = cache.get('b', build('2022-01-01'));
    await cache.encoded(entry, cache.choose(entry, ['br', 'gzip'])!);
    cache.get('b', build('2022-01-01')); // a hit
    expect(cache.choose(entry, ['br', 'gzip'])).toBe('gzip');
    for (let i = 0; i < 200 && !entry.encoded.br; i++) await settle();
    await idle(entry);
    expect(entry.encoded.br!.effort).toBe('small');
    expect(cache.choose(entry, ['br', 'gzip'])).toBe('br');
    expect(brotliDecompressSync(await cache.encoded(entry, 'br')).equals(entry.body)).toBe(true);
  });

  it('counts deflated tails in its budget and drops them with the data', async () => {
    let version = '1';
    const cache = new ResponseCache(() => version, 400_000);
    const first = cache.get('a', build('2021-06-30'));
    await done(cache, first);
    for (let i = 0; i < 30; i++) {
      const e = cache.get(`k${i}`, build(`2022-01-${String(i + 1).padStart(2, '0')}`));
      await cache.encoded(e, cache.choose(e, ['gzip'])!);
      expect(cache.bytes).toBeLessThanOrEqual(400_000);
    }
    const bodies = cache.size * first.body.byteLength;
    expect(cache.bytes).toBeGreaterThan(bodies); // the gzip answers and the tail
    version = '2';
    const after = cache.get('a', build('2021-06-30'));
    expect(cache.choose(after, ['br', 'gzip'])).toBe('br');
  });
});

describe('the cache behind the API', () => {
  it('answers a date asked for the first time with the bytes and ETag of the same layer from the cache, in an encoding the client accepts', async () => {
    const { app } = testApp();
    const get = (date: string, encoding: string, headers: Record<string, string> = {}) =>
      app.request(`/api/communes?asOf=${date}`, { headers: { 'Accept-Encoding': encoding, ...headers } });
    const decode = async (res: Response) => {
      const raw = Buffer.from(await res.arrayBuffer());
      const encoding = res.headers.get('content-encoding');
      return (encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw).toString();
    };
    // Days of February 2016 have the same statuses: the first one's tail is deflated in the background.
    expect((await get('2016-02-01', 'br, gzip')).headers.get('content-encoding')).toBe('br');
    let day = 2;
    for (; day < 28 && (await get(`2016-02-${String(day).padStart(2, '0')}`, 'br, gzip')).headers.get('content-encoding') !== 'gzip'; day++) await settle();
    const date = `2016-02-${String(day + 1).padStart(2, '0')}`;
    const first = await get(date, 'br, gzip');
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag')!;
    const text = await decode(first);
    expect(JSON.parse(text).asOf).toBe(date);
    for (const [encoding, expected] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
      ['br, gzip', 'br'], // made for the request that accepted br alone
    ]) {
      const again = await get(date, encoding!);
      expect(again.headers.get('content-encoding'), encoding!).toBe(expected);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await decode(again)).toBe(text);
    }
    expect((await get(date, 'br, gzip', { 'If-None-Match': etag })).status).toBe(304);
    expect((await get('2016-01-31', 'br, gzip', { 'If-None-Match': etag })).status).toBe(200);
  });

  it('answers distinct dates within its budget, each correctly', async () => {
    const app = createApp({ db: seededDatabase(), config: { clientDir: null, geodataDir: GEODATA_DIR, cacheMaxBytes: 1_000_000 } });
    for (const day of ['01', '02', '03', '04', '05', '06']) {
      const res = await app.request(`/api/communes?asOf=2021-03-${day}`, { headers: { 'Accept-Encoding': 'br' } });
      expect(res.headers.get('content-encoding')).toBe('br');
      const decoded = JSON.parse(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString());
      expect(decoded.asOf).toBe(`2021-03-${day}`);
      expect(decoded.features).toHaveLength(129);
    }
  });

  it('sends small bodies uncompressed', async () => {
    const { app } = testApp();
    const empty = await app.request('/api/products?q=khong-co-san-pham-nay', { headers: { 'Accept-Encoding': 'br' } });
    expect(JSON.parse(await empty.text()).features).toEqual([]);
    expect(empty.headers.get('content-encoding')).toBeNull();
  });
});
