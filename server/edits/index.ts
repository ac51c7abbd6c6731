import type { Database } from 'better-sqlite3';
import type { Snapshot } from '../db/snapshot.ts';
import { boundaryEdits } from './boundaries.ts';
import { editContext } from './context.ts';
import { ntmEdits } from './ntm.ts';
import { ocopEdits } from './ocop.ts';
import { reverts } from './revert.ts';
import { targetEdits } from './targets.ts';
import { zoneEdits } from './zones.ts';

/**
 * Everything that changes the record, over one database: each operation validates against the
 * data, authorises on the units it touches, writes in one transaction, logs the change with its
 * source and bumps the data revision (so every built layer, chart and count follows at once).
 */
export function createEditor(db: Database, data: () => Snapshot, clock?: () => Date) {
  const ctx = editContext(db, data, clock);
  return {
    context: ctx,
    /** The write schemas on the editor's clock: validate bodies with these. */
    inputs: ctx.inputs,
    ntm: ntmEdits(ctx),
    ocop: ocopEdits(ctx),
    zones: zoneEdits(ctx),
    targets: targetEdits(ctx),
    boundaries: boundaryEdits(ctx),
    revert: reverts(ctx),
    audit: ctx.audit,
    sources: ctx.sources,
  };
}
export type Editor = ReturnType<typeof createEditor>;
export type { Actor, Authorize, EditRequest } from './context.ts';
