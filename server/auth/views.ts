import type { ApiTokenRow } from '../db/api-tokens.ts';
import type { User } from '../db/users.ts';
import type { RequestAuth } from './middleware.ts';

/** What the API shows of users and tokens: times in ISO 8601 (UTC), never a hash or a secret. */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The user as the client needs it to show who is logged in and what they may edit. */
export const userView = (u: User) => ({ id: u.id, login: u.login, name: u.name, role: u.role, programmes: u.programmes, units: u.units });
export type UserView = ReturnType<typeof userView>;

/** The user as the admin page lists it. */
export const adminUserView = (u: User, activeSessions: number) => ({
  ...userView(u),
  disabled: u.disabled,
  createdAt: iso(u.createdAt),
  updatedAt: iso(u.updatedAt),
  passwordChangedAt: iso(u.passwordChangedAt),
  lastLoginAt: iso(u.lastLoginAt),
  activeSessions,
});
export type AdminUserView = ReturnType<typeof adminUserView>;

export const tokenView = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: iso(t.createdAt)!,
  expiresAt: iso(t.expiresAt)!,
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});
export type TokenView = ReturnType<typeof tokenView>;

/**
 * GET /api/session: whether this deployment needs a login, who is logged in (with role and
 * scope), how, the CSRF token for X-CSRF-Token, and when the session ends.
 */
export const sessionView = (a: RequestAuth, loginRequired: boolean, expiry: { idle: number; absolute: number } | null) => ({
  loginRequired,
  user: a.user ? userView(a.user) : null,
  via: a.via,
  csrfToken: a.session?.csrfToken ?? null,
  expiresAt: expiry ? { idle: iso(expiry.idle)!, absolute: iso(expiry.absolute)! } : null,
});
export type SessionView = ReturnType<typeof sessionView>;
