import type { SessionQueries, SessionRow } from '../db/sessions.ts';
import type { AuthConfig, Clock } from './config.ts';
import { newSecret, sha256 } from './secrets.ts';

/**
 * Server-side sessions. The browser holds a random 256-bit id; the database holds only its
 * SHA-256, with the user, a CSRF token and two clocks: the session ends after
 * `sessionIdleMinutes` without a request or `sessionMaxHours` after login, whichever is first.
 */
export function createSessions(queries: SessionQueries, config: AuthConfig, clock: Clock) {
  const idleMs = config.sessionIdleMinutes * 60_000;
  const maxMs = config.sessionMaxHours * 3_600_000;
  const purge = (now: number) => queries.removeExpired(now - idleMs, now - maxMs);
  return {
    /** A new session (a new id at every login); returns the id for the cookie, once. */
    start(userId: number, meta: { address: string; userAgent: string }) {
      const now = clock();
      purge(now);
      const id = newSecret();
      const row: SessionRow = {
        idHash: sha256(id),
        userId,
        csrfToken: newSecret(),
        createdAt: now,
        lastSeenAt: now,
        address: meta.address,
        userAgent: meta.userAgent.slice(0, 300),
      };
      queries.insert(row);
      return { id, row };
    },
    /** The live session for a cookie's id, its idle clock restarted; an expired one is deleted. */
    resolve(id: string): SessionRow | null {
      const row = queries.get(sha256(id));
      if (!row) return null;
      const now = clock();
      if (now - row.lastSeenAt >= idleMs || now - row.createdAt >= maxMs) {
        queries.remove(row.idHash);
        return null;
      }
      queries.touch(row.idHash, now);
      return { ...row, lastSeenAt: now };
    },
    end: (idHash: string) => queries.remove(idHash),
    /** Ends every session of a user but `keepIdHash`; returns how many ended. */
    endAll: (userId: number, keepIdHash?: string) => queries.removeForUser(userId, keepIdHash),
    count: (userId: number) => queries.countForUser(userId),
    /** When the session ends if idle from now on, and at the latest. */
    expiry: (row: SessionRow) => ({ idle: row.lastSeenAt + idleMs, absolute: row.createdAt + maxMs }),
    maxAgeSeconds: Math.floor(maxMs / 1000),
  };
}
export type Sessions = ReturnType<typeof createSessions>;
