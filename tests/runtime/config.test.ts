import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.ts';

describe('readConfig', () => {
  it('listens on loopback only unless told otherwise, with explicit limits', () => {
    const config = readConfig({}, '/srv/app');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      dbPath: '/srv/app/data/app.db',
      cacheMaxBytes: 32 * 2 ** 20,
      frameAncestors: ["'self'"],
      limits: { headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 5000, maxConnections: 1024 },
      shutdownGraceMs: 10_000,
      basemap: null,
    });
  });

  it('reads every variable', () => {
    const config = readConfig(
      {
        HOST: '0.0.0.0',
        PORT: '9000',
        DB_PATH: '/var/lib/ntm/app.db',
        CACHE_MAX_MB: '16',
        FRAME_ANCESTORS: "'self' https://portal.example.vn https://*.dienbien.gov.vn",
        HEADERS_TIMEOUT_MS: '5000',
        REQUEST_TIMEOUT_MS: '20000',
        KEEP_ALIVE_TIMEOUT_MS: '65000',
        MAX_CONNECTIONS: '200',
        SHUTDOWN_GRACE_MS: '3000',
        BASEMAP_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      dbPath: '/var/lib/ntm/app.db',
      cacheMaxBytes: 16 * 2 ** 20,
      frameAncestors: ["'self'", 'https://portal.example.vn', 'https://*.dienbien.gov.vn'],
      limits: { headersTimeoutMs: 5000, requestTimeoutMs: 20_000, keepAliveTimeoutMs: 65_000, maxConnections: 200 },
      shutdownGraceMs: 3000,
      basemap: { tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], attribution: '' },
    });
  });

  it.each([
    [{ PORT: '80000' }, /PORT must be a whole number from 0 to 65535, got "80000"/],
    [{ PORT: '12abc' }, /PORT/],
    [{ CACHE_MAX_MB: '0' }, /CACHE_MAX_MB/],
    [{ MAX_CONNECTIONS: '-5' }, /MAX_CONNECTIONS/],
    [{ HEADERS_TIMEOUT_MS: '1.5' }, /HEADERS_TIMEOUT_MS/],
    [{ FRAME_ANCESTORS: "'self'; script-src *" }, /FRAME_ANCESTORS takes 'self', 'none' or origins/],
    [{ FRAME_ANCESTORS: "'none' https://a.example" }, /'none' cannot be combined/],
    [{ BASEMAP_URL: 'javascript:alert(1)' }, /BASEMAP_URL must start with https:\/\/ or http:\/\//],
    [{ BASEMAP_URL: 'tiles/{z}/{x}/{y}.png' }, /BASEMAP_URL must be an http\(s\) URL template/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});

/**
 * docs/OPERATIONS.md "## Configuration" is the one table of the environment (README links to it): it
 * must list every variable readConfig reads and no other, and a default written there as a value
 * (`…`) must be the code's: setting the variable to it changes nothing.
 */
describe('the configuration table in docs/OPERATIONS.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'OPERATIONS.md'), 'utf8');
  const section = doc.split('\n## Configuration\n')[1]?.split('\n## ')[0] ?? '';
  const rows = section
    .split('\n')
    .filter((line) => /^\| `[A-Z]/.test(line))
    .map((line) => line.split(' | '))
    .map(([name, fallback]) => ({ name: name.replace(/^\| `|`$/g, ''), fallback }));

  /** The variables readConfig reads from `env` (a recording proxy), defaults and optional ones included. */
  function variablesRead(env: Record<string, string>): string[] {
    const read = new Set<string>();
    const recorder = new Proxy(env, {
      get(target, key) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key);
      },
    });
    readConfig(recorder, '/srv/app');
    return [...read];
  }
  // A basemap's attribution is read only when there is a basemap.
  const read = new Set([...variablesRead({}), ...variablesRead({ BASEMAP_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' })]);

  it('has one row per variable readConfig reads, and none it does not', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map((r) => r.name).sort()).toEqual([...read].sort());
  });

  it.each(rows.filter((r) => r.fallback.startsWith('`')))('$name: the documented default is the code’s', ({ name, fallback }) => {
    const value = fallback.slice(1, fallback.indexOf('`', 1));
    expect(readConfig({ [name]: value }, '/srv/app')).toEqual(readConfig({}, '/srv/app'));
  });
});
