/**
 * Timeline benchmark: what one step of the timeline costs the client — every layer recomputed
 * from the record for one date (communes, districts, new units, province counts, products
 * certified) — over every stop from 2015 to today, plus the record's size in memory.
 *   npm run bench:timeline
 * The map redraws from these results; the target leaves a 300 ms play step room to draw.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordFromApi } from '../../client/lib/record.ts';
import { timelineStops } from '../../client/lib/timeline.ts';
import { createApp } from '../../server/app.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { readGeodata, seedDatabase } from '../../server/db/seed.ts';
import { ocopAsOf } from '../../server/domain/ocop-as-of.ts';
import { provinceStats } from '../../server/domain/stats.ts';
import { lastDayOfOldUnits, oldUnitsDate, unitSetOn } from '../../server/domain/unit-sets.ts';
import { communeCollection } from '../../server/geo/communes.ts';
import { districtCollection } from '../../server/geo/districts.ts';
import { layerInputFor } from '../../server/geo/layer-input.ts';
import { newUnitCollection } from '../../server/geo/new-units.ts';
import { provinceDate } from '../../server/domain/dates.ts';

const TARGET_P95_MS = 40;
const GEODATA_DIR = join(import.meta.dirname, '..', '..', 'geodata');

const db = openDatabase(':memory:');
migrate(db);
seedDatabase(db, readGeodata(GEODATA_DIR));
const app = createApp({ db, config: { clientDir: null, geodataDir: GEODATA_DIR } });
const get = async (p: string) => (await app.request(p)).json();
const heapBefore = process.memoryUsage().heapUsed;
const [u2019, u2020, u2025, timeline, products, crosswalk, config] = await Promise.all(
  ['/api/units?set=2019', '/api/units?set=2020', '/api/units?set=2025', '/api/timeline', '/api/products', '/api/crosswalk', '/api/config'].map(get),
);
const record = recordFromApi(config.province, { '2019': u2019, '2020': u2020, '2025': u2025 }, timeline, products, crosswalk.entries);
const periods = record.province.unitSets;
const inputs = { '2019': layerInputFor('2019', record), '2020': layerInputFor('2020', record), '2025': layerInputFor('2025', record) };
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

const stops = timelineStops(record.province, provinceDate(new Date()));
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const date of stops) {
    const t0 = performance.now();
    const set = unitSetOn(periods, date);
    const old = oldUnitsDate(periods, date);
    const oldInput = inputs[set === '2019' ? '2019' : '2020'];
    communeCollection(set === '2025' ? inputs['2025'] : oldInput, set === '2025' ? date : old);
    if (set !== '2025') districtCollection(oldInput, old);
    else newUnitCollection(inputs['2025'], inputs['2020'], record.crosswalk, date, lastDayOfOldUnits(periods));
    provinceStats({ ...oldInput, targets: timeline.targets }, old);
    record.products.filter((p) => ocopAsOf(p, date).certified);
    if (round > 0) times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const p50 = times[Math.floor(times.length * 0.5)];
const p95 = times[Math.floor(times.length * 0.95)];
console.log(`stops: ${stops.length} (2015-01 → today), measured ${times.length} steps`);
console.log(`step: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
console.log(`record in memory: about ${heapMb.toFixed(1)} MB of heap`);
console.log(`target: p95 ≤ ${TARGET_P95_MS} ms → ${p95 <= TARGET_P95_MS ? 'met' : 'NOT MET'}`);
