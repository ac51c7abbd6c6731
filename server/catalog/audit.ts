import { z } from 'zod';
import type { Lang, Text } from '../messages/text.ts';

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
 * The audit log also records changes to accounts (server/auth/account-log.ts), each with who made it: an admin's or
 * the command line's account administration and a user's own password (`account`: a user added, their name, role,
 * scope or password changed, disabled or enabled, their sessions ended), every API token created or revoked
 * (`api_token`), and every login lockout (`lockout`: an account locked by too many failed logins, by the login
 * throttle; its end by `npm run user -- unlock`). They are no records of the programmes: never in a public history,
 * never reverted (the admin changes the account again; the user creates a new token); the admins' audit log may
 * filter on them. Sign-ins are not logged here (each user's last one is on the users page).
 */
export const ACCOUNT_ENTITIES = ['account', 'api_token', 'lockout'] as const;
export type AccountEntity = (typeof ACCOUNT_ENTITIES)[number];
export const [ACCOUNT_ENTITY, TOKEN_ENTITY, LOCKOUT_ENTITY] = ACCOUNT_ENTITIES;
/** Every kind the audit log holds, as the admins' audit log filters on them. */
export const AUDIT_KINDS = [...AUDIT_ENTITIES, ...ACCOUNT_ENTITIES] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
/**
 * Kinds the audit log lists only when filtered for (`entity=lockout`): anyone may cause a lockout by failing to log in,
 * as often as once a window per account, and they must not crowd out the changes an admin reads the log for.
 */
export const LISTED_WHEN_ASKED: readonly AuditKind[] = [LOCKOUT_ENTITY];
/** Whether an entry is about an account, a token or a lockout (admins only, not revertable) rather than the data. */
export const isAccountEntity = (entity: string): entity is AccountEntity => (ACCOUNT_ENTITIES as readonly string[]).includes(entity);

/**
 * Who changes accounts without being a user of the app, as the audit log records them (`userLogin`, with no
 * `userId`; no login has a space, so none can be taken for one) and as the audit page words them.
 */
export const SYSTEM_ACTORS = {
  commandLine: { login: 'command line', name: { vi: 'dòng lệnh (npm run user)', en: 'command line (npm run user)' } },
  loginThrottle: { login: 'login throttle', name: { vi: 'bộ giới hạn đăng nhập', en: 'login throttle' } },
} as const satisfies Record<string, { login: string; name: Text }>;

/** The name of who made an entry, in the reader's language: a user's login, or a system actor's name. */
export function actorName(entry: Pick<AuditEntry, 'userId' | 'userLogin'>, lang: Lang): string {
  const system = entry.userId === null ? Object.values(SYSTEM_ACTORS).find((a) => a.login === entry.userLogin) : undefined;
  return system ? system.name[lang] : entry.userLogin;
}

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
