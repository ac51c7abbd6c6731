/**
 * National scale, on the synthetic national dataset (scripts/national; NOT real data):
 * - tile latency at 100 concurrent connections, the built server against a bare node:http server
 *   sending each path the same status, headers and bytes from memory (the machine's floor);
 * - a year switch in headless Chromium on a MapLibre page of the communes' vector tiles: the
 *   JavaScript of applying a year's statuses as feature state, against a GeoJSON source re-set
 *   with the statuses baked in (what a client without tiles does), and the tiles either fetches;
 * - the server's memory with the national tiles served, against the same server without them.
 *   npm run bench  (or: npx tsx scripts/bench/tiles.ts)
 * Figures are printed against their targets; nothing here runs in the test suite.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Page } from 'playwright-core';
import { NATIONAL_CATALOG, NATIONAL_YEARS, SYNTHETIC_NOTICE, nationalCommunes } from '../../server/catalog/collections/national.ts';
import type { TiledCollection } from '../../server/catalog/tiled.ts';
import { launchBrowser } from '../../tests/e2e/harness.ts';
import { ROOT, freePort, listening, type ServerProcess, spawnServer, stopServer } from '../../tests/helpers/server-process.ts';
import { synthesize } from '../national/synthesize.ts';
import { writeDataset } from '../national/write.ts';

const TARGETS = { tileP99Ms: 20, yearSwitchMs: 50, rssMb: 500 };
const CONNECTIONS = 100;
const SECONDS = 5;
const ROUNDS = 3;
const SWITCHES = 12;
/** The centre of the synthetic box, and a zoom at which the communes show. */
const VIEW = { lon: 105.8, lat: 16, zoom: 7.5 };

const line = (label: string, value: string, baseline: string, target: string) =>
  console.log(`${label.padEnd(44)} ${value.padStart(12)}   baseline ${baseline.padStart(12)}   target ${target}`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

function tileAt(z: number, lon: number, lat: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)] as const;
}

/** Every tile of a collection over the dataset's box from one zoom to another. */
function tilePaths(c: TiledCollection, from: number, to: number): string[] {
  const paths: string[] = [];
  for (let z = Math.max(from, c.minzoom); z <= Math.min(to, c.maxzoom); z++) {
    const [x0, y0] = tileAt(z, 102.2, 23.3);
    const [x1, y1] = tileAt(z, 109.4, 8.6);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) paths.push(`/api/tiles/${c.id}/${z}/${x}/${y}.pbf`);
  }
  return paths;
}

/** Requests each path once, in turn: the time of each. */
async function sweep(origin: string, paths: string[]) {
  const times: number[] = [];
  for (const path of paths) {
    const s = performance.now();
    await (await fetch(origin + path, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
    times.push(performance.now() - s);
  }
  return times.sort((a, b) => a - b);
}

const LOAD_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

type Load = { p50: number; p99: number; rps: number; errors: number };

/**
 * `CONNECTIONS` keep-alive connections asking for `paths` in turn for `SECONDS`, by wrk when it is
 * installed, else by autocannon. The client's own delays count in the latencies it reports:
 * autocannon, JavaScript in one thread, needs most of a core at these rates on a 2-core machine
 * and adds its event loop's waits to the tail; wrk, C, needs a fraction of that.
 */
async function load(url: string, paths: string[]): Promise<Load> {
  return LOAD_CLIENT === 'wrk' ? wrkLoad(url, paths) : autocannonLoad(url, paths);
}

const LOAD_CLIENT = process.env.LOAD_CLIENT ?? (spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk');

async function autocannonLoad(url: string, paths: string[]): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: LOAD_HEADERS,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
}

/** wrk with one thread and a script that takes the paths in turn; it prints its percentiles with --latency. */
async function wrkLoad(url: string, paths: string[]): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'wrk-'));
  const script = join(dir, 'paths.lua');
  const headers = Object.entries(LOAD_HEADERS)
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  writeFileSync(
    script,
    `${headers}\nlocal paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n`,
  );
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', '-s', script, url], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (c) => (text += c));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}`))));
    });
    const ms = (label: string) => {
      const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)\\b`, 'm').exec(out);
      if (!m) throw new Error(`no ${label}% in wrk's output:\n${out}`);
      return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
    };
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
    const errors = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0) + (/Socket errors/.test(out) ? 1 : 0);
    return { p50: ms('50'), p99: ms('99'), rps, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Answer {
  status: number;
  /** Names and values in one list, as sent (less the connection's own: Date, Connection, Keep-Alive). */
  headers: string[];
  /** The body as sent (still compressed), base64. */
  body: string;
}

/** Each path's answer exactly as the load test gets it: status, headers, undecoded bytes. */
async function answers(origin: string, paths: string[]): Promise<Record<string, Answer>> {
  const out: Record<string, Answer> = {};
  for (const path of paths) {
    out[path] = await new Promise<Answer>((resolve, reject) =>
      get(origin + path, { headers: LOAD_HEADERS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = res.rawHeaders.filter((_, i, all) => !/^(date|connection|keep-alive)$/i.test(all[i - (i % 2)]!));
          resolve({ status: res.statusCode!, headers, body: Buffer.concat(chunks).toString('base64') });
        });
        res.on('error', reject);
      }).on('error', reject),
    );
  }
  return out;
}

/**
 * A node:http server that answers each path with what our server sent for it (same status,
 * headers and bytes) from memory, doing nothing else: the floor any tile server on this machine
 * is measured against. In a process of its own, like ours.
 */
async function bareServer(file: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const answers = new Map(Object.entries(JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))).map(([path, a]) => [path, { ...a, body: Buffer.from(a.body, 'base64') }]));
       require('node:http').createServer((req, res) => { const a = answers.get(req.url); res.writeHead(a.status, a.headers); res.end(a.body); }).listen(${port}, '127.0.0.1', () => console.log('ready'));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** The built server as `npm start` runs it (spawnServer) on a fresh database of its own, API only. */
async function serve(dir: string, env: Record<string, string> = {}) {
  const process = spawnServer({
    PORT: String(await freePort()),
    DB_PATH: join(dir, `${Object.keys(env).length ? 'tiles' : 'plain'}.db`),
    CLIENT_DIR: join(dir, 'no-client'),
    ...env,
  });
  return { process, origin: await listening(process) };
}

function rssMb(server: ServerProcess): number {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const PAGE = `<!doctype html><meta charset="utf-8"><style>html,body,#map{margin:0;width:100%;height:100%}</style>
<div id="map"></div><div style="position:absolute;top:8px;left:8px;padding:4px 8px;background:#fff;font:bold 14px sans-serif;color:#b00">${SYNTHETIC_NOTICE.vi}<br>${SYNTHETIC_NOTICE.en}</div>
<script type="module">
import * as maplibregl from '/__bench/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
const params = new URLSearchParams(location.search);
const mode = params.get('mode');
const colours = ['#d9d9d9', '#fdd49e', '#41ab5d', '#2171b5', '#6a51a3'];
const byRank = (get) => ['match', get, 1, colours[1], 2, colours[2], 3, colours[3], 4, colours[4], colours[0]];
const source = mode === 'tiles'
  ? { type: 'vector', tiles: [location.origin + '/api/tiles/${nationalCommunes.id}/{z}/{x}/{y}.pbf'], minzoom: ${nationalCommunes.minzoom}, maxzoom: ${nationalCommunes.maxzoom} }
  : { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
const layer = mode === 'tiles'
  ? { id: 'communes', type: 'fill', source: 'communes', 'source-layer': '${nationalCommunes.id}', paint: { 'fill-color': byRank(['coalesce', ['feature-state', 'rank'], 0]), 'fill-outline-color': '#ffffff' } }
  : { id: 'communes', type: 'fill', source: 'communes', paint: { 'fill-color': byRank(['get', 'rank']), 'fill-outline-color': '#ffffff' } };
const map = new maplibregl.Map({ container: 'map', center: [${VIEW.lon}, ${VIEW.lat}], zoom: ${VIEW.zoom}, fadeDuration: 0,
  style: { version: 8, sources: { communes: source }, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f1ea' } }, layer] } });
const statuses = {};
const idle = () => new Promise((resolve) => map.once('idle', resolve));
window.bench = {
  async ready() {
    await new Promise((resolve) => map.once('load', resolve));
    for (const year of ${JSON.stringify(NATIONAL_YEARS)}) statuses[year] = (await (await fetch('/api/tiles/${nationalCommunes.id}/statuses/' + year)).json()).ranks;
    if (mode === 'geojson') window.communes = await (await fetch('/__bench/communes.geojson')).json();
    await window.bench.switchTo(${NATIONAL_YEARS[0]});
  },
  /** One year switch: the JavaScript it takes, and the time until the map is drawn and idle. */
  async switchTo(year) {
    const ranks = statuses[year];
    const t0 = performance.now();
    if (mode === 'tiles') {
      for (const id in ranks) map.setFeatureState({ source: 'communes', sourceLayer: '${nationalCommunes.id}', id: Number(id) }, { rank: ranks[id] });
    } else {
      for (const f of window.communes.features) f.properties.rank = ranks[f.id];
      map.getSource('communes').setData(window.communes);
    }
    const js = performance.now() - t0;
    map.triggerRepaint();
    await idle();
    return { js, idle: performance.now() - t0 };
  },
};
</script>`;

async function yearSwitch(page: Page, origin: string, mode: 'tiles' | 'geojson') {
  await page.goto(`${origin}/__bench/page.html?mode=${mode}`);
  await page.evaluate(() => (window as unknown as { bench: { ready(): Promise<void> } }).bench.ready());
  let tileRequests = 0;
  const count = (r: { url(): string }) => {
    if (r.url().includes('.pbf')) tileRequests++;
  };
  page.on('request', count);
  const js: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < SWITCHES; i++) {
    const year = NATIONAL_YEARS[(i + 1) % NATIONAL_YEARS.length]!;
    const r = await page.evaluate(
      (y) => (window as unknown as { bench: { switchTo(y: number): Promise<{ js: number; idle: number }> } }).bench.switchTo(y),
      year,
    );
    js.push(r.js);
    idle.push(r.idle);
  }
  page.off('request', count);
  js.sort((a, b) => a - b);
  idle.sort((a, b) => a - b);
  return { js: pct(js, 0.5), jsP95: pct(js, 0.95), idle: pct(idle, 0.5), tileRequests };
}

async function main() {
  console.log('National tiles (SYNTHETIC dataset, scripts/national: not real data)');
  const dir = mkdtempSync(join(tmpdir(), 'national-bench-'));
  const t0 = performance.now();
  const data = synthesize();
  writeDataset(dir, data);
  console.log(
    `generated ${data.manifest.counts.communes} communes, ${data.manifest.counts.units2025} units of 2025 in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });

  const server = await serve(dir, { NATIONAL_DIR: dir });
  const plain = await serve(dir);
  const browser = await launchBrowser();
  try {
    // What a user panning the country at commune zooms asks for; first each tile made once (cold), one request at a time.
    const paths = tilePaths(nationalCommunes, nationalCommunes.minzoom, 10);
    const cold = await sweep(server.origin, paths);
    const sent = await answers(server.origin, paths);
    const file = join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify(sent));
    const sizes = Object.values(sent)
      .filter((a) => a.status === 200)
      .map((a) => Buffer.from(a.body, 'base64').byteLength)
      .sort((a, b) => a - b);
    // Rounds alternate between the two servers, so a busy moment of the machine falls on both; the median round is reported.
    const bare = await bareServer(file);
    const rounds: { floor: Load; warm: Load }[] = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push({ floor: await load(bare.origin, paths), warm: await load(server.origin, paths) });
    bare.stop();
    const median = (pick: (r: (typeof rounds)[number]) => number) => rounds.map(pick).sort((a, b) => a - b)[ROUNDS >> 1]!;
    const warm = {
      p50: median((r) => r.warm.p50),
      p99: median((r) => r.warm.p99),
      rps: median((r) => r.warm.rps),
      errors: rounds.reduce((n, r) => n + r.warm.errors, 0),
    };
    const floor = { p50: median((r) => r.floor.p50), p99: median((r) => r.floor.p99), rps: median((r) => r.floor.rps) };
    console.log(
      `${paths.length} tiles of ${nationalCommunes.id}, zoom ${nationalCommunes.minzoom}–10; median ${(pct(sizes, 0.5) / 1024).toFixed(1)} KB br, largest ${(sizes.at(-1)! / 1024).toFixed(1)} KB; median of ${ROUNDS} alternating rounds of ${SECONDS} s, load from ${LOAD_CLIENT}`,
    );
    line('tile, first request (made and cached) p50/p99', `${pct(cold, 0.5).toFixed(1)}/${pct(cold, 0.99).toFixed(1)} ms`, '—', 'none (one-off)');
    line(`tile p50 at ${CONNECTIONS} connections`, `${warm.p50} ms`, `${floor.p50} ms`, '—');
    line(
      `tile p99 at ${CONNECTIONS} connections`,
      `${warm.p99} ms`,
      `${floor.p99} ms`,
      `≤ ${TARGETS.tileP99Ms} ms ${warm.p99 <= TARGETS.tileP99Ms ? 'met' : 'NOT MET'}`,
    );
    line('tile requests/s', `${warm.rps.toFixed(0)}`, `${floor.rps.toFixed(0)}`, `errors/non-2xx ${warm.errors}`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const communes = JSON.stringify(data.communes);
    await page.route('**/__bench/**', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      if (name === 'page.html') return route.fulfill({ contentType: 'text/html', body: PAGE });
      if (name === 'communes.geojson') return route.fulfill({ contentType: 'application/geo+json', body: communes });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(ROOT, 'node_modules', 'maplibre-gl', 'dist', name)) });
    });
    const tiles = await yearSwitch(page, server.origin, 'tiles');
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'national-tiles.png') }).catch(() => undefined);
    const geojson = await yearSwitch(page, server.origin, 'geojson');
    await page.close();
    line(
      'year switch JavaScript p50 (feature state)',
      `${tiles.js.toFixed(1)} ms`,
      `${geojson.js.toFixed(1)} ms`,
      `≤ ${TARGETS.yearSwitchMs} ms ${tiles.js <= TARGETS.yearSwitchMs ? 'met' : 'NOT MET'}`,
    );
    line('year switch JavaScript p95', `${tiles.jsP95.toFixed(1)} ms`, `${geojson.jsP95.toFixed(1)} ms`, '—');
    line('year switch to idle p50', `${tiles.idle.toFixed(0)} ms`, `${geojson.idle.toFixed(0)} ms`, '—');
    line(`tiles fetched by ${SWITCHES} year switches`, `${tiles.tileRequests}`, '—', '0');

    // Memory after every tile of every collection to zoom 11 was made (and the load test and the pages), against the same server without tiles that served the province's layers.
    const all = NATIONAL_CATALOG.flatMap((c) => tilePaths(c, 0, 11));
    const swept = await sweep(server.origin, all);
    line(
      `${all.length} tiles of every collection to zoom 11, p50/p99`,
      `${pct(swept, 0.5).toFixed(1)}/${pct(swept, 0.99).toFixed(1)} ms`,
      '—',
      'none (first requests)',
    );
    for (const path of ['/api/communes', '/api/districts', '/api/units/merged-history', '/api/timeline'])
      await (await fetch(plain.origin + path)).arrayBuffer();
    const rss = rssMb(server.process);
    const rssPlain = rssMb(plain.process);
    line(
      'server RSS with national tiles',
      `${rss.toFixed(0)} MB`,
      `${rssPlain.toFixed(0)} MB`,
      `≤ ${TARGETS.rssMb} MB ${rss <= TARGETS.rssMb ? 'met' : 'NOT MET'}`,
    );
    console.log(
      '(baselines: tiles — a bare node:http server sending each tile with the same status, headers and bytes from memory; year switch — a GeoJSON source re-set with the statuses baked in; RSS — the same server without NATIONAL_DIR; both servers run as npm start runs them, with its heap limit)',
    );
  } finally {
    await browser.close();
    await stopServer(server.process);
    await stopServer(plain.process);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
