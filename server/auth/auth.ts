import type { Database } from 'better-sqlite3';
import { apiTokenQueries } from '../db/api-tokens.ts';
import { loginFailureQueries } from '../db/login-failures.ts';
import { sessionQueries } from '../db/sessions.ts';
import type { User } from '../db/users.ts';
import { auditLog } from '../db/writes/audit.ts';
import { LOCKOUT_ENTITY, TOKEN_ENTITY } from '../catalog/audit.ts';
import { accountLog, type Actor, LOGIN_THROTTLE } from './account-log.ts';
import { createAccounts } from './accounts.ts';
import { createApiTokens } from './api-tokens.ts';
import { type AuthConfig, type Clock, DEFAULT_AUTH_CONFIG } from './config.ts';
import { createSessions } from './sessions.ts';
import { createLoginThrottle } from './throttle.ts';
import { lockoutLogView, tokenLogView } from './views.ts';

/**
 * Accounts, sessions, API tokens and login throttling over one database, on one clock.
 * `placeNames`: the province's and its districts' names, which no password may be made of (the
 * data's, read when a password is set).
 */
export function createAuth(db: Database, config: AuthConfig = DEFAULT_AUTH_CONFIG, clock: Clock = Date.now, placeNames: () => readonly string[] = () => []) {
  const sessions = createSessions(sessionQueries(db), config, clock);
  const tokens = createApiTokens(apiTokenQueries(db), clock);
  const log = accountLog(db, clock);
  const audit = auditLog(db);
  const accounts = createAccounts(db, sessions, log, clock, placeNames);
  const throttle = createLoginThrottle(loginFailureQueries(db), config, clock);
  const windowMs = config.loginWindowMinutes * 60_000;
  return {
    config,
    clock,
    sessions,
    accounts,
    tokens,
    /**
     * Issues `owner` an API token named `name`, expiring in `days`, on behalf of `by` (the owner or the command line),
     * in one transaction with its audit log entry (the creation of an `api_token`: the token as listed, with its
     * owner's login; never the secret or its hash). The secret is returned, to be shown once.
     */
    issueToken: (owner: User, name: string, days: number, by: Actor) =>
      db.transaction(() => {
        const issued = tokens.issue(owner.id, name, days);
        log(by, 'create', TOKEN_ENTITY, issued.row.id, null, tokenLogView(issued.row, owner));
        return issued;
      })(),
    /**
     * Revokes `owner`'s API tokens `ids` (each must be `owner`'s) on behalf of `by` (the owner, an admin or the command line), in
     * one transaction, each logged in the audit log as the retraction of an `api_token` (the token as listed
     * before and after, with its owner's login; never the secret). A token already revoked is left as it is and
     * not logged again. Returns how many were revoked now.
     */
    revokeTokens: (owner: User, ids: readonly number[], by: Actor): number =>
      db.transaction(() => {
        let revoked = 0;
        for (const id of ids) {
          const before = tokens.byId(id);
          if (before?.userId !== owner.id) throw new Error(`token ${id} is not ${owner.login}'s`);
          if (tokens.revoke(id)) {
            revoked++;
            log(by, 'retract', TOKEN_ENTITY, id, tokenLogView(before, owner), tokenLogView(tokens.byId(id)!, owner));
          }
        }
        return revoked;
      })(),
    throttle,
    /**
     * A failed login for `login` from `address`: counted (throttle.ts); when that locks an account that exists, the
     * lockout is in the audit log (by the login throttle), once per lock — not again while a logged lockout is less
     * than a window old and not ended by `unlock`, so failures kept up at the pace the window lets through add one
     * entry a window, not one each. A login that is no account logs nothing (what was typed may be a password); the
     * answer is the same either way, so nothing tells a visitor which logins exist.
     */
    loginFailed: (login: string, address: string) =>
      db.transaction(() => {
        throttle.failed(login, address);
        const { failures, lockedUntil } = throttle.ofAccount(login);
        const user = lockedUntil === null ? undefined : accounts.byLogin(login);
        if (!user) return;
        const last = audit.latest(LOCKOUT_ENTITY, String(user.id));
        if (last?.action === 'create' && Date.parse(last.at) > clock() - windowMs) return;
        log(LOGIN_THROTTLE, 'create', LOCKOUT_ENTITY, user.id, null, lockoutLogView(user, failures, lockedUntil, address));
      })(),
    /**
     * Lets `user` try to log in again at once (`npm run user -- unlock`), on behalf of `by`: their failed logins are
     * cleared and, when there were any within the window, the end of the lockout (or of the count towards one) is in
     * the audit log, in the same transaction. Returns how many failures within the window were cleared.
     */
    unlock: (user: User, by: Actor): number =>
      db.transaction(() => {
        const { failures, lockedUntil } = throttle.ofAccount(user.login);
        throttle.clear(user.login);
        if (failures > 0) log(by, 'delete', LOCKOUT_ENTITY, user.id, lockoutLogView(user, failures, lockedUntil), null);
        return failures;
      })(),
  };
}
export type Auth = ReturnType<typeof createAuth>;
