import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { backupDatabase } from './backup.ts';

/**
 * Automatic daily backups: `auto-<UTC time>.db` files in one folder, a new one when the newest
 * is a day old, each kept for `keepDays`. Only these files are ever deleted; backups made by
 * hand and safety copies taken before a restore are left alone.
 */
export interface BackupSchedule {
  dir: string;
  /** Days an automatic backup is kept; 0 turns automatic backups off. */
  keepDays: number;
}

const DAY = 86_400_000;
const AUTO = /^auto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.db$/;

/** A backup file name for a moment: `<kind>-2025-07-01T02-00-00Z.db` (no colons, sorts by time). */
export const backupFileName = (kind: 'auto' | 'manual' | 'before-restore', at: number) =>
  `${kind}-${new Date(at).toISOString().slice(0, 19).replaceAll(':', '-')}Z.db`;

/** The automatic backups in `dir`, oldest first, with the time their name gives. */
export function automaticBackups(dir: string): { file: string; at: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const m = AUTO.exec(name);
      return m ? [{ file: join(dir, name), at: Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`) }] : [];
    })
    .sort((a, b) => a.at - b.at);
}

/** Makes today's backup if the newest is a day old (or none exists), then deletes those past `keepDays`. */
export async function runDailyBackup(db: Database, schedule: BackupSchedule, now: number): Promise<{ made: string | null; pruned: string[] }> {
  const newest = automaticBackups(schedule.dir).at(-1);
  let made: string | null = null;
  if (!newest || now - newest.at >= DAY) made = (await backupDatabase(db, join(schedule.dir, backupFileName('auto', now)))).file;
  const pruned = automaticBackups(schedule.dir)
    .filter((b) => now - b.at > schedule.keepDays * DAY)
    .map((b) => b.file);
  for (const file of pruned) rmSync(file, { force: true });
  return { made, pruned };
}

/**
 * Checks every hour (and once at start) whether a backup is due. Returns a function that stops
 * it. Failures are logged and tried again at the next check; they never stop the server.
 */
export function scheduleDailyBackups(db: Database, schedule: BackupSchedule, clock: () => number = Date.now): () => void {
  if (schedule.keepDays <= 0) return () => {};
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    runDailyBackup(db, schedule, clock())
      .then(({ made, pruned }) => {
        if (made) console.log(`backup: ${made}${pruned.length ? `; deleted ${pruned.length} older than ${schedule.keepDays} days` : ''}`);
      })
      .catch((err) => console.error(`backup to ${schedule.dir} failed (will retry within the hour):`, err))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
