import { editMessages as E } from '../messages/edits.ts';
import { fieldMessages as F } from '../messages/fields.ts';
import { issueText } from '../messages/issues.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/authorize.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { reason } from '../catalog/writes.ts';
import { AUDIT_ENTITIES, AUDIT_KINDS, type AuditEntry } from '../catalog/audit.ts';
import { UNIT_SETS } from '../domain/unit-sets.ts';
import type { Editor } from '../edits/index.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { editRequest } from './edits.ts';

const text = (max: number) => z.string().max(max).optional();
const auditQuery = z.strictObject({
  entity: z.enum(AUDIT_KINDS).optional(),
  entityId: text(120),
  unitSet: z.enum(UNIT_SETS).optional(),
  unitCode: z
    .string()
    .regex(/^(\d{3}|\d{5})$/)
    .optional(),
  user: text(64),
  batchId: text(64),
  since: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
/**
 * Anyone's query: records only (changes to accounts, tokens and lockouts stay in the admins' audit log), and never by
 * who made the changes (that would tell whether a login edited a unit).
 */
const historyQuery = auditQuery.extend({ entity: z.enum(AUDIT_ENTITIES).optional() }).omit({ user: true });

/** What anyone may read of a change: what, when, why, on which source — not who (logins stay with admins). */
function publicView<E extends AuditEntry>(e: E): Omit<E, 'userId' | 'userLogin'> {
  const { userId: _id, userLogin: _login, ...rest } = e;
  return { ...rest, before: withoutLogins(rest.before), after: withoutLogins(rest.after) };
}

/** Records edited before migration 5 cite their sources with origin `edit by <login>`: the login is left out. */
function withoutLogins(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLogins);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'origin' && typeof v === 'string' && v.startsWith('edit by ') ? 'edit' : withoutLogins(v)]),
  );
}

function query<S extends typeof auditQuery | typeof historyQuery>(schema: S, raw: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'query');
    // zod's own English, as before; the Vietnamese in our words where we have them.
    const message = { en: issue.message, vi: issueText(issue).vi };
    throw new ApiError(400, issue.code === 'unrecognized_keys' ? 'unknown_parameter' : 'invalid_parameter', F.at(name, message));
  }
  return parsed.data as z.output<S>;
}

/**
 * GET /api/history?unitSet=&unitCode=  — the changes to one unit's record (anyone may read them; logins omitted).
 * GET /api/audit?…                     — the audit log with filters (admins).
 * POST /api/audit/:id/revert           — revert one change (admins); POST /api/audit/batches/:id/revert — a whole import.
 */
export function auditRoutes(editor: Editor) {
  const log = editor.audit;
  /** Entries with the source each cites (title, date, link) and the change that reverted it, so a reader needs no second request. */
  const viewed = (entries: AuditEntry[]) => {
    const reverted = log.revertsOf(entries.map((e) => e.id));
    return entries.map((e) => ({ ...e, source: e.sourceId === null ? null : editor.sources.get(e.sourceId), revertedBy: reverted.get(e.id) ?? null }));
  };
  return new Hono<AuthEnv>()
    .get('/history', (c) => {
      const q = query(historyQuery, c.req.query());
      if (!q.unitCode && !q.entityId) throw new ApiError(400, 'invalid_parameter', E.whoseHistory);
      // A unit's history: a code names a place only within its set (the 2025 set reuses old codes for
      // other places). The admins' audit log may search a code across sets.
      if (q.unitCode && !q.unitSet) throw new ApiError(400, 'invalid_parameter', E.unitSetWithCode);
      // A record's history names its kind: the log's entries that are no record (accounts, tokens) stay with admins.
      if (q.entityId && !q.entity) throw new ApiError(400, 'invalid_parameter', E.historyEntity);
      return c.json({ entries: viewed(log.list(q)).map(publicView) });
    })
    .get('/audit', requireRole('admin'), (c) => c.json({ entries: viewed(log.list(query(auditQuery, c.req.query()))) }))
    .post('/audit/:id/revert', requireRole('admin'), async (c) => {
      const { reason: why } = await jsonBody(c, z.object({ reason }));
      const id = editor.revert.change(editRequest(c), pathId(c, 'id'), why);
      return c.json(viewed([log.get(id)!])[0], 201);
    })
    .post('/audit/batches/:batchId/revert', requireRole('admin'), async (c) => {
      const { reason: why } = await jsonBody(c, z.object({ reason }));
      const batchId = c.req.param('batchId');
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(batchId)) throw new ApiError(400, 'invalid_parameter', E.batchId);
      const ids = editor.revert.batch(editRequest(c), batchId, why);
      return c.json({ reverted: ids.length, entries: viewed(ids.map((i) => log.get(i)!)) }, 201);
    });
}
