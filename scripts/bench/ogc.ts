/**
 * OGC API benchmark: all 129 communes through /ogc/collections/communes-2020/items (one page,
 * limit=1000) against /api/communes for the same date, measured in the same run, as a
 * throughput ratio (goal ≥ 0.8: the standard's envelope, paging and links may cost little).
 *   npm run bench   (after scripts/bench/api.ts)
 * Two regimes: "fresh" builds every answer (a new date each request, each API on its own app so
 * neither reuses the other's build), "cached" repeats one request (ETag entry, br encoded).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { readGeodata, seedDatabase } from '../../server/db/seed.ts';

const GEODATA_DIR = join(import.meta.dirname, '..', '..', 'geodata');
const GOAL_RATIO = 0.8;
const CACHED_RUNS = 2000;
const ROUNDS = 5;

const apiPath = (date: string) => `/api/communes?asOf=${date}`;
const ogcPath = (date: string) => `/ogc/collections/communes-2020/items?datetime=${date}&limit=1000`;

/** The last day of each month from 2015 to 2024: 120 dates, each built once per app. */
const DATES = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2015 + Math.floor(i / 12), (i % 12) + 1, 0)).toISOString().slice(0, 10));

type App = ReturnType<typeof createApp>;

async function timed(app: App, path: string, headers: Record<string, string> = {}): Promise<{ ms: number; bytes: number }> {
  const s = performance.now();
  const res = await app.request(path, { headers });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return { ms: performance.now() - s, bytes };
}

/** Requests per second of each side, interleaved so both see the same machine state. */
async function rates(runs: number, api: (i: number) => Promise<{ ms: number }>, ogc: (i: number) => Promise<{ ms: number }>) {
  let apiMs = 0;
  let ogcMs = 0;
  for (let i = 0; i < runs; i++) {
    const first = i % 2 ? api : ogc;
    const second = i % 2 ? ogc : api;
    const a = (await first(i)).ms;
    const b = (await second(i)).ms;
    apiMs += i % 2 ? a : b;
    ogcMs += i % 2 ? b : a;
  }
  return { api: (runs / apiMs) * 1000, ogc: (runs / ogcMs) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A regime measured in several rounds (the machine is shared: one round can be disturbed);
 * prints each side's median rate and the median of the rounds' ratios.
 */
async function regime(label: string, round: () => Promise<{ api: number; ogc: number }>) {
  const results = [];
  for (let r = 0; r < ROUNDS; r++) results.push(await round());
  const ratio = median(results.map((x) => x.ogc / x.api));
  const [api, ogc] = [median(results.map((x) => x.api)), median(results.map((x) => x.ogc))];
  console.log(`${label.padEnd(28)} ${api.toFixed(0).padStart(10)} ${ogc.toFixed(0).padStart(10)} ${ratio.toFixed(2).padStart(7)}`);
  return ratio;
}

async function main() {
  const db = openDatabase(':memory:');
  migrate(db);
  seedDatabase(db, readGeodata(GEODATA_DIR));
  const newApp = () => createApp({ db, config: { clientDir: null, geodataDir: GEODATA_DIR } });

  const [apiApp, ogcApp] = [newApp(), newApp()];
  const sizeApi = await timed(apiApp, apiPath('2021-06-30'));
  const sizeOgc = await timed(ogcApp, ogcPath('2021-06-30'));
  const ogcBody = (await (await ogcApp.request(ogcPath('2021-06-30'))).json()) as { numberReturned: number };
  console.log(`all communes as of 2021-06-30: /api ${sizeApi.bytes} bytes, /ogc ${sizeOgc.bytes} bytes (${ogcBody.numberReturned} features)`);

  console.log(`regime (median of ${ROUNDS} rounds)`.padEnd(28), '   /api r/s', '   /ogc r/s', '  ratio');
  const fresh = await regime(`fresh (${DATES.length} dates)`, () => {
    // New apps each round: every date is built anew, and neither side reuses the other's build.
    const [a, o] = [newApp(), newApp()];
    return rates(
      DATES.length,
      (i) => timed(a, apiPath(DATES[i])),
      (i) => timed(o, ogcPath(DATES[i])),
    );
  });
  const br = { 'Accept-Encoding': 'br' };
  const cached = await regime(`cached (${CACHED_RUNS} runs, br)`, () =>
    rates(
      CACHED_RUNS,
      () => timed(apiApp, apiPath('2021-06-30'), br),
      () => timed(ogcApp, ogcPath('2021-06-30'), br),
    ),
  );
  const met = fresh >= GOAL_RATIO && cached >= GOAL_RATIO;
  console.log(`goal: /ogc throughput ≥ ${GOAL_RATIO} × /api in both regimes → ${met ? 'met' : 'NOT MET'}`);
}

await main();
