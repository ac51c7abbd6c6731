import type { Snapshot } from '../db/snapshot.ts';
import type { BuiltCollections } from '../http/built-collections.ts';
import type { ResponseCache } from '../http/cached-response.ts';

/** What every route module is given by the app factory. */
export interface RouteDeps {
  /** The current data, re-read when the database changes. */
  data: () => Snapshot;
  /** Built responses (JSON, ETag, encodings) per path and parameters. */
  cache: ResponseCache;
  /** Catalog collections as built per date, shared by /api, /ogc and downloads. */
  built: BuiltCollections;
}
