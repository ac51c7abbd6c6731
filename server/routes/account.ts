import { accountMessages as A } from '../messages/accounts.ts';
import { Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import { requireSession } from '../auth/authorize.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { tokenView } from '../auth/views.ts';
import { newTokenSchema, passwordChangeSchema } from '../domain/accounts.ts';
import { jsonBody, pathId, smallBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';

/**
 * /api/account — the logged-in user's own password and API tokens. Needs a login session
 * (an API token cannot mint more tokens or change the password). A new password, a token created and a token revoked
 * are each in the audit log, by the user.
 */
export function accountRoutes(auth: Auth) {
  return new Hono<AuthEnv>()
    .use('*', requireSession(), async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .put('/password', smallBody, async (c) => {
      const { currentPassword, newPassword } = await jsonBody(c, passwordChangeSchema);
      const { user, session } = c.var.auth;
      const endedSessions = await auth.accounts.changePassword(user!.id, currentPassword, newPassword, session!.idHash);
      return c.json({ endedSessions });
    })
    .get('/tokens', (c) => c.json({ tokens: auth.tokens.list(c.var.auth.user!.id).map(tokenView) }))
    .post('/tokens', smallBody, async (c) => {
      const { name, expiresInDays } = await jsonBody(c, newTokenSchema);
      const user = c.var.auth.user!;
      const { token, row } = auth.issueToken(user, name, expiresInDays, user);
      return c.json({ ...tokenView(row), token }, 201);
    })
    .delete('/tokens/:id', (c) => {
      const id = pathId(c, 'id');
      const user = c.var.auth.user!;
      const token = auth.tokens.byId(id);
      if (!token || token.userId !== user.id) throw new ApiError(404, 'not_found', A.noToken(id, null));
      auth.revokeTokens(user, [id], user);
      return c.json(tokenView(auth.tokens.byId(id)!));
    });
}
