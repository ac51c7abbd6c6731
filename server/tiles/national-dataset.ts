import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { NATIONAL_CATALOG, type NationalManifest, type NationalStatuses, nationalManifest, nationalStatuses } from '../catalog/collections/national.ts';
import type { TiledCollection } from '../catalog/tiled.ts';

/**
 * A generated national dataset on disk (scripts/national/generate.ts): its manifest and statuses
 * read and checked at once (a bad folder fails at startup), each collection's features read when
 * its tiles are first asked for.
 */
export interface TiledDataset {
  manifest: NationalManifest;
  /** Changes whenever the folder's files do: tile ETags carry it. */
  version: string;
  statuses: NationalStatuses;
  collections: readonly TiledCollection[];
  /** The features of one of its collections, read from the folder. */
  features(c: TiledCollection): FeatureCollection<Geometry>;
}

export function openNationalDataset(dir: string): TiledDataset {
  const read = (name: string) => {
    const file = join(dir, name);
    if (!existsSync(file)) throw new Error(`NATIONAL_DIR ${dir} has no ${name}: generate the dataset with "npm run national -- --out ${dir}"`);
    return JSON.parse(readFileSync(file, 'utf8'));
  };
  const manifest = nationalManifest.safeParse(read('manifest.json'));
  if (!manifest.success) throw new Error(`NATIONAL_DIR ${dir}: manifest.json is not a synthetic national dataset's (${manifest.error.issues[0]?.message})`);
  const statuses = nationalStatuses.safeParse(read('statuses.json'));
  if (!statuses.success) throw new Error(`NATIONAL_DIR ${dir}: statuses.json is malformed (${statuses.error.issues[0]?.message})`);
  for (const c of NATIONAL_CATALOG) if (!existsSync(join(dir, c.file))) throw new Error(`NATIONAL_DIR ${dir} has no ${c.file}`);
  const stamp = ['manifest.json', 'statuses.json', ...NATIONAL_CATALOG.map((c) => c.file)].map((f) => {
    const s = statSync(join(dir, f));
    return `${f}:${s.size}:${s.mtimeMs}`;
  });
  return {
    manifest: manifest.data,
    version: createHash('sha1').update(JSON.stringify(manifest.data)).update(stamp.join('|')).digest('base64url').slice(0, 12),
    statuses: statuses.data,
    collections: NATIONAL_CATALOG as readonly TiledCollection[],
    features: (c) => read(c.file),
  };
}
