/**
 * Download benchmark: the time to write each download format for all communes (communes-2020,
 * 129 features), against the plain GeoJSON response of /api/communes measured in the same run.
 *   npm run bench   (after the API benchmark)
 * Two figures per format, medians of RUNS:
 * - request: GET …/downloads/communes-2020.<format>?asOf=<a date not asked before>, body read to
 *   the end — the build for a new date included, as for /api/communes?asOf=<another new date>;
 * - write only: the same layer already built, written to bytes — against JSON.stringify of it.
 * Nothing here runs in the test suite.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { communes2020 } from '../../server/catalog/index.ts';
import { createApp } from '../../server/app.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { readGeodata, seedDatabase } from '../../server/db/seed.ts';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { resolveLicences } from '../../server/catalog/licences.ts';
import { forProvince } from '../../server/catalog/province-text.ts';
import { createStore } from '../../server/db/store.ts';
import type { DownloadLayer } from '../../server/downloads/layers.ts';
import { renderDownload } from '../../server/downloads/render.ts';
import { DOWNLOAD_FORMATS, type DownloadFormat } from '../../server/catalog/download-formats.ts';
import { provinceDate } from '../../server/domain/dates.ts';

const GEODATA_DIR = join(import.meta.dirname, '..', '..', 'geodata');
const RUNS = 15;

/** Distinct dates, so every request builds its layer anew (no cache hit in either path). */
let day = Date.UTC(2021, 5, 30);
function freshDate(): string {
  day -= 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn: () => Promise<number>): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bytes = await fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), bytes };
}

async function readAll(body: ReadableStream<Uint8Array> | null): Promise<number> {
  let n = 0;
  const reader = body?.getReader();
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) n += r.value.byteLength;
  return n;
}

async function main() {
  const db = openDatabase(':memory:');
  migrate(db);
  seedDatabase(db, readGeodata(GEODATA_DIR));
  const app = createApp({ db, config: { clientDir: null, geodataDir: GEODATA_DIR } });
  const get = async (path: string) => {
    const res = await app.request(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return readAll(res.body);
  };

  const snapshot = loadSnapshot(createStore(db));
  const built = communes2020.build(snapshot, { asOf: '2021-06-30' });
  const today = provinceDate(new Date());
  const layer: DownloadLayer = {
    collection: communes2020 as never,
    title: forProvince(communes2020.title, snapshot.province),
    features: built.features,
    unitSet: '2020',
    asOf: '2021-06-30',
    date: '2021-06-30',
    stem: 'xa-ntm-2021-06-30',
    name: 'xa_ntm',
    given: { asOf: '2021-06-30' },
    licences: resolveLicences(communes2020.licences, '2020', snapshot),
    province: snapshot.province,
    clampedFrom: null,
  };
  const write = (format: DownloadFormat) => async () => {
    const file = await renderDownload({ format, view: false, layers: [], asOf: null }, [layer], today, new Date().toISOString());
    return readAll(file.body);
  };

  for (const f of DOWNLOAD_FORMATS) await write(f)();
  await get(`/api/communes?asOf=${freshDate()}`);

  const baseRequest = await time(() => get(`/api/communes?asOf=${freshDate()}`));
  const baseWrite = await time(async () => Buffer.byteLength(JSON.stringify(built)));
  console.log(`\ndownloads of all ${built.features.length} communes (communes-2020), median of ${RUNS} runs`);
  console.log('format'.padEnd(24), 'request ms', '  × /api', '  write ms', '  × JSON', '     bytes');
  const line = (name: string, r: { ms: number; bytes: number }, w: { ms: number }) =>
    console.log(
      name.padEnd(24),
      r.ms.toFixed(1).padStart(10),
      (r.ms / baseRequest.ms).toFixed(1).padStart(8),
      w.ms.toFixed(1).padStart(10),
      (w.ms / baseWrite.ms).toFixed(1).padStart(8),
      String(r.bytes).padStart(10),
    );
  line('baseline /api/communes', baseRequest, baseWrite);
  for (const format of DOWNLOAD_FORMATS) {
    const r = await time(() => get(`/api/downloads/communes-2020.${format}?asOf=${freshDate()}`));
    line(format, r, await time(write(format)));
  }
  const view = 'collections=communes-2020,districts-2020,ocop-products,zones,ntm-recognitions';
  console.log(`\nthe whole view (${view.split('=')[1]}), request ms`);
  for (const format of DOWNLOAD_FORMATS) {
    const r = await time(() => get(`/api/downloads/view.${format}?${view}&asOf=${freshDate()}`));
    console.log(format.padEnd(24), r.ms.toFixed(1).padStart(10), String(r.bytes).padStart(10));
  }
  console.log(`rss: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
}

await main();
