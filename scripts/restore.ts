import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConfig } from '../server/config.ts';
import { backupFileName } from '../server/db/backup-schedule.ts';
import { restoreDatabase } from '../server/db/backup.ts';

/**
 * npm run restore -- FILE: replaces the database (DB_PATH) with a backup after checking its
 * integrity and schema; nothing is touched if the check fails. The current database is first
 * saved to BACKUP_DIR/before-restore-<UTC time>.db. Safe while the server runs (it sees the
 * restored data on its next request), but stopping it first is simpler to reason about.
 */
const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: npm run restore -- FILE   (a backup made by npm run backup or the daily backups)');
  process.exit(2);
}
const config = readConfig();
const safetyCopy = existsSync(config.dbPath) ? join(config.backup.dir, backupFileName('before-restore', Date.now())) : undefined;
try {
  const done = await restoreDatabase(resolve(file), config.dbPath, safetyCopy);
  console.log(
    `restored ${config.dbPath} from ${file}: schema ${done.version}${done.applied.length ? ` (migrated to ${done.applied.at(-1)})` : ''}, ${done.units} units, ${done.users} users`,
  );
  if (safetyCopy) console.log(`the database as it was before: ${safetyCopy}`);
  console.log(
    done.accounts === 'kept'
      ? 'every login session has ended; users, passwords and API tokens stay as they were before the restore (revoked tokens stay revoked)'
      : 'every login session has ended; users and API tokens are as they were in the backup (there was no readable database to keep them from)',
  );
} catch (err) {
  console.error(`npm run restore: nothing was changed: ${(err as Error).message}`);
  process.exitCode = 1;
}
