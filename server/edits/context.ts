import type { Database } from 'better-sqlite3';
import type { Citation } from '../catalog/geodata.ts';
import type { EditTarget, Programme } from '../domain/access.ts';
import { type SourceInput, writeSchemas } from '../catalog/writes.ts';
import { provinceDate } from '../domain/dates.ts';
import type { UnitSet, UnitSetPeriods } from '../domain/unit-sets.ts';
import type { Snapshot } from '../db/snapshot.ts';
import { auditLog } from '../db/writes/audit.ts';
import { revision } from '../db/writes/revision.ts';
import { sourceWriter } from '../db/writes/sources.ts';
import { ApiError } from '../http/errors.ts';
import { editMessages as E } from '../messages/edits.ts';
import { fieldMessages as F } from '../messages/fields.ts';
import type { Text } from '../messages/text.ts';
import { type EntityName, entityKinds } from './entities.ts';

/** Who makes a change. */
export interface Actor {
  userId: number | null;
  login: string;
}

/**
 * May the actor edit this programme (on this unit)? Throws a 401/403 ApiError when not (server/auth),
 * naming the unit's set as staff know it from `unitSets` (the data's, when each set was in force).
 */
export type Authorize = (programme: Programme, unitSets: UnitSetPeriods, unit?: EditTarget) => void;

/** One request's view of the editing machinery. */
export interface EditRequest {
  actor: Actor;
  authorize: Authorize;
  /** The import batch the changes belong to, if any. */
  batchId?: string | null;
}

export type Change<R> =
  | { action: 'create' | 'update' | 'retract'; entity: EntityName; id: string; after: R; reason: string | null; sourceId: number | null }
  | { action: 'delete'; entity: EntityName; id: string; after: null; reason: string | null; sourceId: number | null };

/**
 * Everything an edit needs, over one database: the record kinds, the audit log, the revision,
 * the sources, the current data (for checks against units), a clock, and the write schemas
 * on that clock (no decision or source dated after its today).
 */
export function editContext(db: Database, data: () => Snapshot, clock: () => Date = () => new Date()) {
  const districtOf = (set: UnitSet, code: string) => data().units[set].communes.find((u) => u.code === code)?.districtCode ?? null;
  const { kinds, products } = entityKinds(db, districtOf);
  const audit = auditLog(db);
  const revisions = revision(db);
  const sources = sourceWriter(db);
  const now = () => clock().toISOString();
  const inputs = writeSchemas(() => provinceDate(clock()));

  /** Applies one change to one record: authorises it on the units before and after, writes it, and logs it. */
  function apply<R>(
    req: EditRequest,
    change: Change<R> | { action: 'revert'; entity: EntityName; id: string; after: R | null; reason: string; sourceId: null; reverts: number },
  ): number {
    const kind = kinds.get(change.entity);
    if (!kind) throw new Error(`no entity kind ${change.entity}`);
    const before = kind.get(change.id);
    const units = [...(before ? kind.unitsOf(before) : []), ...(change.after ? kind.unitsOf(change.after) : [])];
    const { unitSets } = data().province;
    if (units.length === 0) req.authorize(kind.programme, unitSets);
    for (const u of units) req.authorize(kind.programme, unitSets, u);
    const users = change.after === null ? (kind.usedBy?.(change.id) ?? []) : [];
    if (users.length) throw new ApiError(409, 'conflict', E.stillListed(change.entity, change.id, users));
    if (change.after === null) kind.remove(change.id);
    else kind.put(change.after);
    return audit.append(
      {
        at: now(),
        userId: req.actor.userId,
        userLogin: req.actor.login,
        action: change.action,
        entity: change.entity,
        entityId: change.id,
        before,
        after: change.after,
        reason: change.reason,
        sourceId: change.sourceId,
        batchId: req.batchId ?? null,
        reverts: 'reverts' in change ? change.reverts : null,
      },
      units,
    );
  }

  /** Runs writes in one transaction that holds the write lock from its start, and bumps the revision: all or nothing. */
  function transact<T>(fn: () => T): T {
    return db
      .transaction(() => {
        const out = fn();
        revisions.bump();
        return out;
      })
      .immediate();
  }

  /** The source's id, adding it when new. */
  function source(s: SourceInput): number {
    try {
      return sources.ensure({ title: s.title, date: s.date, url: s.url, fileId: s.fileId });
    } catch {
      throw new ApiError(400, 'invalid_body', E.noSuchFileAt(s.fileId), { 'source.fileId': E.noSuchFile });
    }
  }

  return { db, data, kinds, products, audit, sources, now, inputs, apply, transact, source };
}
export type EditContext = ReturnType<typeof editContext>;

/**
 * How a record cites the source an edit gave. Its origin says only that an edit made it: records
 * are public, and who made the change is in the audit log, whose logins only admins read.
 */
export const editCitation = (sourceId: number, s: Pick<SourceInput, 'confidence' | 'note'>): Citation => ({
  sourceId,
  confidence: s.confidence,
  note: s.note,
  origin: 'edit',
});

/** A field error found after parsing (a unit not in its set, a shape outside the province). */
export function fieldError(field: string, message: Text, status: 400 | 409 = 400): ApiError {
  return new ApiError(status, status === 409 ? 'conflict' : 'invalid_body', F.at(field, message), { [field]: message });
}

/** A fresh id from a base, with -2, -3… when taken. */
export function freshId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}
