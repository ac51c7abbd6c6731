import type { ApiTokenQueries, ApiTokenRow } from '../db/api-tokens.ts';
import type { Clock } from './config.ts';
import { newSecret, sha256 } from './secrets.ts';

/** Every token starts so; a secret scanner (or a person) can tell what it is. */
export const TOKEN_PREFIX = 'dbm_';

/**
 * Personal API tokens for tools such as QGIS (`Authorization: Bearer dbm_…`). A token acts as
 * its user, with the user's current role and scope; it is shown once, stored as its SHA-256,
 * expires, and can be revoked at any time by its user or an admin.
 */
export function createApiTokens(queries: ApiTokenQueries, clock: Clock) {
  return {
    issue(userId: number, name: string, days: number): { token: string; row: ApiTokenRow } {
      const now = clock();
      const token = `${TOKEN_PREFIX}${newSecret()}`;
      const id = queries.insert({ userId, name, tokenHash: sha256(token), prefix: token.slice(0, 10), createdAt: now, expiresAt: now + days * 86_400_000 });
      return { token, row: queries.byId(id)! };
    },
    /** The live token a bearer presents, or null when unknown, revoked or expired. */
    resolve(token: string): ApiTokenRow | null {
      if (!token.startsWith(TOKEN_PREFIX)) return null;
      const row = queries.byHash(sha256(token));
      const now = clock();
      if (!row || row.revokedAt !== null || row.expiresAt <= now) return null;
      queries.touch(row.id, now);
      return row;
    },
    list: (userId: number) => queries.forUser(userId),
    byId: (id: number) => queries.byId(id),
    /** Returns false when the token was already revoked. */
    revoke: (id: number) => queries.revoke(id, clock()) > 0,
  };
}
export type ApiTokens = ReturnType<typeof createApiTokens>;
