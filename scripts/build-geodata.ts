/**
 * Builds the project's geodata/ from the gathered material in ../shared:
 *   npm run geodata            (SHARED_DIR=/path/to/shared to read it elsewhere)
 * Output is deterministic, so a rebuild on unchanged input changes no file.
 * It fails loudly when a count or a code is wrong; what it could not resolve
 * goes to geodata/build-report.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildGeodata } from './geodata/build.ts';
import { readInputs, sharedDir } from './geodata/inputs.ts';

export const GEODATA_DIR = join(import.meta.dirname, '..', 'geodata');

function main() {
  const outDir = process.argv[2] ?? GEODATA_DIR;
  const files = buildGeodata(readInputs(sharedDir()));
  for (const [path, content] of Object.entries(files)) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  console.log(`wrote ${Object.keys(files).length} files to ${outDir}`);
}

main();
