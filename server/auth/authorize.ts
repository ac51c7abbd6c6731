import { accountMessages as A } from '../messages/accounts.ts';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { canEdit, type EditTarget, type Principal, type Programme, type Role } from '../domain/access.ts';
import type { UnitSetPeriods } from '../domain/unit-sets.ts';
import type { User } from '../db/users.ts';
import { ApiError } from '../http/errors.ts';
import { unitSetName } from '../messages/unit-sets.ts';
import type { AuthEnv } from './middleware.ts';

/**
 * The authorization layer every write route goes through: 401 when a request has no credentials,
 * 403 when its user may not do this. Mount a guard before a handler —
 *
 *   .post('/', requireRole('admin'), handler)
 *   .post('/:code', requireEdit('ntm', unitSets, (c) => ({ set: '2020', code: c.req.param('code') })), handler)
 *
 * or, when the unit is only known from the body, call `authorizeEdit(c, 'ntm', unitSets, unit)` in the handler.
 * `unitSets` (when each unit set was in force, the data's) names a refused unit's set as staff know it.
 */
export function currentUser(c: Context<AuthEnv>): User {
  const user = c.var.auth?.user;
  if (!user) {
    c.header('WWW-Authenticate', 'Bearer realm="api"');
    throw new ApiError(401, 'unauthenticated', A.needsLogin(c.req.method, c.req.path));
  }
  return user;
}

export const requireUser = () =>
  createMiddleware<AuthEnv>(async (c, next) => {
    currentUser(c);
    await next();
  });

export const requireRole = (...roles: Role[]) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const user = currentUser(c);
    if (!roles.includes(user.role)) {
      throw new ApiError(403, 'forbidden', A.needsRole(c.req.method, c.req.path, roles, user.login, user.role));
    }
    await next();
  });

/** Account management needs a browser session: a leaked API token cannot mint tokens or change passwords. */
export const requireSession = () =>
  createMiddleware<AuthEnv>(async (c, next) => {
    currentUser(c);
    if (c.var.auth.via !== 'session') {
      throw new ApiError(403, 'session_required', A.needsSession(c.req.method, c.req.path));
    }
    await next();
  });

/** The user, if they may edit `programme` (on `unit`); otherwise a 401 or 403 naming what was refused. */
export function authorizeEdit(c: Context<AuthEnv>, programme: Programme, unitSets: UnitSetPeriods, unit?: EditTarget): User {
  const user = currentUser(c);
  if (!canEdit(user, programme, unit)) throw editRefused(user, programme, unitSets, unit);
  return user;
}

export const requireEdit = (programme: Programme, unitSets: () => UnitSetPeriods, unitOf?: (c: Context<AuthEnv>) => EditTarget | undefined) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    authorizeEdit(c, programme, unitSets(), unitOf?.(c));
    await next();
  });

/** The 403 of an edit `who` may not make: the programme, and the unit with its set as staff know it (from `unitSets`, when each was in force). */
export function editRefused(who: Principal & { login: string }, programme: Programme, unitSets: UnitSetPeriods, unit?: EditTarget): ApiError {
  const where = unit ? A.inUnit(unitSetName(unit.set, unitSets), unit.code) : A.nowhere;
  return new ApiError(403, 'forbidden', A.mayNotEdit(who.login, who.role, programme, where));
}
