import type { Database } from 'better-sqlite3';
import { apiTokenQueries } from '../db/api-tokens.ts';
import { loginFailureQueries } from '../db/login-failures.ts';
import { sessionQueries } from '../db/sessions.ts';
import { createAccounts } from './accounts.ts';
import { createApiTokens } from './api-tokens.ts';
import { type AuthConfig, type Clock, DEFAULT_AUTH_CONFIG } from './config.ts';
import { createSessions } from './sessions.ts';
import { createLoginThrottle } from './throttle.ts';

/**
 * Accounts, sessions, API tokens and login throttling over one database, on one clock.
 * `placeNames`: the province's and its districts' names, which no password may be made of (the
 * data's, read when a password is set).
 */
export function createAuth(db: Database, config: AuthConfig = DEFAULT_AUTH_CONFIG, clock: Clock = Date.now, placeNames: () => readonly string[] = () => []) {
  const sessions = createSessions(sessionQueries(db), config, clock);
  return {
    config,
    clock,
    sessions,
    accounts: createAccounts(db, sessions, clock, placeNames),
    tokens: createApiTokens(apiTokenQueries(db), clock),
    throttle: createLoginThrottle(loginFailureQueries(db), config, clock),
  };
}
export type Auth = ReturnType<typeof createAuth>;
