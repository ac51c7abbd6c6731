import type { Snapshot } from '../db/snapshot.ts';
import type { ResponseCache } from '../http/cached-response.ts';

/** What every route module is given by the app factory. */
export interface RouteDeps {
  /** The current data, re-read when the database changes. */
  data: () => Snapshot;
  cache: ResponseCache;
}
