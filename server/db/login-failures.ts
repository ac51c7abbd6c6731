import type { Database } from 'better-sqlite3';

/** Failed logins per key ('login:<name>' or 'address:<ip>'), for throttling. */
export function loginFailureQueries(db: Database) {
  const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  const since = db.prepare<[string, number], { n: number; first: number | null }>(
    'SELECT count(*) AS n, min(at) AS first FROM login_failures WHERE key = ? AND at > ?',
  );
  const clear = db.prepare('DELETE FROM login_failures WHERE key = ?');
  const prune = db.prepare('DELETE FROM login_failures WHERE at <= ?');
  return {
    record: (key: string, at: number) => insert.run(key, at),
    /** How many failures for `key` after `after`, and when the earliest of them was. */
    since: (key: string, after: number) => since.get(key, after)!,
    clear: (key: string) => clear.run(key).changes,
    prune: (before: number) => prune.run(before).changes,
  };
}
export type LoginFailureQueries = ReturnType<typeof loginFailureQueries>;
