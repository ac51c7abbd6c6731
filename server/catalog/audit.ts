import { z } from 'zod';

/**
 * The audit log as the API shows it (GET /api/history, GET /api/audit): one change with the
 * whole record before and after, why, and the source it was made on. Isomorphic, so the
 * client checks what it receives against the same schema.
 */
export const AUDIT_ACTIONS = ['create', 'update', 'retract', 'delete', 'revert'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of record a change can be about (server/edits/entities.ts). */
export const AUDIT_ENTITIES = ['recognition', 'product', 'zone', 'target', 'unit'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/**
 * The audit log also records who revoked an API token (server/auth/auth.ts `revokeTokens`): not a record of the
 * programmes, so never in a public history, never reverted (the user creates a new token), not a record kind
 * to filter on.
 */
export const TOKEN_ENTITY = 'api_token';

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

/** The source a change cites, as a reader needs it: title, date, and where to open it. */
export const auditSource = z.object({ title: z.string(), date: z.string(), url: z.string().nullable() });
export type AuditSource = z.infer<typeof auditSource>;

/** An entry of GET /api/audit (admins): who made it, its source, and the change that reverted it, if any. */
export const auditEntryView = auditEntry.extend({
  source: auditSource.nullable(),
  revertedBy: z.int().nullable().describe('The id of the change that reverted this one (whether or not it is listed)'),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

/** An entry of GET /api/history (anyone): the same without who made it. */
export const historyEntryView = auditEntryView.omit({ userId: true, userLogin: true });
export type HistoryEntryView = z.infer<typeof historyEntryView>;

export const auditResponse = z.object({ entries: z.array(auditEntryView) });
export const historyResponse = z.object({ entries: z.array(historyEntryView) });
export const revertResponse = auditEntryView;
export const batchRevertResponse = z.object({ reverted: z.int(), entries: z.array(auditEntryView) });
