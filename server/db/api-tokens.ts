import type { Database } from 'better-sqlite3';

/** A personal API token as listed: never the token, only its first characters to recognise it. */
export interface ApiTokenRow {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const COLUMNS = `id, user_id AS userId, name, prefix, created_at AS createdAt, expires_at AS expiresAt,
  last_used_at AS lastUsedAt, revoked_at AS revokedAt`;

export function apiTokenQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at)
     VALUES (@userId, @name, @tokenHash, @prefix, @createdAt, @expiresAt)`,
  );
  const byHash = db.prepare<[string], ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = ?`);
  const byId = db.prepare<[number], ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`);
  const forUser = db.prepare<[number], ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC`);
  const touch = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  return {
    insert: (t: { userId: number; name: string; tokenHash: string; prefix: string; createdAt: number; expiresAt: number }) =>
      Number(insert.run(t).lastInsertRowid),
    byHash: (hash: string) => byHash.get(hash),
    byId: (id: number) => byId.get(id),
    forUser: (userId: number) => forUser.all(userId),
    touch: (id: number, at: number) => touch.run(at, id),
    /** Returns whether the token was live (1) or already revoked (0). */
    revoke: (id: number, at: number) => revoke.run(at, id).changes,
  };
}
export type ApiTokenQueries = ReturnType<typeof apiTokenQueries>;
