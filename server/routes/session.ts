import { accountMessages as A } from '../messages/accounts.ts';
import { Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import type { AuthEnv, RequestAuth } from '../auth/middleware.ts';
import { clientAddress, isHttps } from '../auth/request-info.ts';
import { clearSessionCookie, writeSessionCookie } from '../auth/session-cookie.ts';
import { sessionView } from '../auth/views.ts';
import { loginBodySchema } from '../domain/accounts.ts';
import { jsonBody, smallBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';

/** The one answer to every failed login: it never says whether the login exists. */
export const LOGIN_FAILED = A.loginFailed.en;

/**
 * /api/session — who is logged in (GET), log in (POST), log out (DELETE).
 * GET tells the client whether this deployment needs a login, the user with role and scope, and
 * the CSRF token to send in X-CSRF-Token with every state-changing request.
 */
export function sessionRoutes(auth: Auth) {
  const describe = (a: RequestAuth) => sessionView(a, auth.config.requireLogin, a.session && auth.sessions.expiry(a.session));

  return new Hono<AuthEnv>()
    .use('*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .get('/', (c) => c.json(describe(c.var.auth)))
    .post('/', smallBody, async (c) => {
      const { login, password } = await jsonBody(c, loginBodySchema);
      const address = clientAddress(c, auth.config);
      const wait = auth.throttle.retryAfter(login, address);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'too_many_attempts', A.tooManyAttempts(wait));
      }
      const user = await auth.accounts.verifyLogin(login, password);
      if (!user) {
        auth.loginFailed(login, address);
        throw new ApiError(401, 'login_failed', A.loginFailed);
      }
      auth.throttle.succeeded(login);
      // A new session id at every login; the one the browser came with (if any) ends.
      if (c.var.auth.session) auth.sessions.end(c.var.auth.session.idHash);
      const { id, row } = auth.sessions.start(user.id, { address, userAgent: c.req.header('User-Agent') ?? '' });
      auth.accounts.recordLogin(user.id);
      writeSessionCookie(c, id, isHttps(c, auth.config), auth.sessions.maxAgeSeconds);
      return c.json(describe({ user, via: 'session', session: row, token: null }));
    })
    .delete('/', (c) => {
      const { session } = c.var.auth;
      if (session) auth.sessions.end(session.idHash);
      clearSessionCookie(c, isHttps(c, auth.config));
      return c.json(describe({ user: null, via: null, session: null, token: null }));
    });
}
