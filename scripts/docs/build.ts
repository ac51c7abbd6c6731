import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogReference } from './catalog-reference.ts';

/** npm run docs — regenerates the docs that derive from code (docs/COLLECTIONS.md from the catalog). */
const file = join(import.meta.dirname, '..', '..', 'docs', 'COLLECTIONS.md');
writeFileSync(file, catalogReference());
console.log(`wrote ${file}`);
