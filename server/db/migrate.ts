import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

/**
 * Brings a database up to the latest schema, each migration in its own transaction, so a
 * failing one leaves the database at the previous version. Each transaction takes the write
 * lock first (BEGIN IMMEDIATE) and reads the version inside it: a second process starting on
 * the same new file waits for the first, then finds the migrations applied.
 * Returns the versions this call applied.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations.at(-1)?.version ?? 0;
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const m of migrations) {
    const ran = db
      .transaction(() => {
        const current = version();
        if (current > latest) throw new Error(`database schema version ${current} is newer than this server (${latest}); upgrade the server`);
        if (m.version <= current) return false;
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
