/**
 * Soak: the built server (as `npm start` runs it, on loopback, on a fresh database) under
 * 200 keep-alive connections for 30 s (after 5 s of warm-up at the same load, reported apart),
 * every public read endpoint of /api and /ogc with random dates, districts, filters and unit
 * sets, so nearly every layer is one the cache has not seen. Prints requests, errors,
 * 5xx, latency percentiles and the server's peak RSS against the targets, and before the load
 * the cost of an uncached layer against a cached one.
 *   npm run build && npm run soak      (SOAK_CONNECTIONS, SOAK_SECONDS, SOAK_WARMUP_SECONDS change the load;
 *                                      SOAK_SERVER_NODE_OPTIONS, e.g. --max-old-space-size=256, is the server's NODE_OPTIONS)
 * A benchmark: nothing here runs in the test suite.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app.ts';
import { freePort, listening, seededDatabaseFile, spawnServer, stopServer } from '../../tests/helpers/server-process.ts';
import { GEODATA_DIR, seededDatabase } from '../../tests/helpers/test-app.ts';
import { request, uncachedVsCached } from './lib/http-timing.ts';
import { provinceDate } from '../../server/domain/dates.ts';

const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 30);
/** Load before the measured 30 s: a process just started serves its first requests with cold caches and unoptimised code. */
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? 5);
const TARGETS = { errors: 0, serverErrors: 0, p99Ms: 1000, peakRssMb: 300, uncachedOverCached: 3 };

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const day = (from: string, to: string) => {
  const a = Date.parse(from);
  return new Date(a + Math.floor(Math.random() * ((Date.parse(to) - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
};
const asOf = () => day('2010-01-01', '2025-06-30');
const maybe = (p: number, s: () => string) => (Math.random() < p ? s() : '');
const DISTRICTS = ['094', '095', '096', '097', '098', '099', '100', '101', '102', '103'];

/** One request maker per read route; the soak refuses to run if the app has a GET route missing here. */
function makers(communeCodes: string[]): Record<string, () => string> {
  return {
    '/api/health': () => '/api/health',
    '/api/districts': () => `/api/districts?asOf=${asOf()}`,
    '/api/districts/:code': () => `/api/districts/${pick(DISTRICTS)}?asOf=${asOf()}`,
    '/api/communes': () => `/api/communes?asOf=${asOf()}${maybe(0.3, () => `&district=${pick(DISTRICTS)}`)}`,
    '/api/communes/:code': () => `/api/communes/${pick(communeCodes)}?asOf=${asOf()}`,
    '/api/products': () =>
      `/api/products?stars=${pick(['3', '4', '5', '3,4', '4,5'])}${maybe(0.5, () => `&group=${pick(['I', 'II', 'III', 'I,II'])}`)}${maybe(0.3, () => `&q=${pick(['che', 'mat ong', 'gao', 'ca phe'])}`)}`,
    '/api/zones': () => `/api/zones${maybe(0.7, () => `?crop=${pick(['tea', 'rice', 'coffee', 'macadamia', 'medicinal'])}`)}`,
    '/api/stats': () => `/api/stats?asOf=${asOf()}`,
    '/api/units': () => `/api/units?set=${pick(['2019', '2020', '2025'])}`,
    '/api/units/merged-history': () => `/api/units/merged-history?asOf=${day('2010-01-01', today())}`,
    '/api/crosswalk': () => '/api/crosswalk',
    '/api/timeline': () => '/api/timeline',
    '/api/base/:name': () => `/api/base/${pick(['province', 'countries'])}`,
    '/api/config': () => '/api/config',
    '/api/session': () => '/api/session',
    '/api/history': () => `/api/history?unitSet=2020&unitCode=${pick(communeCodes)}`,
    '/ogc': () => '/ogc',
    '/ogc/conformance': () => '/ogc/conformance',
    '/ogc/api': () => '/ogc/api',
    '/ogc/collections': () => '/ogc/collections',
    '/ogc/collections/:collectionId': () => `/ogc/collections/${ogcCollection()}`,
    '/ogc/collections/:collectionId/queryables': () => `/ogc/collections/${ogcCollection()}/queryables`,
    '/ogc/collections/:collectionId/items': () => {
      const id = ogcCollection();
      const date = OGC_DATED[id];
      return `/ogc/collections/${id}/items?limit=${pick([10, 100, 1000])}${date ? `&datetime=${date()}` : ''}`;
    },
    '/ogc/collections/:collectionId/items/:featureId': () => `/ogc/collections/communes-2020/items/${pick(communeCodes)}?datetime=${asOf()}`,
    '/api/downloads/:file': () =>
      pick([
        `/api/downloads/view.${pick(FORMATS)}?collections=communes-2020,ocop-products,zones&asOf=${asOf()}`,
        `/api/downloads/${pick(['communes-2020', 'districts-2020', 'ocop-products'])}.${pick(FORMATS)}?asOf=${asOf()}`,
        `/api/downloads/zones.${pick(FORMATS)}`,
      ]),
  };
}

const FORMATS = ['geojson', 'csv', 'xlsx', 'gpkg', 'kml'];
const today = () => provinceDate(new Date());
/** OGC collections with the dates their `datetime` takes. */
const OGC_DATED: Record<string, () => string> = {
  'communes-2020': asOf,
  'districts-2020': asOf,
  'communes-2019': () => day('2010-01-01', '2019-12-31'),
  'districts-2019': () => day('2010-01-01', '2019-12-31'),
  'communes-2025': () => day('2010-01-01', today()),
  'ocop-products': () => day('2010-01-01', today()),
};
const ogcCollection = () => pick([...Object.keys(OGC_DATED), 'ntm-recognitions', 'ocop-producers', 'zones', 'targets']);
/** Read routes the soak leaves out: they need a login, or a fresh database holds nothing public there. */
const NOT_SOAKED = ['/api/account/tokens', '/api/users', '/api/users/:id', '/api/users/:id/tokens', '/api/audit', '/api/source-files/:id'];
/**
 * How often each route is asked for, relative to the others (1 when not listed). A download is a
 * person pressing a button, and costs 10–200 ms: one request in 200.
 */
const WEIGHTS: Record<string, number> = { '/api/downloads/:file': 0.07 };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

async function main() {
  const probe = createApp({ db: seededDatabase(), config: { clientDir: null, geodataDir: GEODATA_DIR } });
  const getRoutes = [...new Set(probe.routes.filter((r) => r.method === 'GET').map((r) => r.path))];

  const nodeOptions = process.env.SOAK_SERVER_NODE_OPTIONS;
  const server = spawnServer({ PORT: String(await freePort()), DB_PATH: seededDatabaseFile(), ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) });
  const origin = await listening(server);
  const communeCodes = ((await (await fetch(`${origin}/api/communes`)).json()) as { features: { id: string }[] }).features.map((f) => f.id);
  const make = makers(communeCodes);
  const missing = getRoutes.filter((r) => !make[r] && !NOT_SOAKED.includes(r));
  if (missing.length) throw new Error(`the soak has no request for ${missing.join(', ')}: add them to makers()`);
  const routes = Object.entries(make);
  const total = routes.reduce((sum, [r]) => sum + (WEIGHTS[r] ?? 1), 0);
  const pickRoute = () => {
    let x = Math.random() * total;
    for (const entry of routes) {
      x -= WEIGHTS[entry[0]] ?? 1;
      if (x < 0) return entry;
    }
    return routes[routes.length - 1];
  };

  const dates = new Set<string>();
  while (dates.size < 101) dates.add(asOf());
  const { cached, uncached } = await uncachedVsCached(origin, [...dates]);
  const ratio = uncached / cached;
  console.log(
    `communes layer, br, one connection: cached p50 ${cached.toFixed(2)} ms, uncached p50 ${uncached.toFixed(2)} ms → ${ratio.toFixed(1)}× (target ≤ ${TARGETS.uncachedOverCached}×)`,
  );

  console.log(
    `soak: ${CONNECTIONS} connections × ${SECONDS} s (after ${WARMUP_SECONDS} s of warm-up at the same load) over ${routes.length} read endpoints, random dates, against ${origin}`,
  );
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const started = performance.now();
  const measuredFrom = started + WARMUP_SECONDS * 1000;
  const deadline = measuredFrom + SECONDS * 1000;
  const warmup: number[] = [];
  const latencies: number[] = [];
  let slowest = { ms: 0, path: '' };
  const byRoute = new Map<string, number[]>(routes.map(([route]) => [route, []]));
  const statuses = new Map<number, number>();
  let errors = 0;
  const firstErrors: string[] = [];
  const worker = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const [route, make] = pickRoute();
        const path = make();
        const r = await request(agent, origin, path, Math.random() < 0.9 ? 'br, gzip' : 'identity');
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (sent < measuredFrom) {
          warmup.push(r.ms);
          continue;
        }
        latencies.push(r.ms);
        byRoute.get(route)!.push(r.ms);
        if (r.ms > slowest.ms) slowest = { ms: r.ms, path };
      } catch (e) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push((e as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  const peak = peakRssMb(server.child.pid!);
  const exit = await stopServer(server);

  latencies.sort((a, b) => a - b);
  warmup.sort((a, b) => a - b);
  const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  const unexpected = [...statuses].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0);
  const p50 = percentile(latencies, 0.5);
  const p99 = percentile(latencies, 0.99);
  console.log(
    `warm-up: ${warmup.length} requests, p99 ${percentile(warmup, 0.99).toFixed(0)} ms, max ${warmup.at(-1)?.toFixed(0)} ms (a cold process: first builds, code not yet optimised)`,
  );
  console.log(
    `requests ${latencies.length} (${(latencies.length / SECONDS).toFixed(0)}/s), statuses (warm-up included) ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(`errors ${errors}${firstErrors.length ? ` (${firstErrors.join('; ')})` : ''}, 5xx ${serverErrors}, other non-200 ${unexpected - serverErrors}`);
  console.log(`latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${slowest.ms.toFixed(1)} ms (${slowest.path})`);
  console.log(
    `per endpoint p50/p99 ms: ${[...byRoute]
      .map(([route, ms]) => {
        ms.sort((a, b) => a - b);
        return `${route} ${percentile(ms, 0.5).toFixed(0)}/${percentile(ms, 0.99).toFixed(0)}`;
      })
      .join(', ')}`,
  );
  console.log(`server peak RSS ${peak.toFixed(0)} MB; exit after SIGTERM: ${exit.code}`);
  const met = {
    errors: errors + unexpected - serverErrors <= TARGETS.errors,
    '5xx': serverErrors <= TARGETS.serverErrors,
    p99: p99 <= TARGETS.p99Ms,
    rss: peak <= TARGETS.peakRssMb,
    'uncached/cached': ratio <= TARGETS.uncachedOverCached,
  };
  console.log(
    `targets: 0 errors, 0 5xx, p99 ≤ ${TARGETS.p99Ms} ms, peak RSS ≤ ${TARGETS.peakRssMb} MB, uncached ≤ ${TARGETS.uncachedOverCached}× cached → ${Object.entries(
      met,
    )
      .map(([k, ok]) => `${k} ${ok ? 'met' : 'NOT MET'}`)
      .join(', ')}`,
  );
}

await main();
