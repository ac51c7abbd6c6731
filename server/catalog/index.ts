import type { UnitSet } from '../domain/unit-sets.ts';
import type { Collection } from './define.ts';
import { communes2019, communes2020, communes2025, districts2019, districts2020, recognitions } from './collections/ntm.ts';
import { producers, products } from './collections/ocop.ts';
import { targets } from './collections/targets.ts';
import { zones } from './collections/zones.ts';

/**
 * The collection catalog: every dataset the app serves, declared once (see define.ts). Routes
 * under /api and /ogc, the OpenAPI document, downloads, the client's layers and write
 * validation are all derived from this list.
 */
export const CATALOG = [communes2020, districts2020, communes2025, communes2019, districts2019, recognitions, products, producers, zones, targets] as const;

export type CollectionId = (typeof CATALOG)[number]['id'];

const byId = new Map<string, Collection>(CATALOG.map((c) => [c.id, c as unknown as Collection]));

/** The collection with this id, or undefined (an own-key lookup: no prototype names). */
export function collectionById(id: string): Collection | undefined {
  return byId.get(id);
}

/** The collection of a family on one unit set ("communes" on 2025 → communes-2025), or undefined. */
export function collectionFor(family: string, set: UnitSet): Collection | undefined {
  return (CATALOG as readonly Collection[]).find((c) => c.family === family && c.unitSet === set) as Collection | undefined;
}

export { communes2019, communes2020, communes2025, districts2019, districts2020, recognitions, products, producers, zones, targets };
