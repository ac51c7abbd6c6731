import type { z } from 'zod';
import {
  adminUserResponse,
  type NewUser,
  revokedTokensResponse,
  tokenResponse,
  tokensResponse,
  type UserPatch,
  usersResponse,
} from '../server/domain/accounts.ts';
import { endedSessions, getJson, send } from './api.ts';

/**
 * The admin's requests about accounts (server/routes/users.ts): the users, their sessions and their API tokens.
 * Through api.ts's requests (its one fetch, the CSRF token, the error envelope), but loaded with the users page,
 * not with the first map.
 */
export const usersApi = {
  users: (signal?: AbortSignal) => getJson<z.infer<typeof usersResponse>>('/api/users', signal, usersResponse),
  createUser: (user: Omit<NewUser, 'programmes' | 'units'> & Partial<Pick<NewUser, 'programmes' | 'units'>>) =>
    send('POST', '/api/users', adminUserResponse, user),
  updateUser: (id: number, patch: UserPatch) => send('PATCH', `/api/users/${id}`, adminUserResponse, patch),
  endSessions: (id: number) => send('DELETE', `/api/users/${id}/sessions`, endedSessions),
  tokens: (id: number) => getJson<z.infer<typeof tokensResponse>>(`/api/users/${id}/tokens`, undefined, tokensResponse),
  revokeToken: (id: number, tokenId: number) => send('DELETE', `/api/users/${id}/tokens/${tokenId}`, tokenResponse),
  /** Every live token of the user, in one transaction. */
  revokeAllTokens: (id: number) => send('DELETE', `/api/users/${id}/tokens`, revokedTokensResponse),
};
