import { accountMessages as A } from '../messages/accounts.ts';
import type { Database } from 'better-sqlite3';
import { PROGRAMMES, type Programme, type Role, type UnitRef } from '../domain/access.ts';
import type { NewUser, UserPatch } from '../domain/accounts.ts';
import { provinceQueries } from '../db/province.ts';
import { type User, userQueries } from '../db/users.ts';
import { ApiError } from '../http/errors.ts';
import { unitSetName } from '../messages/unit-sets.ts';
import { ACCOUNT_ENTITY } from '../catalog/audit.ts';
import type { AccountLog, Actor } from './account-log.ts';
import type { Clock } from './config.ts';
import { hashPassword, passwordProblem, verifyDecoy, verifyPassword } from './passwords.ts';
import type { Sessions } from './sessions.ts';
import { accountLogView } from './views.ts';

/**
 * Users and their credentials: the one place accounts change, shared by the admin API and
 * `npm run user`. Input has passed the schemas of server/domain/accounts.ts; the rules that need
 * the database (unique logins, existing units, the last admin) are checked here. Every change an admin or the
 * command line makes (`by`), and a user's own new password, is in the audit log, written in the change's transaction.
 */
export function createAccounts(db: Database, sessions: Sessions, log: AccountLog, clock: Clock, placeNames: () => readonly string[]) {
  const users = userQueries(db);
  const logged = (id: number) => accountLogView(users.byId(id)!, sessions.count(id));
  /**
   * Runs `by`'s change of account `id` in one transaction, logging it when it changed anything — or `always` (a new
   * password is a change even in the millisecond the last was set, when the account as logged looks the same).
   */
  const changing = <T>(by: Actor, id: number, change: () => T, always = false): T =>
    db.transaction(() => {
      const before = logged(id);
      const result = change();
      const after = logged(id);
      if (always || JSON.stringify(after) !== JSON.stringify(before)) log(by, 'update', ACCOUNT_ENTITY, id, before, after);
      return result;
    })();

  const mustExist = (id: number): User => {
    const user = users.byId(id);
    if (!user) throw new ApiError(404, 'not_found', A.noUser(id));
    return user;
  };
  const checkPassword = (password: string, login: string) => {
    const problem = passwordProblem(password, login, placeNames());
    if (problem) throw new ApiError(400, 'weak_password', A.weakPassword(problem));
  };
  const checkScope = (role: Role, programmes: readonly Programme[], units: readonly UnitRef[]) => {
    if (role !== 'editor' && (programmes.length || units.length)) {
      throw new ApiError(400, 'invalid_scope', A.invalidScope(role));
    }
    const unknown = units.find((u) => !users.unitExists(u));
    if (unknown) throw new ApiError(400, 'unknown_unit', A.unknownUnit(unknown.code, unitSetName(unknown.set, provinceQueries(db).get().unitSets)));
  };
  /** An editor with no programme could edit nothing: refused, so no such account is made by mistake. */
  const editorHasAProgramme = (role: Role, programmes: readonly Programme[]) => {
    if (role === 'editor' && programmes.length === 0) {
      throw new ApiError(400, 'invalid_scope', A.editorNeedsProgrammeAt(PROGRAMMES), { programmes: A.editorNeedsProgramme });
    }
  };
  const keepsAnAdmin = (user: User, role: Role, disabled: boolean) => {
    const losesAdmin = user.role === 'admin' && !user.disabled && (role !== 'admin' || disabled);
    if (losesAdmin && users.activeAdmins() <= 1) {
      throw new ApiError(409, 'last_admin', A.lastAdmin(user.login));
    }
  };

  return {
    list: () => users.list(),
    get: (id: number) => users.byId(id),
    byLogin: (login: string) => users.credentials(login)?.user,
    mustExist,

    async create(input: NewUser, by: Actor): Promise<User> {
      const taken = () => new ApiError(409, 'login_taken', A.loginTaken(input.login));
      if (users.credentials(input.login)) throw taken();
      checkPassword(input.password, input.login);
      checkScope(input.role, input.programmes, input.units);
      editorHasAProgramme(input.role, input.programmes);
      const passwordHash = await hashPassword(input.password);
      // Another request may have taken the login while the password was hashed.
      if (users.credentials(input.login)) throw taken();
      const id = db.transaction(() => {
        const created = users.create({ ...input, passwordHash }, clock());
        log(by, 'create', ACCOUNT_ENTITY, created, null, logged(created));
        return created;
      })();
      return users.byId(id)!;
    },

    /** Applies an admin's changes; disabling a user or setting their password ends their sessions. */
    async update(id: number, patch: UserPatch, by: Actor): Promise<User> {
      const user = mustExist(id);
      const role = patch.role ?? user.role;
      const disabled = patch.disabled ?? user.disabled;
      const leavesEditor = patch.role !== undefined && role !== 'editor';
      const programmes = patch.programmes ?? (leavesEditor ? [] : user.programmes);
      const units = patch.units ?? (leavesEditor ? [] : user.units);
      checkScope(role, programmes, units);
      keepsAnAdmin(user, role, disabled);
      // Only a change of role or programmes is checked: an editor saved with none before the rule must
      // still be disabled, renamed or given a new password.
      if (patch.role !== undefined || patch.programmes !== undefined) editorHasAProgramme(role, programmes);
      if (patch.password !== undefined) checkPassword(patch.password, user.login);
      const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
      changing(
        by,
        id,
        () => {
          users.update(id, { name: patch.name, role: patch.role, disabled: patch.disabled, programmes, units }, clock());
          if (passwordHash) users.setPasswordHash(id, passwordHash, clock());
          if (disabled || passwordHash) sessions.endAll(id);
        },
        passwordHash !== undefined,
      );
      return users.byId(id)!;
    },

    /** The active user with this login and password, or null — the same for every kind of failure. */
    async verifyLogin(login: string, password: string): Promise<User | null> {
      const found = users.credentials(login);
      if (!found) return verifyDecoy(password).then(() => null);
      const ok = await verifyPassword(found.passwordHash, password);
      return ok && !found.user.disabled ? found.user : null;
    },

    recordLogin: (id: number) => users.recordLogin(id, clock()),

    /**
     * A user changes their own password: the current one is required; other sessions end. Logged as a change of their
     * account by themselves, in the same transaction.
     */
    async changePassword(id: number, current: string, next: string, keepSession: string): Promise<number> {
      const user = mustExist(id);
      if (!(await verifyPassword(users.passwordHash(id)!, current))) {
        throw new ApiError(403, 'wrong_password', A.wrongPassword);
      }
      checkPassword(next, user.login);
      const hash = await hashPassword(next);
      return changing(
        user,
        id,
        () => {
          users.setPasswordHash(id, hash, clock());
          return sessions.endAll(id, keepSession);
        },
        true,
      );
    },

    /** Ends every session of a user (an admin's "log out everywhere"); returns how many. */
    endSessions: (id: number, by: Actor) => changing(by, mustExist(id).id, () => sessions.endAll(id)),
  };
}
export type Accounts = ReturnType<typeof createAccounts>;
