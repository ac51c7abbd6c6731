import { type AccountEntity, isAccountEntity } from '../catalog/audit.ts';
import type { AuditEntry } from '../db/writes/audit.ts';
import { ApiError } from '../http/errors.ts';
import { editMessages as E } from '../messages/edits.ts';
import type { Text } from '../messages/text.ts';
import type { EditContext, EditRequest } from './context.ts';
import type { EntityName } from './entities.ts';

/** Why a change to an account or a token is not reverted, by its kind. */
const NOT_REVERTED: Record<AccountEntity, (id: number, entityId: string) => Text> = {
  account: E.accountNotReverted,
  api_token: E.tokenNotReverted,
  lockout: E.lockoutNotReverted,
};

/**
 * Reverts: a change, or a whole import batch, is undone by putting back the record as it was
 * before — itself a change, logged with the entry it reverts. A record changed since cannot be
 * reverted silently over the newer change: revert that one first.
 */
export function reverts(ctx: EditContext) {
  function check(entry: AuditEntry, alsoReverted: ReadonlySet<number> = new Set()) {
    // The log also holds changes to accounts, API tokens and login lockouts, which are not data (catalog/audit.ts ACCOUNT_ENTITIES).
    if (isAccountEntity(entry.entity)) throw new ApiError(409, 'conflict', NOT_REVERTED[entry.entity](entry.id, entry.entityId));
    if (entry.action === 'revert' && entry.reverts !== null && alsoReverted.has(entry.reverts)) return;
    const done = ctx.audit.revertOf(entry.id);
    if (done) throw new ApiError(409, 'conflict', E.alreadyReverted(entry.id, done.id));
    const later = ctx.audit.laterChanges(entry.entity, entry.entityId, entry.id).filter((e) => !alsoReverted.has(e.id));
    if (later.length) {
      throw new ApiError(
        409,
        'conflict',
        E.changedAgain(
          entry.entity,
          entry.entityId,
          entry.id,
          later.map((e) => e.id),
        ),
      );
    }
  }

  function undo(req: EditRequest, entry: AuditEntry, reason: string): number {
    return ctx.apply(req, {
      action: 'revert',
      entity: entry.entity as EntityName,
      id: entry.entityId,
      after: entry.before,
      reason,
      sourceId: null,
      reverts: entry.id,
    });
  }

  return {
    change(req: EditRequest, id: number, reason: string): number {
      return ctx.transact(() => {
        const entry = ctx.audit.get(id);
        if (!entry) throw new ApiError(404, 'not_found', E.noChange(id));
        check(entry);
        return undo(req, entry, reason);
      });
    },

    batch(req: EditRequest, batchId: string, reason: string): number[] {
      return ctx.transact(() => {
        const entries = ctx.audit.list({ batchId, limit: 1_000_000 });
        if (!entries.length) throw new ApiError(404, 'not_found', E.noBatch(batchId));
        const ids = new Set(entries.map((e) => e.id));
        for (const e of entries) check(e, ids);
        // Newest first, so each record returns to its state before the batch.
        return entries.sort((a, b) => b.id - a.id).map((e) => undo({ ...req, batchId: null }, e, reason));
      });
    },
  };
}
