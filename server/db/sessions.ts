import type { Database } from 'better-sqlite3';

/** A login session as stored: the id itself is never stored, only its SHA-256. */
export interface SessionRow {
  idHash: string;
  userId: number;
  csrfToken: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  lastSeenAt: number;
  address: string;
  userAgent: string;
}

export function sessionQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, address, user_agent)
     VALUES (@idHash, @userId, @csrfToken, @createdAt, @lastSeenAt, @address, @userAgent)`,
  );
  const get = db.prepare<[string], SessionRow>(
    `SELECT id_hash AS idHash, user_id AS userId, csrf_token AS csrfToken, created_at AS createdAt, last_seen_at AS lastSeenAt,
            address, user_agent AS userAgent
     FROM sessions WHERE id_hash = ?`,
  );
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?');
  const countForUser = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM sessions WHERE user_id = ?');
  const removeAll = db.prepare('DELETE FROM sessions');
  return {
    insert: (s: SessionRow) => insert.run(s),
    get: (idHash: string) => get.get(idHash),
    touch: (idHash: string, at: number) => touch.run(at, idHash),
    remove: (idHash: string) => remove.run(idHash).changes,
    /** Ends every session of a user, but the one whose hash is `keep` (if any). Returns how many. */
    removeForUser: (userId: number, keep = '') => removeForUser.run(userId, keep).changes,
    /** Deletes sessions idle since `idleBefore` or created before `createdBefore`. */
    removeExpired: (idleBefore: number, createdBefore: number) => removeExpired.run(idleBefore, createdBefore).changes,
    countForUser: (userId: number) => countForUser.get(userId)!.n,
    removeAll: () => removeAll.run().changes,
  };
}
export type SessionQueries = ReturnType<typeof sessionQueries>;
