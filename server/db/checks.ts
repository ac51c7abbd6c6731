import type { Database } from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { openDatabase } from './open.ts';
import { CORE_TABLES } from './seed.ts';

/**
 * Checks a database file must pass before the server uses it, so a problem is one clear line at
 * start instead of 500s (or silently wrong layers) later. Each throws a DatabaseCheckError whose
 * message completes "database <path> …": the cause, then what to do.
 */
export class DatabaseCheckError extends Error {}

/** "DBNT" (Điện Biên NTM) in PRAGMA application_id marks a SQLite file as this app's database. */
export const APPLICATION_ID = 0x44424e54;

/** PRAGMA quick_check: page structure, record formats, NOT NULL and CHECK constraints, in one pass. */
export function checkIntegrity(db: Database): void {
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length) {
    throw new DatabaseCheckError(
      `is damaged (quick_check: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; ${problems.length - 3} more` : ''}); restore it from a backup`,
    );
  }
}

/**
 * Whose file this is: ours (stamped with our application id), a new empty one, or one this app
 * made before it stamped its files (no id, our first migration's tables, a schema version).
 * Anything else belongs to another application and is left untouched.
 */
export function checkApplication(db: Database, migrations: readonly Migration[] = MIGRATIONS): 'ours' | 'new' | 'unstamped' {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id === APPLICATION_ID) return 'ours';
  if (id !== 0) {
    throw new DatabaseCheckError(
      `belongs to another application (application_id ${id}, ours is ${APPLICATION_ID}); set DB_PATH to this app's database or to a new file`,
    );
  }
  const tables = userTables(db);
  if (tables.length === 0) return 'new';
  const first = expectedSchema(migrations.slice(0, 1));
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > 0 && [...first.tables.keys()].every((t) => tables.includes(t))) return 'unstamped';
  throw new DatabaseCheckError(
    `is not a database of this app (it holds ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}); set DB_PATH to this app's database or to a new file`,
  );
}

/** Marks the file as ours, so no other application's file is ever mistaken for it. */
export function stampApplicationId(db: Database): void {
  db.transaction(() => db.pragma(`application_id = ${APPLICATION_ID}`)).immediate();
}

/**
 * Every table, column (with its declared type) and index the migrations create must be there.
 * More is fine (a later migration of this app may add to the schema), less is not.
 */
export function checkSchema(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const expected = expectedSchema(migrations);
  const actual = schemaOf(db);
  const problems: string[] = [];
  for (const [table, columns] of expected.tables) {
    const have = actual.tables.get(table);
    if (!have) {
      problems.push(`table ${table} is missing`);
      continue;
    }
    for (const [column, type] of columns) {
      if (!have.has(column)) problems.push(`column ${table}.${column} is missing`);
      else if (have.get(column) !== type) problems.push(`column ${table}.${column} is ${have.get(column) || 'untyped'}, not ${type}`);
    }
  }
  for (const index of expected.indexes) if (!actual.indexes.has(index)) problems.push(`index ${index} is missing`);
  if (problems.length) {
    const version = migrations.at(-1)?.version ?? 0;
    throw new DatabaseCheckError(
      `does not have the schema of version ${version}: ${problems.slice(0, 3).join(', ')}${problems.length > 3 ? ` and ${problems.length - 3} more` : ''}; it was changed outside the app — restore it from a backup`,
    );
  }
}

/**
 * What the core tables hold: all empty (a new database, to seed), all filled, or some emptied,
 * which the app refuses rather than serve layers with data silently missing.
 */
export function contentState(db: Database): 'empty' | 'complete' {
  const empty = CORE_TABLES.filter((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined);
  if (empty.length === CORE_TABLES.length) return 'empty';
  if (empty.length === 0) return 'complete';
  throw new DatabaseCheckError(
    `has lost data: ${empty.length === 1 ? 'table' : 'tables'} ${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty while others hold data; restore it from a backup, or move it away to start afresh from the seed`,
  );
}

interface Schema {
  tables: Map<string, Map<string, string>>;
  indexes: Set<string>;
}

function userTables(db: Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

function schemaOf(db: Database): Schema {
  const tables = new Map<string, Map<string, string>>();
  for (const table of userTables(db)) {
    const columns = db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[];
    tables.set(table, new Map(columns.map((c) => [c.name, c.type.toUpperCase()])));
  }
  const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string }[];
  return { tables, indexes: new Set(indexes.map((i) => i.name)) };
}

const schemas = new WeakMap<readonly Migration[], Schema>();

/** The schema the migrations make, read from a scratch in-memory database (once per list). */
function expectedSchema(migrations: readonly Migration[]): Schema {
  let schema = schemas.get(migrations);
  if (!schema) {
    const scratch = openDatabase(':memory:');
    migrate(scratch, migrations);
    schema = schemaOf(scratch);
    scratch.close();
    schemas.set(migrations, schema);
  }
  return schema;
}
