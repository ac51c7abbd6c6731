import type { Database } from 'better-sqlite3';
import { apiTokenQueries } from '../db/api-tokens.ts';
import { loginFailureQueries } from '../db/login-failures.ts';
import { sessionQueries } from '../db/sessions.ts';
import type { User } from '../db/users.ts';
import { TOKEN_ENTITY } from '../catalog/audit.ts';
import { accountLog, type Actor } from './account-log.ts';
import { createAccounts } from './accounts.ts';
import { createApiTokens } from './api-tokens.ts';
import { type AuthConfig, type Clock, DEFAULT_AUTH_CONFIG } from './config.ts';
import { createSessions } from './sessions.ts';
import { createLoginThrottle } from './throttle.ts';
import { tokenView } from './views.ts';

/**
 * Accounts, sessions, API tokens and login throttling over one database, on one clock.
 * `placeNames`: the province's and its districts' names, which no password may be made of (the
 * data's, read when a password is set).
 */
export function createAuth(db: Database, config: AuthConfig = DEFAULT_AUTH_CONFIG, clock: Clock = Date.now, placeNames: () => readonly string[] = () => []) {
  const sessions = createSessions(sessionQueries(db), config, clock);
  const tokens = createApiTokens(apiTokenQueries(db), clock);
  const log = accountLog(db, clock);
  return {
    config,
    clock,
    sessions,
    accounts: createAccounts(db, sessions, log, clock, placeNames),
    tokens,
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
            log(by, 'retract', TOKEN_ENTITY, id, { ...tokenView(before), user: owner.login }, { ...tokenView(tokens.byId(id)!), user: owner.login });
          }
        }
        return revoked;
      })(),
    throttle: createLoginThrottle(loginFailureQueries(db), config, clock),
  };
}
export type Auth = ReturnType<typeof createAuth>;
