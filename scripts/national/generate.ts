import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { synthesize } from './synthesize.ts';
import { writeDataset } from './write.ts';

/**
 * npm run national [-- --out data/national --seed 2025 --scale 1]
 * Writes the synthetic national dataset (never real data: see SYNTHETIC_NOTICE) to a folder
 * outside git (data/ is ignored); start the server with NATIONAL_DIR pointing at it to serve its tiles.
 */
const { values } = parseArgs({
  options: { out: { type: 'string', default: 'data/national' }, seed: { type: 'string', default: '2025' }, scale: { type: 'string', default: '1' } },
});
const out = resolve(values.out);
const started = performance.now();
const data = synthesize({ seed: Number(values.seed), scale: Number(values.scale) });
writeDataset(out, data);
const c = data.manifest.counts;
console.log(
  `synthetic national dataset (NOT REAL DATA) in ${out}: ${c.provinces} provinces, ${c.districts} districts, ${c.communes} communes, ${c.units2025} units of 2025 (seed ${data.manifest.seed}, scale ${data.manifest.scale}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
