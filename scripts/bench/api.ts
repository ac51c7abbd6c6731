/**
 * API benchmark: cold (first build of a layer) and warm (cached) latency per endpoint,
 * the size of each response plain and brotli-compressed, and the process's memory.
 *   npm run bench
 * Figures are printed against the targets below; nothing here runs in the test suite.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { readGeodata, seedDatabase } from '../../server/db/seed.ts';

const GEODATA_DIR = join(import.meta.dirname, '..', '..', 'geodata');

const TARGETS = { coldMs: 150, warmP95Ms: 5, rssMb: 250 };
const PATHS = ['/api/districts?asOf=2021-06-30', '/api/communes?asOf=2021-06-30', '/api/zones', '/api/products', '/api/stats?asOf=2021-06-30'];
const WARM_RUNS = 500;

async function main() {
  const db = openDatabase(':memory:');
  migrate(db);
  const t0 = performance.now();
  seedDatabase(db, readGeodata(GEODATA_DIR));
  console.log(`seed: ${(performance.now() - t0).toFixed(1)} ms`);
  const app = createApp({ db, config: { clientDir: null, geodataDir: GEODATA_DIR } });

  console.log('endpoint'.padEnd(36), 'cold ms', ' warm p50', ' warm p95', '  bytes', '   br bytes');
  let ok = true;
  for (const path of PATHS) {
    const c0 = performance.now();
    const cold = await app.request(path);
    const bytes = (await cold.arrayBuffer()).byteLength;
    const coldMs = performance.now() - c0;
    const br = await app.request(path, { headers: { 'Accept-Encoding': 'br' } });
    const brBytes = (await br.arrayBuffer()).byteLength;
    const times: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const s = performance.now();
      await (await app.request(path, { headers: { 'Accept-Encoding': 'br' } })).arrayBuffer();
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(WARM_RUNS * 0.5)];
    const p95 = times[Math.floor(WARM_RUNS * 0.95)];
    ok &&= coldMs <= TARGETS.coldMs && p95 <= TARGETS.warmP95Ms;
    console.log(
      path.padEnd(36),
      coldMs.toFixed(1).padStart(7),
      p50.toFixed(2).padStart(9),
      p95.toFixed(2).padStart(9),
      String(bytes).padStart(7),
      String(brBytes).padStart(11),
    );
  }
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  ok &&= rssMb <= TARGETS.rssMb;
  console.log(`rss: ${rssMb.toFixed(0)} MB`);
  console.log(`targets: cold ≤ ${TARGETS.coldMs} ms, warm p95 ≤ ${TARGETS.warmP95Ms} ms, rss ≤ ${TARGETS.rssMb} MB → ${ok ? 'met' : 'NOT MET'}`);
}

await main();
