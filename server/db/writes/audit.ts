import type { Database } from 'better-sqlite3';
import { type AuditEntry, LISTED_WHEN_ASKED } from '../../catalog/audit.ts';

export { AUDIT_ACTIONS, type AuditEntry, auditEntry } from '../../catalog/audit.ts';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE), one row per change, holding the
 * whole record before and after, so any change can be shown, explained and reverted.
 */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'unitSet' | 'unitCode'>;

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
  const touched = db.prepare('INSERT OR IGNORE INTO audit_units (audit_id, unit_set, unit_code) VALUES (?, ?, ?)');
  const one = db.prepare('SELECT * FROM audit_log WHERE id = ?');
  const later = db.prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? AND id > ? ORDER BY id');
  const revertOf = db.prepare('SELECT * FROM audit_log WHERE reverts = ? ORDER BY id LIMIT 1');
  const ofBatch = db.prepare('SELECT * FROM audit_log WHERE batch_id = ? AND id > ? ORDER BY id');
  // One pass for a whole page of entries (reverts has no index: a scan per entry would not do).
  const revertsOfMany = db.prepare('SELECT reverts, MIN(id) AS id FROM audit_log WHERE reverts IN (SELECT value FROM json_each(?)) GROUP BY reverts');
  const latest = db.prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1');
  const list = db.prepare(`SELECT * FROM audit_log
    WHERE (@entity IS NULL AND entity NOT IN (SELECT value FROM json_each(@unlisted)) OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
      AND (@unitSet IS NULL AND @unitCode IS NULL OR id IN (SELECT audit_id FROM audit_units
        WHERE (@unitSet IS NULL OR unit_set = @unitSet) AND (@unitCode IS NULL OR unit_code = @unitCode)))
      AND (@user IS NULL OR user_login = @user) AND (@batchId IS NULL OR batch_id = @batchId)
      AND (@since IS NULL OR at >= @since) AND (@before IS NULL OR id < @before)
    ORDER BY id DESC LIMIT @limit`);
  return {
    /**
     * Logs one change. `units`: every unit it touched (the record's before and after), each of
     * whose histories lists it; the entry's own unitSet/unitCode name the first of them.
     */
    append(e: NewAuditEntry, units: readonly { set: string; code: string }[]): number {
      const first = units[0];
      const info = insert.run({
        ...e,
        unitSet: first?.set ?? null,
        unitCode: first?.code ?? null,
        before: e.before === null ? null : JSON.stringify(e.before),
        after: e.after === null ? null : JSON.stringify(e.after),
      });
      const id = Number(info.lastInsertRowid);
      for (const u of units) touched.run(id, u.set, u.code);
      return id;
    },
    get(id: number): AuditEntry | null {
      const r = one.get(id) as Row | undefined;
      return r ? toEntry(r) : null;
    },
    /** The last entry about a record, if any. */
    latest(entity: string, entityId: string): AuditEntry | null {
      const r = latest.get(entity, entityId) as Row | undefined;
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
    /** Which listed entries have been reverted, and by which change: reverted id → reverting id. */
    revertsOf(ids: readonly number[]): Map<number, number> {
      if (!ids.length) return new Map();
      const rows = revertsOfMany.all(JSON.stringify(ids)) as { reverts: number; id: number }[];
      return new Map(rows.map((r) => [r.reverts, r.id]));
    },
    /** The entries of an import batch after the given id, oldest first. */
    batchSince(batchId: string, afterId: number): AuditEntry[] {
      return (ofBatch.all(batchId, afterId) as Row[]).map(toEntry);
    },
    /** The entries that match, newest first; without `entity`, all but the kinds listed only when asked for (LISTED_WHEN_ASKED). */
    list(f: AuditFilter): AuditEntry[] {
      const params = {
        entity: null,
        entityId: null,
        unitSet: null,
        unitCode: null,
        user: null,
        batchId: null,
        since: null,
        before: null,
        ...f,
        unlisted: JSON.stringify(LISTED_WHEN_ASKED),
      };
      return (list.all(params) as Row[]).map(toEntry);
    },
  };
}
