import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { quoted } from '../../server/http/errors.ts';
import { answerKind, securityHeaderValues } from '../../server/http/security-headers.ts';
import { GEODATA_DIR, getJson, seededDatabase, testApp } from '../helpers/test-app.ts';

const { app } = testApp();
const errorLog = vi.spyOn(console, 'error');
afterEach(() => errorLog.mockClear());

/** The Permissions-Policy features Chromium 156 recognises: `document.featurePolicy.features()`. */
const CHROMIUM_POLICY_FEATURES = [
  'accelerometer',
  'aria-notify',
  'autoplay',
  'browsing-topics',
  'camera',
  'captured-surface-control',
  'ch-device-memory',
  'ch-downlink',
  'ch-dpr',
  'ch-ect',
  'ch-prefers-color-scheme',
  'ch-prefers-reduced-motion',
  'ch-prefers-reduced-transparency',
  'ch-rtt',
  'ch-save-data',
  'ch-ua',
  'ch-ua-arch',
  'ch-ua-bitness',
  'ch-ua-form-factors',
  'ch-ua-full-version',
  'ch-ua-full-version-list',
  'ch-ua-high-entropy-values',
  'ch-ua-mobile',
  'ch-ua-model',
  'ch-ua-platform',
  'ch-ua-platform-version',
  'ch-ua-wow64',
  'ch-viewport-height',
  'ch-viewport-width',
  'ch-width',
  'clipboard-read',
  'clipboard-write',
  'compute-pressure',
  'cross-origin-isolated',
  'deferred-fetch',
  'deferred-fetch-minimal',
  'digital-credentials-create',
  'digital-credentials-get',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'interest-cohort',
  'keyboard-map',
  'language-detector',
  'language-model',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'magnetometer',
  'media-playback-while-not-visible',
  'microphone',
  'midi',
  'on-device-speech-recognition',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'private-state-token-issuance',
  'private-state-token-redemption',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'speaker-selection',
  'storage-access',
  'summarizer',
  'sync-xhr',
  'translator',
  'unload',
  'usb',
  'window-management',
  'xr-spatial-tracking',
];

const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf', 'toLocaleString'];

describe('prototype names are plain unknown names', () => {
  it.each(PROTOTYPE_NAMES)('/api/base/%s is a 404 naming it, and logs nothing', async (name) => {
    const res = await getJson(app, `/api/base/${name}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(res.body.error.message).toContain(`"${name}"`);
    expect(errorLog).not.toHaveBeenCalled();
  });

  it.each(PROTOTYPE_NAMES.flatMap((name) => ['/api/zones', '/api/communes', '/api/timeline', '/api/units/merged-history'].map((path) => [path, name])))(
    '%s?%s=1 is refused as an unknown parameter',
    async (path, name) => {
      const res = await getJson(app, `${path}?${name}=1`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('unknown_parameter');
      expect(res.body.error.message).toContain(name);
    },
  );

  it('the real base layers still answer', async () => {
    expect((await getJson(app, '/api/base/province')).status).toBe(200);
    expect((await getJson(app, '/api/base/countries')).status).toBe(200);
  });
});

describe('input echoed in error messages', () => {
  it('markup, quotes and control characters come back percent-encoded', () => {
    expect(quoted('<script>"x"</script>')).toBe('"%3Cscript%3E%22x%22%3C/script%3E"');
    expect(quoted('a\u0000b\nc')).toBe('"a%00b%0Ac"');
    expect(quoted('Mường Ảng 2021-06-30')).toBe('"Mường Ảng 2021-06-30"');
    expect(quoted('\uD800')).toBe('"%EF%BF%BD"');
  });

  it('long input is cut at 80 characters', () => {
    expect(quoted('x'.repeat(5000))).toBe(`"${'x'.repeat(80)}…"`);
  });

  it('the 404 message does not echo a path as sent', async () => {
    const res = await getJson(app, `/api/<img src=x onerror=alert(1)>${'a'.repeat(500)}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).not.toMatch(/[<>]/);
    expect(res.body.error.message).toContain('%3Cimg');
    expect(res.body.error.message.length).toBeLessThan(250);
  });

  it('every error message goes out with markup, control and bidi-override characters encoded, and bounded', async () => {
    const bidi = await getJson(app, `/api/communes?asOf=${encodeURIComponent('\u202E2021\u0007')}`);
    expect(bidi.status).toBe(400);
    expect(bidi.body.error.message).toContain('%E2%80%AE2021%07');
    const long = await getJson(app, `/api/zones?crop=${'x'.repeat(3000)}`);
    expect(long.status).toBe(400);
    expect(long.body.error.message.length).toBeLessThanOrEqual(401);
  });

  it('parameter values are echoed escaped', async () => {
    const res = await getJson(app, `/api/communes?asOf=${encodeURIComponent('<b>2021</b>')}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"%3Cb%3E2021%3C/b%3E"');
  });
});

describe('methods', () => {
  it.each([
    ['POST', '/api/zones'],
    ['PUT', '/api/communes/03337'],
    ['DELETE', '/api/districts/096'],
    ['PATCH', '/api/health'],
  ])('%s %s is 405 with Allow and the envelope', async (method, path) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const body = await res.json();
    expect(body.error.code).toBe('method_not_allowed');
    expect(body.error.message).toContain(method);
  });

  it('OPTIONS on a route is 204 with Allow', async () => {
    const res = await app.request('/api/zones', { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('HEAD answers like GET, without a body', async () => {
    const res = await app.request('/api/stats', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('a wrong method on an unknown path stays 404', async () => {
    const res = await app.request('/api/nothing-here', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(res.headers.get('allow')).toBeNull();
  });
});

describe('security headers', () => {
  // A built client of three files, so pages and scripts are answered as well as data.
  const clientDir = mkdtempSync(join(tmpdir(), 'security-client-'));
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>map</title>');
  writeFileSync(join(clientDir, 'assets', 'index-Ab12.js'), 'console.log(1);');
  writeFileSync(join(clientDir, 'assets', 'index-Cd34.css'), 'a{}');
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));
  const withClient = (config: Partial<Parameters<typeof createApp>[0]['config']> = {}) =>
    createApp({ db: seededDatabase(), config: { clientDir, geodataDir: GEODATA_DIR, ...config } });
  const site = withClient();

  const csp = (res: Response) =>
    Object.fromEntries(
      res.headers
        .get('content-security-policy')!
        .split('; ')
        .map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
  const everywhere = (res: Response) => {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(csp(res)['frame-ancestors']).toEqual(["'self'"]);
  };
  const pagePolicy = (res: Response) => {
    const policy = csp(res);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['worker-src']).toEqual(["'self'", 'blob:']);
  };

  it('the page carries every one: its policy, and the headers only a document reads', async () => {
    const res = await site.request('/');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    everywhere(res);
    pagePolicy(res);
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('the permissions policy denies device and sensor access, naming only features Chromium recognises (an unknown one is a console error)', async () => {
    const policy = (await site.request('/')).headers.get('permissions-policy') ?? '';
    const features = policy.split(/,\s*/).map((d) => d.split('=')[0]);
    const recognised = new Set(CHROMIUM_POLICY_FEATURES);
    expect(features.filter((f) => !recognised.has(f))).toEqual([]);
    for (const f of ['camera', 'microphone', 'geolocation', 'usb', 'serial', 'hid', 'payment']) expect(policy).toContain(`${f}=()`);
  });

  it('a script keeps the page’s policy (a worker lives under its script’s), without the document-only headers', async () => {
    const res = await site.request('/assets/index-Ab12.js');
    everywhere(res);
    pagePolicy(res);
    expect(res.headers.get('permissions-policy')).toBeNull();
  });

  it.each(['/api/stats', '/api/nothing', '/api/communes?asOf=bad', '/assets/index-Cd34.css'])(
    '%s, data or a style (errors included), is never a page: default-src none, no document-only header',
    async (path) => {
      const res = await site.request(path);
      everywhere(res);
      expect(csp(res)['default-src']).toEqual(["'none'"]);
      for (const name of ['permissions-policy', 'cross-origin-opener-policy', 'x-xss-protection', 'origin-agent-cluster'])
        expect(res.headers.get(name)).toBeNull();
    },
  );

  it('names what an answer is by its type; anything not known to be inert is a page', () => {
    expect(answerKind('application/geo+json; charset=utf-8')).toBe('data');
    expect(answerKind('application/vnd.mapbox-vector-tile')).toBe('data');
    expect(answerKind('font/woff2')).toBe('data');
    expect(answerKind('text/javascript; charset=utf-8')).toBe('script');
    for (const type of ['text/html', 'image/svg+xml', 'application/pdf', 'application/json-seq', 'text/csv', null]) expect(answerKind(type)).toBe('page');
  });

  it('allows the configured basemap origin for images and fetches, and nothing else outside', async () => {
    const withBasemap = withClient({ basemap: { tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'], attribution: 'x' } });
    const policy = csp(await withBasemap.request('/'));
    expect(policy['img-src']).toContain('https://tiles.example.org');
    expect(policy['connect-src']).toContain('https://tiles.example.org');
    expect(policy['script-src']).toEqual(["'self'"]);
  });

  it('frame-ancestors follows the configuration; X-Frame-Options is dropped when it cannot express it', async () => {
    const embeddable = withClient({ frameAncestors: ["'self'", 'https://portal.example.vn'] });
    for (const path of ['/', '/api/health']) {
      const res = await embeddable.request(path);
      expect(csp(res)['frame-ancestors']).toEqual(["'self'", 'https://portal.example.vn']);
      expect(res.headers.get('x-frame-options')).toBeNull();
    }
    const none = withClient({ frameAncestors: ["'none'"] });
    expect((await none.request('/api/health')).headers.get('x-frame-options')).toBe('DENY');
  });

  it('the headers made once for answers sent without Hono are those the app sends, by kind', async () => {
    const values = await securityHeaderValues();
    const strip = (res: Response) =>
      Object.fromEntries(
        [...res.headers].filter(([n]) => !['content-type', 'content-length', 'etag', 'cache-control', 'vary', 'content-encoding', 'last-modified'].includes(n)),
      );
    expect(values.data).toEqual(strip(await site.request('/api/health')));
    expect(values.script).toEqual(strip(await site.request('/assets/index-Ab12.js')));
  });
});

describe('GET /api/health', () => {
  it('says the database answers, and its schema version', async () => {
    const res = await getJson(app, '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: { answers: true, schemaVersion: expect.any(Number) } });
    expect(res.body.database.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('is 503 when the database does not answer', async () => {
    const { app: broken, db } = testApp();
    db.close();
    const res = await getJson(broken, '/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable', database: { answers: false, schemaVersion: null } });
  });
});
