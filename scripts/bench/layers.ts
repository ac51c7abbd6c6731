/**
 * The main layer over HTTP, against baselines measured in the same run, from the built server as
 * `npm start` runs it (a process of its own, on loopback, seeded database):
 * - the communes layer from the cache (br) against a bare node:http server sending the same bytes
 *   with the same headers: what our routing, validation, cache lookup and headers cost;
 * - the communes layer built for the request (a date asked for the first time; 30 other dates are
 *   built first, unmeasured, so that code is as warm as the cached path's) against the same layer
 *   from the cache (target ≤ 3×; the cache is byte-bounded, server/http/cached-response.ts).
 *   npm run build && tsx scripts/bench/layers.ts      (npm run bench runs it)
 * A benchmark: nothing here runs in the test suite.
 */
import { createServer, get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, listening, seededDatabaseFile, spawnServer, stopServer } from '../../tests/helpers/server-process.ts';
import { median, percentile, report } from './lib/figures.ts';
import { sequential, uncachedVsCached } from './lib/http-timing.ts';

const TARGETS = { uncachedOverCached: 3 };
const RUNS = 400;
const LAYER = '/api/communes?asOf=2025-06-30';
/** Headers a bare server would send too (hop-by-hop and date ones are its own). */
const COPIED = ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary'];

const server = spawnServer({ PORT: String(await freePort()), DB_PATH: seededDatabaseFile() });
try {
  const origin = await listening(server);
  const { body, headers } = await fetchEncoded(`${origin}${LAYER}`);
  const bare = await bareServer(body, headers);
  try {
    // Warm both (the layer is recompressed small after its second request), then alternate rounds.
    await sequential(origin, [LAYER, LAYER]);
    await new Promise((r) => setTimeout(r, 2000));
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < 4; round++) {
      ours.push(...(await sequential(origin, Array(RUNS / 4).fill(LAYER))));
      theirs.push(...(await sequential(bare.origin, Array(RUNS / 4).fill(LAYER))));
    }
    const day = (from: number, i: number) => new Date(Date.UTC(2016, 0, from) + i * 17 * 86_400_000).toISOString().slice(0, 10);
    const dates = Array.from({ length: 101 }, (_, i) => day(1, i));
    // Other dates (8 days after each of the first 30: never one of `dates`) warm the building code first.
    const { cached, uncached } = await uncachedVsCached(
      origin,
      dates,
      Array.from({ length: 30 }, (_, i) => day(9, i)),
    );
    report(`communes layer over HTTP, ${(body.byteLength / 1024).toFixed(0)} KB brotli, one keep-alive connection`, [
      {
        what: `cached layer, p50 of ${RUNS} (ms)`,
        value: median(ours),
        unit: 'ms',
        baseline: `bare node:http server, same bytes and headers: p50 ${median(theirs).toFixed(2)} ms, p95 ${percentile(theirs, 0.95).toFixed(2)} ms; ours p95 ${percentile(ours, 0.95).toFixed(2)} ms`,
        ratio: median(ours) / median(theirs),
      },
      {
        what: 'uncached layer (new date), p50 of 100 (ms)',
        value: uncached,
        unit: 'ms',
        baseline: `the same layer cached: p50 ${cached.toFixed(2)} ms`,
        ratio: uncached / cached,
        target: `≤ ${TARGETS.uncachedOverCached}×`,
        met: uncached / cached <= TARGETS.uncachedOverCached,
      },
    ]);
  } finally {
    await new Promise((r) => bare.server.close(r));
  }
} finally {
  await stopServer(server);
}

/** The layer as a browser gets it: the brotli bytes (undecoded) and the response's headers. */
async function fetchEncoded(url: string): Promise<{ body: Buffer; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': 'br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ body: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** A server that answers every request with `body` and the copied headers, nothing else. */
async function bareServer(body: Buffer, headers: IncomingHttpHeaders) {
  const copied = Object.fromEntries(COPIED.filter((h) => headers[h] !== undefined).map((h) => [h, String(headers[h])]));
  const server = createServer((_req, res) => {
    res.writeHead(200, { ...copied, 'content-length': body.byteLength });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
