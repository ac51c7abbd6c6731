import type { ApiTokenRow } from '../db/api-tokens.ts';
import type { User } from '../db/users.ts';
import type { AdminUserResponse, SessionResponse, TokenResponse, UserResponse } from '../domain/accounts.ts';
import type { RequestAuth } from './middleware.ts';

/**
 * What the API shows of users, sessions and tokens, in the shapes server/domain/accounts.ts
 * declares: times in ISO 8601 (UTC), never a hash or a secret.
 */

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export const userView = (u: User): UserResponse => ({ id: u.id, login: u.login, name: u.name, role: u.role, programmes: u.programmes, units: u.units });

export const adminUserView = (u: User, activeSessions: number): AdminUserResponse => ({
  ...userView(u),
  disabled: u.disabled,
  createdAt: iso(u.createdAt),
  updatedAt: iso(u.updatedAt),
  passwordChangedAt: iso(u.passwordChangedAt),
  lastLoginAt: isoOrNull(u.lastLoginAt),
  activeSessions,
});

/**
 * An account as the audit log records it before and after an admin's change: who it is, what they may do, whether it
 * is disabled, when its password was last set and how many sessions it has (so a password reset or ended sessions
 * shows) — never the password or its hash.
 */
export const accountLogView = (u: User, activeSessions: number) => {
  const { login, name, role, programmes, units, disabled, passwordChangedAt } = adminUserView(u, activeSessions);
  return { login, name, role, programmes, units, disabled, passwordChangedAt, activeSessions };
};

export const tokenView = (t: ApiTokenRow): TokenResponse => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: iso(t.createdAt),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: isoOrNull(t.lastUsedAt),
  revokedAt: isoOrNull(t.revokedAt),
});

/** A token as the audit log records it when created or revoked: as listed, with its owner's login — never the secret or its hash. */
export const tokenLogView = (t: ApiTokenRow, owner: Pick<User, 'login'>) => ({ ...tokenView(t), user: owner.login });

/**
 * An account's login lockout as the audit log records it: whose, how many failed logins within the window, until when
 * it is locked, and (when it locked) the address the last attempt came from — never what was typed.
 */
export const lockoutLogView = (owner: Pick<User, 'login'>, failures: number, lockedUntil: number | null, address?: string) => ({
  user: owner.login,
  failures,
  lockedUntil: isoOrNull(lockedUntil),
  ...(address !== undefined && { address }),
});

/** GET /api/session: whether a login is required, who is logged in and how, the CSRF token, when the session ends. */
export const sessionView = (a: RequestAuth, loginRequired: boolean, expiry: { idle: number; absolute: number } | null): SessionResponse => ({
  loginRequired,
  user: a.user ? userView(a.user) : null,
  via: a.via,
  csrfToken: a.session?.csrfToken ?? null,
  expiresAt: expiry ? { idle: iso(expiry.idle), absolute: iso(expiry.absolute) } : null,
});
