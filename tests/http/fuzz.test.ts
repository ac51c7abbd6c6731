import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { GEODATA_DIR, seededDatabase } from '../helpers/test-app.ts';

/**
 * Property-based fuzzing of every route the app registers (read from `app.routes`, so routes
 * added later — /ogc, downloads — are fuzzed with no change here): hostile paths, path
 * parameters, query strings, methods, headers and bodies. Whatever comes in:
 * - no 5xx, and nothing logged as an internal error;
 * - every 4xx under /api and /ogc is the JSON envelope `{ "error": { "code", "message" } }` (with
 *   `fields` when a write names the fields it refused);
 * - no body holds a stack trace, a file path of the server, or a file outside the client folder;
 * - the database is unchanged.
 * A failure prints fast-check's seed and the shrunk request, to replay it.
 */
const dir = mkdtempSync(join(tmpdir(), 'ntm-fuzz-'));
const clientDir = join(dir, 'client');
mkdirSync(clientDir);
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>client</title>');
// A file next to the client folder: no request may read it (path traversal).
writeFileSync(join(dir, 'secret.txt'), 'SECRET-NEXT-TO-CLIENT');

const db = seededDatabase();
const app = createApp({ db, config: { clientDir, geodataDir: GEODATA_DIR } });
const ROOT = join(import.meta.dirname, '..', '..');

/** Every route once per method and path, as Hono registered them (middleware, method ALL, aside). */
const routes = [...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values()];

/** The content of every table, hashed: reads must never write. */
function databaseDigest(): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all()));
  hash.update(String(db.pragma('user_version', { simple: true })));
  return hash.digest('hex');
}

const HOSTILE = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '..',
  '../..',
  '../secret.txt',
  '..%2fsecret.txt',
  '%2e%2e',
  '%2e%2e%2fsecret.txt',
  '..%5csecret.txt',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AE%C0%AE',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE units; --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '{{7*7}}',
  'A'.repeat(3000),
  '🙂',
  'Mường Ảng',
  'Mu\u031Bo\u031Bng',
  '\u202Eevil',
  '\uD800',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '2021-02-30',
  '2021-06-30',
  '2010-01-01',
  '2025-06-30',
  '9999-12-31',
  '2021-06-30T00:00:00Z',
  ' 2021-06-30',
  '094',
  '103',
  '03337',
  '03328',
  'province',
  'countries',
  '2019',
  '2025',
  '3,4,5,',
  'I,II,VII',
  'tea,tea',
  'tea',
  '',
  ' ',
  '[]',
  '{}',
  'null',
  'true',
];
const PARAM_NAMES = ['asOf', 'district', 'stars', 'group', 'crop', 'q', 'set', 'bbox', 'limit', 'offset', 'f', 'datetime', 'ASOF', 'asOf[]', 'asOf[0]'];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Percent-encoded (lone surrogates replaced, as a browser would) or raw, for the URL parser to cope with. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
const component = fc.tuple(text, fc.boolean()).map(([s, raw]) => (raw ? s : encode(s)));

const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), component), component, fc.boolean()), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v, bare]) => (bare ? k : `${k}=${v}`)).join('&')}` : ''));

const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'get'];
const headers = fc.record(
  {
    'Accept-Encoding': fc.oneof(fc.constantFrom('br', 'gzip', 'br;q=0, gzip;q=0', '*', 'identity;q=0, *;q=0', 'gzip;q=NaN', 'x'.repeat(500)), text),
    'If-None-Match': fc.oneof(fc.constantFrom('*', 'W/"x"', '"', 'W/'), text),
    'Content-Type': fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', ''),
    Accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/geo+json'),
    Range: fc.constantFrom('bytes=0-10', 'bytes=-1', 'bytes=99999999-'),
    Cookie: text,
    Authorization: text,
    'X-Forwarded-For': text,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(fc.constant(undefined), text, fc.constantFrom('{', '{"__proto__":{"x":1}}', '[]', 'null', '{}'));

/** A request, or null when the WHATWG Request constructor itself refuses it (no server would see it). */
function request(path: string, method: string, h: Record<string, string>, b: string | undefined): Request | null {
  try {
    const withBody = b !== undefined && !['GET', 'HEAD', 'get'].includes(method);
    return new Request(`http://localhost${path}`, { method, headers: h, body: withBody ? b : undefined });
  } catch {
    return null;
  }
}

const errorLog = vi.spyOn(console, 'error');
let before: string;
beforeAll(() => {
  before = databaseDigest();
});
afterAll(() => {
  expect(databaseDigest()).toBe(before);
  errorLog.mockRestore();
});

async function check(req: Request) {
  errorLog.mockClear();
  const res = await app.request(req);
  const content = await res.text();
  const path = new URL(req.url).pathname;
  expect(res.status, `${req.method} ${req.url}`).toBeLessThan(500);
  if (res.status >= 400 && /^\/(api|ogc)(\/|$)/.test(path) && req.method !== 'HEAD') {
    const envelope = JSON.parse(content);
    expect(Object.keys(envelope)).toEqual(['error']);
    // `fields` (path → message) is there only when a write names the fields it refused.
    expect(
      Object.keys(envelope.error)
        .filter((k) => k !== 'fields')
        .sort(),
    ).toEqual(['code', 'message']);
    expect(typeof envelope.error.code).toBe('string');
    expect(typeof envelope.error.message).toBe('string');
    for (const m of Object.values(envelope.error.fields ?? {})) expect(typeof m).toBe('string');
    expect([...envelope.error.message].filter((ch) => ch < ' ' || ch === '<' || ch === '>')).toEqual([]);
  }
  expect(content).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(content).not.toContain(ROOT);
  expect(content).not.toMatch(/node_modules|\.ts:\d+|SECRET-NEXT-TO-CLIENT/);
  expect(errorLog).not.toHaveBeenCalled();
}

describe('fuzzing every route', () => {
  it('finds the routes in the app', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  /** The route's path with each parameter (and wildcard) replaced by the given segments. */
  const expand = (routePath: string, segments: string[]) => routePath.replace(/:\w+(\{[^}]*\})?\??|\*/g, () => segments.shift() ?? 'x');

  it.each(routes.map((r) => [r.method, r.path]))('%s %s: each listed hostile value as every parameter and in the query', async (method, routePath) => {
    for (const value of HOSTILE) {
      for (const v of [value, encode(value)]) {
        for (const target of [expand(routePath, [v, v, v]), `${expand(routePath, ['x', 'x'])}?${v}=1`, `${expand(routePath, ['x', 'x'])}?asOf=${v}&q=${v}`]) {
          const req = request(target, method, {}, undefined);
          if (req) await check(req);
        }
      }
    }
  });

  it.each(routes.map((r) => [r.method, r.path]))('%s %s: generated requests', { timeout: 60_000 }, async (_method, routePath) => {
    const tail = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//', '/extra', '/..', '/%2e%2e') });
    const path = fc.tuple(fc.array(component, { minLength: 4, maxLength: 4 }), tail).map(([segments, t]) => expand(routePath, segments) + t);
    await fc.assert(
      fc.asyncProperty(path, query, fc.constantFrom(...METHODS), headers, body, async (p, q, m, h, b) => {
        const req = request(p + q, m, h, b);
        fc.pre(req !== null);
        await check(req!);
      }),
      { numRuns: 150 },
    );
  });

  it('paths no route declares', { timeout: 60_000 }, async () => {
    const prefix = fc.constantFrom('/', '/api/', '/ogc/', '/assets/', '/api/base/', '/api//', '//', '/index.html/');
    await fc.assert(
      fc.asyncProperty(prefix, fc.array(component, { maxLength: 4 }), query, fc.constantFrom(...METHODS), headers, async (pre, segments, q, m, h) => {
        const req = request(pre + segments.join('/') + q, m, h, undefined);
        fc.pre(req !== null);
        await check(req!);
      }),
      { numRuns: 400 },
    );
  });
});
