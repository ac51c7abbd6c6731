import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE), one row per change, holding the
 * whole record before and after, so any change can be shown, explained and reverted.
 */
export const AUDIT_ACTIONS = ['create', 'update', 'retract', 'delete', 'revert'] as const;

export const auditEntry = z.object({
  id: z.int(),
  at: z.string(),
  userId: z.int().nullable(),
  userLogin: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string(),
  entityId: z.string(),
  unitSet: z.string().nullable(),
  unitCode: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  sourceId: z.int().nullable(),
  batchId: z.string().nullable(),
  reverts: z.int().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export type NewAuditEntry = Omit<AuditEntry, 'id'>;

interface Row {
  id: number;
  at: string;
  user_id: number | null;
  user_login: string;
  action: AuditEntry['action'];
  entity: string;
  entity_id: string;
  unit_set: string | null;
  unit_code: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  source_id: number | null;
  batch_id: string | null;
  reverts: number | null;
}

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at,
  userId: r.user_id,
  userLogin: r.user_login,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  unitSet: r.unit_set,
  unitCode: r.unit_code,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
  reason: r.reason,
  sourceId: r.source_id,
  batchId: r.batch_id,
  reverts: r.reverts,
});

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  unitSet?: string;
  unitCode?: string;
  user?: string;
  batchId?: string;
  since?: string;
  /** Entries before this id (paging backwards). */
  before?: number;
  limit: number;
}

export function auditLog(db: Database) {
  const insert = db.prepare(`INSERT INTO audit_log (at, user_id, user_login, action, entity, entity_id, unit_set, unit_code, before,
    after, reason, source_id, batch_id, reverts) VALUES (@at, @userId, @userLogin, @action, @entity, @entityId, @unitSet, @unitCode,
    @before, @after, @reason, @sourceId, @batchId, @reverts)`);
  const one = db.prepare('SELECT * FROM audit_log WHERE id = ?');
  const later = db.prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? AND id > ? ORDER BY id');
  const revertOf = db.prepare('SELECT * FROM audit_log WHERE reverts = ? ORDER BY id LIMIT 1');
  const ofBatch = db.prepare('SELECT * FROM audit_log WHERE batch_id = ? AND id > ? ORDER BY id');
  const list = db.prepare(`SELECT * FROM audit_log
    WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
      AND (@unitSet IS NULL OR unit_set = @unitSet) AND (@unitCode IS NULL OR unit_code = @unitCode)
      AND (@user IS NULL OR user_login = @user) AND (@batchId IS NULL OR batch_id = @batchId)
      AND (@since IS NULL OR at >= @since) AND (@before IS NULL OR id < @before)
    ORDER BY id DESC LIMIT @limit`);
  return {
    append(e: NewAuditEntry): number {
      const info = insert.run({ ...e, before: e.before === null ? null : JSON.stringify(e.before), after: e.after === null ? null : JSON.stringify(e.after) });
      return Number(info.lastInsertRowid);
    },
    get(id: number): AuditEntry | null {
      const r = one.get(id) as Row | undefined;
      return r ? toEntry(r) : null;
    },
    /** Changes to the same record made after the given entry. */
    laterChanges(entity: string, entityId: string, afterId: number): AuditEntry[] {
      return (later.all(entity, entityId, afterId) as Row[]).map(toEntry);
    },
    /** The revert of an entry, if it has been reverted. */
    revertOf(id: number): AuditEntry | null {
      const r = revertOf.get(id) as Row | undefined;
      return r ? toEntry(r) : null;
    },
    /** The entries of an import batch after the given id, oldest first. */
    batchSince(batchId: string, afterId: number): AuditEntry[] {
      return (ofBatch.all(batchId, afterId) as Row[]).map(toEntry);
    },
    list(f: AuditFilter): AuditEntry[] {
      const params = { entity: null, entityId: null, unitSet: null, unitCode: null, user: null, batchId: null, since: null, before: null, ...f };
      return (list.all(params) as Row[]).map(toEntry);
    },
  };
}
