import { accountMessages as A } from '../messages/accounts.ts';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ApiTokenRow } from '../db/api-tokens.ts';
import type { SessionRow } from '../db/sessions.ts';
import type { User } from '../db/users.ts';
import { ApiError } from '../http/errors.ts';
import type { Auth } from './auth.ts';
import { expectedOrigin, isHttps } from './request-info.ts';
import { sameSecret } from './secrets.ts';
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts';

/** Who sent a request, and how they proved it. */
export interface RequestAuth {
  user: User | null;
  via: 'session' | 'token' | null;
  session: SessionRow | null;
  token: ApiTokenRow | null;
}
export type AuthEnv = { Variables: { auth: RequestAuth } };

const ANONYMOUS: RequestAuth = { user: null, via: null, session: null, token: null };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function identify(c: Context, auth: Auth): RequestAuth {
  const authorization = c.req.header('Authorization');
  if (authorization !== undefined) {
    const presented = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
    const token = presented ? auth.tokens.resolve(presented) : null;
    const user = token && auth.accounts.get(token.userId);
    if (!token || !user || user.disabled) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new ApiError(401, 'invalid_token', A.invalidToken);
    }
    return { user, via: 'token', session: null, token };
  }
  const secure = isHttps(c, auth.config);
  const id = readSessionCookie(c, secure);
  if (!id) return ANONYMOUS;
  const session = auth.sessions.resolve(id);
  const user = session && auth.accounts.get(session.userId);
  if (!session || !user || user.disabled) {
    clearSessionCookie(c, secure);
    return ANONYMOUS;
  }
  return { user, via: 'session', session, token: null };
}

/** Sets `c.var.auth` from an API token (Authorization: Bearer) or the session cookie; a bad token is a 401. */
export const authenticate = (auth: Auth) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    c.set('auth', identify(c, auth));
    await next();
  });

/**
 * CSRF protection for every state-changing request a browser could send: the Origin (or, when
 * absent, Sec-Fetch-Site) must be our own, and a cookie-authenticated request must carry its
 * session's token in X-CSRF-Token. Token-authenticated requests carry no cookie and are exempt.
 */
export const csrfGuard = (auth: Auth) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const { via, session } = c.var.auth;
    if (!SAFE_METHODS.has(c.req.method) && via !== 'token') {
      const origin = c.req.header('Origin');
      const expected = expectedOrigin(c, auth.config);
      if (origin !== undefined && origin !== expected) {
        throw new ApiError(403, 'csrf_failed', A.csrfOrigin(origin, expected));
      }
      const site = c.req.header('Sec-Fetch-Site');
      if (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none') {
        throw new ApiError(403, 'csrf_failed', A.csrfSite(site));
      }
      if (session && !sameSecret(c.req.header('X-CSRF-Token') ?? '', session.csrfToken)) {
        throw new ApiError(403, 'csrf_failed', A.csrfToken);
      }
    }
    await next();
  });

/** With REQUIRE_LOGIN=1, everything but logging in and the health check needs a user. */
export const loginGate = (auth: Auth) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const open = c.req.path === '/api/session' || c.req.path === '/api/health';
    if (auth.config.requireLogin && !c.var.auth.user && !open) {
      c.header('WWW-Authenticate', 'Bearer realm="api"');
      throw new ApiError(401, 'login_required', A.deploymentNeedsLogin(c.req.path));
    }
    await next();
  });
