import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nationalCommunes, nationalDistricts, nationalProvinces, nationalUnits2025 } from '../../server/catalog/collections/national.ts';
import type { NationalDataset } from './synthesize.ts';

/** Writes a synthesized dataset as the folder server/tiles/national-dataset.ts reads (NATIONAL_DIR). */
export function writeDataset(dir: string, data: NationalDataset) {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, unknown> = {
    'manifest.json': data.manifest,
    'statuses.json': data.statuses,
    [nationalProvinces.file]: data.provinces,
    [nationalDistricts.file]: data.districts,
    [nationalCommunes.file]: data.communes,
    [nationalUnits2025.file]: data.units2025,
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(body));
}
