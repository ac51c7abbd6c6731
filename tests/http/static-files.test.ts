import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { IMMUTABLE, REVALIDATE } from '../../server/http/static-files.ts';
import { precompressFile } from '../../scripts/build/precompress.ts';
import { GEODATA_DIR, seededDatabase } from '../helpers/test-app.ts';

/** The built client as the server sends it: precompressed copies, caching by file kind, 304s. */
const dir = mkdtempSync(join(tmpdir(), 'static-files-'));
const script = `console.log(${JSON.stringify('Điện Biên '.repeat(400))});\n`;
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), `<!doctype html><title>map</title>${'<p>x</p>'.repeat(200)}`);
writeFileSync(join(dir, 'assets', 'index-Ab12Cd.js'), script);
writeFileSync(join(dir, 'assets', 'font-Zz99.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]));
writeFileSync(join(dir, 'assets', 'tiny-Q1.css'), 'a{}');
const written = await Promise.all(
  ['index.html', 'assets/index-Ab12Cd.js', 'assets/font-Zz99.woff2', 'assets/tiny-Q1.css'].map((f) => precompressFile(join(dir, f))),
);
const app = createApp({ db: seededDatabase(), config: { clientDir: dir, geodataDir: GEODATA_DIR } });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => app.request(path, { method, headers });

describe('the built client', () => {
  it('the build writes br and gzip copies of text files only, and only when they are worth it', () => {
    expect(written).toEqual([['br', 'gz'], ['br', 'gz'], [], []]);
  });

  it('sends the brotli copy when accepted, gzip when only that is, the file otherwise; always with Vary', async () => {
    const br = await get('/assets/index-Ab12Cd.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBody.byteLength);
    expect(brotliDecompressSync(brBody).toString()).toBe(script);

    const gz = await get('/assets/index-Ab12Cd.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/assets/index-Ab12Cd.js', accept ? { 'Accept-Encoding': accept } : {});
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('vary')).toBe('Accept-Encoding');
      expect(await plain.text()).toBe(script);
    }
  });

  it('hashed assets are immutable for a year; index.html is revalidated, at / too', async () => {
    expect((await get('/assets/index-Ab12Cd.js')).headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await get('/assets/font-Zz99.woff2')).headers.get('cache-control')).toBe(IMMUTABLE);
    for (const path of ['/', '/index.html']) {
      const res = await get(path, { 'Accept-Encoding': 'br' });
      expect(res.headers.get('cache-control')).toBe(REVALIDATE);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));
    }
  });

  it('answers 304 to the ETag of the representation the browser holds, and 200 to another encoding’s', async () => {
    const first = await get('/', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const again = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(REVALIDATE);
    expect(again.headers.get('vary')).toBe('Accept-Encoding');
    expect((await get('/', { 'If-None-Match': `"other", ${etag}`, 'Accept-Encoding': 'br' })).status).toBe(304);
    expect((await get('/', { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' })).status).toBe(200);
    const plain = await get('/');
    expect(plain.headers.get('etag')).toBe(etag.replace('-br', ''));
    expect((await get('/', { 'If-None-Match': plain.headers.get('etag')! })).status).toBe(304);
  });

  it('HEAD sends the headers alone; a file that is not there, a compressed copy by name and other methods are the API’s 404', async () => {
    const head = await get('/assets/index-Ab12Cd.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBe('br');
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
    for (const path of [
      '/assets/missing.js',
      '/assets/index-Ab12Cd.js.br',
      '/../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/index.html%00',
      '/constructor',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(Object.keys((await res.json()).error)).toEqual(['code', 'message']);
    }
    expect((await get('/assets/index-Ab12Cd.js', {}, 'POST')).status).not.toBe(200);
  });

  it('does not shadow the API', async () => {
    const res = await get('/api/config');
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('basemap');
  });
});
