import { accountMessages as A } from '../messages/accounts.ts';
import { Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import { requireRole, requireSession } from '../auth/authorize.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { adminUserView, tokenView } from '../auth/views.ts';
import { newUserSchema, userPatchSchema } from '../domain/accounts.ts';
import type { User } from '../db/users.ts';
import { jsonBody, pathId, smallBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';

/**
 * /api/users — admins manage accounts: list, add, change role, scope, name or password, disable,
 * end a user's sessions, list their API tokens and revoke one or every live one (a colleague who left, a
 * lost laptop). The audit log records each change with the admin who made it. Users are never deleted (disable them): the audit log
 * names them. Needs an admin's login session.
 */
export function userRoutes(auth: Auth) {
  const view = (u: User) => adminUserView(u, auth.sessions.count(u.id));
  return new Hono<AuthEnv>()
    .use('*', requireRole('admin'), requireSession(), async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .get('/', (c) => c.json({ users: auth.accounts.list().map(view) }))
    .post('/', smallBody, async (c) => {
      const user = await auth.accounts.create(await jsonBody(c, newUserSchema), c.var.auth.user!);
      return c.json(view(user), 201);
    })
    .get('/:id', (c) => c.json(view(auth.accounts.mustExist(pathId(c, 'id')))))
    .patch('/:id', smallBody, async (c) => {
      const id = pathId(c, 'id');
      const patch = await jsonBody(c, userPatchSchema);
      return c.json(view(await auth.accounts.update(id, patch, c.var.auth.user!)));
    })
    .delete('/:id/sessions', (c) => c.json({ endedSessions: auth.accounts.endSessions(pathId(c, 'id'), c.var.auth.user!) }))
    .get('/:id/tokens', (c) => c.json({ tokens: auth.tokens.list(auth.accounts.mustExist(pathId(c, 'id')).id).map(tokenView) }))
    .delete('/:id/tokens', (c) => {
      const user = auth.accounts.mustExist(pathId(c, 'id'));
      const live = auth.tokens.list(user.id).filter((t) => t.revokedAt === null);
      const revokedTokens = auth.revokeTokens(
        user,
        live.map((t) => t.id),
        c.var.auth.user!,
      );
      return c.json({ revokedTokens, tokens: auth.tokens.list(user.id).map(tokenView) });
    })
    .delete('/:id/tokens/:tokenId', (c) => {
      const user = auth.accounts.mustExist(pathId(c, 'id'));
      const tokenId = pathId(c, 'tokenId');
      const token = auth.tokens.byId(tokenId);
      if (!token || token.userId !== user.id) throw new ApiError(404, 'not_found', A.noToken(tokenId, user.login));
      auth.revokeTokens(user, [tokenId], c.var.auth.user!);
      return c.json(tokenView(auth.tokens.byId(tokenId)!));
    });
}
