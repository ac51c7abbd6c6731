import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGeodataFile } from '../../server/db/seed.ts';
import { catalogReference } from './catalog-reference.ts';
import { withErrorCodes } from './error-codes-reference.ts';

/**
 * npm run docs — regenerates the docs that derive from code: docs/COLLECTIONS.md from the catalog
 * (its parameters name the committed province's unit sets, geodata/province.json),
 * and the table of error codes in docs/API.md from server/catalog/error-codes.ts.
 */
const docs = join(import.meta.dirname, '..', '..', 'docs');
const collections = join(docs, 'COLLECTIONS.md');
const province = readGeodataFile(join(import.meta.dirname, '..', '..', 'geodata'), 'province.json');
writeFileSync(collections, catalogReference(province));
console.log(`wrote ${collections}`);
const api = join(docs, 'API.md');
writeFileSync(api, withErrorCodes(readFileSync(api, 'utf8')));
console.log(`wrote the error codes of ${api}`);
