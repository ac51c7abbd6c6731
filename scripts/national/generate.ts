import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NATIONAL_CATALOG } from '../../server/catalog/collections/national.ts';
import { synthesize } from './synthesize.ts';

/**
 * npm run national [-- --out data/national --seed 2025 --scale 1]
 * Writes the synthetic national dataset (never real data: see SYNTHETIC_NOTICE) to a folder
 * outside git; start the server with NATIONAL_DIR pointing at it to serve its tiles.
 */
const { values } = parseArgs({
  options: { out: { type: 'string', default: 'data/national' }, seed: { type: 'string', default: '2025' }, scale: { type: 'string', default: '1' } },
});
const out = resolve(values.out);
const started = performance.now();
const data = synthesize({ seed: Number(values.seed), scale: Number(values.scale) });
mkdirSync(out, { recursive: true });
const files: Record<string, unknown> = {
  'manifest.json': data.manifest,
  'statuses.json': data.statuses,
  [byId('national-provinces-2020')]: data.provinces,
  [byId('national-districts-2020')]: data.districts,
  [byId('national-communes-2020')]: data.communes,
  [byId('national-units-2025')]: data.units2025,
};
for (const [name, body] of Object.entries(files)) writeFileSync(join(out, name), JSON.stringify(body));
const c = data.manifest.counts;
console.log(
  `synthetic national dataset (NOT REAL DATA) in ${out}: ${c.provinces} provinces, ${c.districts} districts, ${c.communes} communes, ${c.units2025} units of 2025 (seed ${data.manifest.seed}, scale ${data.manifest.scale}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

function byId(id: string): string {
  return NATIONAL_CATALOG.find((c) => c.id === id)!.file;
}
