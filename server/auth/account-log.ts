import type { Database } from 'better-sqlite3';
import { type AccountEntity, type AuditAction, SYSTEM_ACTORS } from '../catalog/audit.ts';
import type { User } from '../db/users.ts';
import { auditLog } from '../db/writes/audit.ts';
import type { Clock } from './config.ts';

/**
 * Who changes an account: a logged-in user (an admin, or a user changing their own password or tokens), the command
 * line, or the login throttle (a lockout).
 */
export type Actor = Pick<User, 'id' | 'login'> | { id: null; login: string };

/** `npm run user`: an operator at the server, no user of the app. */
export const COMMAND_LINE: Actor = { id: null, login: SYSTEM_ACTORS.commandLine.login };

/** The server itself locking an account after too many failed logins (server/auth/throttle.ts): whoever typed them is unknown. */
export const LOGIN_THROTTLE: Actor = { id: null, login: SYSTEM_ACTORS.loginThrottle.login };

/**
 * The audit log's entries about accounts (catalog/audit.ts ACCOUNT_ENTITIES): one per change, appended by the caller
 * inside the change's transaction, with who made it and the account or token before and after as an admin sees it —
 * never a password, a hash, a session or a token's secret. No units: never in a unit's public history.
 */
export function accountLog(db: Database, clock: Clock) {
  const audit = auditLog(db);
  return (by: Actor, action: AuditAction, entity: AccountEntity, entityId: number, before: object | null, after: object | null): number =>
    audit.append(
      {
        at: new Date(clock()).toISOString(),
        userId: by.id,
        userLogin: by.login,
        action,
        entity,
        entityId: String(entityId),
        before,
        after,
        reason: null,
        sourceId: null,
        batchId: null,
        reverts: null,
      },
      [],
    );
}
export type AccountLog = ReturnType<typeof accountLog>;
