/**
 * Writes the SYNTHETIC province "Mẫu Thử" (scripts/geodata/synthetic.ts) as a geodata folder:
 *   npm run geodata:synthetic -- <folder>      (default: data/synthetic-province)
 * then serve it with GEODATA_DIR=<folder> DB_PATH=<new file> npm start. Deterministic: the same
 * files every run. Not real data; the map says so on every view.
 */
import { join } from 'node:path';
import { writeSyntheticGeodata } from './geodata/synthetic.ts';

const dir = process.argv[2] ?? join(import.meta.dirname, '..', 'data', 'synthetic-province');
console.log(`wrote ${writeSyntheticGeodata(dir).length} files of the SYNTHETIC province to ${dir}`);
