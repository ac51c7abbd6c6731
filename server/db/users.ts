import type { Database } from 'better-sqlite3';
import type { Programme, Role, UnitRef } from '../domain/access.ts';
import type { UnitSet } from '../domain/unit-sets.ts';

/** A user as the API and the rules see it (never with the password hash). */
export interface User {
  id: number;
  login: string;
  name: string;
  role: Role;
  programmes: Programme[];
  units: UnitRef[];
  disabled: boolean;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  passwordChangedAt: number;
  lastLoginAt: number | null;
}

interface UserTable {
  id: number;
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: 0 | 1;
  created_at: number;
  updated_at: number;
  password_changed_at: number;
  last_login_at: number | null;
}

export interface UserFields {
  login: string;
  name: string;
  role: Role;
  passwordHash: string;
  programmes: readonly Programme[];
  units: readonly UnitRef[];
}

/** What an update may change; absent fields stay as they are. */
export interface UserChanges {
  name?: string;
  role?: Role;
  programmes?: readonly Programme[];
  units?: readonly UnitRef[];
  disabled?: boolean;
}

/** Users with their scopes; every multi-row write in one transaction. */
export function userQueries(db: Database) {
  const byId = db.prepare<[number], UserTable>('SELECT * FROM users WHERE id = ?');
  const byLogin = db.prepare<[string], UserTable>('SELECT * FROM users WHERE login = ?');
  const all = db.prepare<[], UserTable>('SELECT * FROM users ORDER BY login');
  const programmesOf = db.prepare<[number], { programme: Programme }>('SELECT programme FROM user_programmes WHERE user_id = ? ORDER BY programme');
  const unitsOf = db.prepare<[number], { set: UnitSet; code: string }>(
    'SELECT unit_set AS "set", code FROM user_units WHERE user_id = ? ORDER BY unit_set, code',
  );
  const insertUser = db.prepare(
    `INSERT INTO users (login, name, role, password_hash, created_at, updated_at, password_changed_at)
     VALUES (@login, @name, @role, @passwordHash, @now, @now, @now)`,
  );
  const deleteProgrammes = db.prepare('DELETE FROM user_programmes WHERE user_id = ?');
  const insertProgramme = db.prepare('INSERT INTO user_programmes (user_id, programme) VALUES (?, ?)');
  const deleteUnits = db.prepare('DELETE FROM user_units WHERE user_id = ?');
  const insertUnit = db.prepare('INSERT INTO user_units (user_id, unit_set, code) VALUES (?, ?, ?)');
  const unitExists = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM units WHERE unit_set = ? AND code = ?');
  const updateUser = db.prepare(
    `UPDATE users SET name = coalesce(@name, name), role = coalesce(@role, role), disabled = coalesce(@disabled, disabled), updated_at = @now
     WHERE id = @id`,
  );
  const setPassword = db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?');
  const recordLogin = db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?');
  const activeAdmins = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0");

  const toUser = (row: UserTable): User => ({
    id: row.id,
    login: row.login,
    name: row.name,
    role: row.role,
    programmes: programmesOf.all(row.id).map((r) => r.programme),
    units: unitsOf.all(row.id),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
    lastLoginAt: row.last_login_at,
  });

  const writeScope = (id: number, programmes: readonly Programme[], units: readonly UnitRef[]) => {
    deleteProgrammes.run(id);
    for (const p of new Set(programmes)) insertProgramme.run(id, p);
    deleteUnits.run(id);
    for (const key of new Set(units.map((u) => `${u.set}:${u.code}`))) {
      const [set, code] = key.split(':');
      insertUnit.run(id, set, code);
    }
  };

  return {
    byId: (id: number) => {
      const row = byId.get(id);
      return row && toUser(row);
    },
    /** The user and its password hash, for verifying a login. */
    credentials: (login: string) => {
      const row = byLogin.get(login);
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },
    passwordHash: (id: number) => byId.get(id)?.password_hash,
    list: () => all.all().map(toUser),
    unitExists: (u: UnitRef) => unitExists.get(u.set, u.code)!.n > 0,
    activeAdmins: () => activeAdmins.get()!.n,
    create: db.transaction((f: UserFields, now: number): number => {
      const id = Number(insertUser.run({ login: f.login, name: f.name, role: f.role, passwordHash: f.passwordHash, now }).lastInsertRowid);
      writeScope(id, f.programmes, f.units);
      return id;
    }),
    update: db.transaction((id: number, f: UserChanges, now: number) => {
      updateUser.run({ id, now, name: f.name ?? null, role: f.role ?? null, disabled: f.disabled === undefined ? null : Number(f.disabled) });
      if (f.programmes !== undefined || f.units !== undefined) {
        writeScope(id, f.programmes ?? programmesOf.all(id).map((r) => r.programme), f.units ?? unitsOf.all(id));
      }
    }),
    setPasswordHash: (id: number, hash: string, now: number) => setPassword.run(hash, now, now, id),
    recordLogin: (id: number, now: number) => recordLogin.run(now, id),
  };
}
export type UserQueries = ReturnType<typeof userQueries>;
