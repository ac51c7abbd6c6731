import type { FeatureCollection, Geometry } from 'geojson';
import type { UnitSet } from '../server/domain/geodata.ts';
import type { FactRow, RecognitionRow } from '../server/db/ntm.ts';
import type { TargetRow } from '../server/db/targets.ts';
import type { ApiFeatureCollection } from '../server/geo/collection.ts';
import type { productCollection } from '../server/geo/products.ts';
import type { CrosswalkEntry, UnitProperties } from '../server/geo/units.ts';
import type { zoneCollection } from '../server/geo/zones.ts';
import type { BasemapConfig } from '../server/routes/config.ts';
import type { UNIT_SET_PERIODS } from '../server/domain/unit-sets.ts';
import type { AdminUserView, SessionView, TokenView } from '../server/auth/views.ts';
import type { NewUser, UserPatch } from '../server/domain/accounts.ts';

/**
 * The one place the client talks to the server. It loads the record once (units of every set,
 * the timeline of recognitions, products, zones) and computes "as of" itself with the server's
 * own code, so moving in time costs no request. Response types come from the server's builders,
 * so a change of shape there breaks the client's typecheck; what comes in is checked for its
 * outer shape, and errors are decoded from the API's envelope.
 */
export type Units = ApiFeatureCollection<UnitProperties, Geometry> & { unitSet: UnitSet };
export type Products = ReturnType<typeof productCollection>;
export type Zones = ReturnType<typeof zoneCollection>;
export interface Timeline {
  unitSets: typeof UNIT_SET_PERIODS;
  recognitions: RecognitionRow[];
  facts: FactRow[];
  targets: TargetRow[];
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal: AbortSignal | undefined, check: (body: unknown) => boolean): Promise<T> {
  const res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(res.status, error?.code ?? 'http_error', error?.message ?? `${path} answered ${res.status}`);
  }
  if (!check(body)) throw new ApiRequestError(res.status, 'bad_response', `${path} did not answer the expected shape`);
  return body as T;
}

const isCollection = (b: unknown) => (b as FeatureCollection | null)?.type === 'FeatureCollection' && Array.isArray((b as FeatureCollection).features);
const hasArrays =
  (...keys: string[]) =>
  (b: unknown) =>
    b !== null && typeof b === 'object' && keys.every((k) => Array.isArray((b as Record<string, unknown>)[k]));

export const api = {
  units: (set: UnitSet, signal?: AbortSignal) => getJson<Units>(`/api/units?set=${set}`, signal, isCollection),
  crosswalk: (signal?: AbortSignal) => getJson<{ entries: CrosswalkEntry[] }>('/api/crosswalk', signal, hasArrays('entries')),
  timeline: (signal?: AbortSignal) => getJson<Timeline>('/api/timeline', signal, hasArrays('recognitions', 'facts', 'targets')),
  products: (signal?: AbortSignal) => getJson<Products>('/api/products', signal, isCollection),
  zones: (signal?: AbortSignal) => getJson<Zones>('/api/zones', signal, isCollection),
  base: (name: 'province' | 'countries', signal?: AbortSignal) => getJson<FeatureCollection>(`/api/base/${name}`, signal, isCollection),
  config: (signal?: AbortSignal) =>
    getJson<{ basemap: BasemapConfig | null }>('/api/config', signal, (b) => b !== null && typeof b === 'object' && 'basemap' in (b as object)),
};

/**
 * The CSRF token of the current session, as the server last gave it (GET/POST /api/session);
 * sent in X-CSRF-Token with every state-changing request. Kept here, beside the one fetch.
 */
let csrfToken: string | null = null;
const remember = (s: SessionView) => {
  csrfToken = s.csrfToken;
  return s;
};

/** A state-changing request: JSON body, the CSRF token, the error envelope decoded. */
async function send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const parsed: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(res.status, error?.code ?? 'http_error', error?.message ?? `${method} ${path} answered ${res.status}`);
  }
  return parsed as T;
}

const isObject = (b: unknown) => b !== null && typeof b === 'object';
const isSession = (b: unknown) => isObject(b) && 'loginRequired' in (b as object) && 'user' in (b as object);

/** Accounts: the session, the user's own password and tokens, and (admins) the users. */
export const accountApi = {
  session: async (signal?: AbortSignal) => remember(await getJson<SessionView>('/api/session', signal, isSession)),
  login: async (login: string, password: string) => remember(await send<SessionView>('POST', '/api/session', { login, password })),
  logout: async () => remember(await send<SessionView>('DELETE', '/api/session')),
  changePassword: (currentPassword: string, newPassword: string) =>
    send<{ endedSessions: number }>('PUT', '/api/account/password', { currentPassword, newPassword }),
  tokens: (signal?: AbortSignal) => getJson<{ tokens: TokenView[] }>('/api/account/tokens', signal, hasArrays('tokens')),
  createToken: (name: string, expiresInDays: number) => send<TokenView & { token: string }>('POST', '/api/account/tokens', { name, expiresInDays }),
  revokeToken: (id: number) => send<TokenView>('DELETE', `/api/account/tokens/${id}`),
  users: (signal?: AbortSignal) => getJson<{ users: AdminUserView[] }>('/api/users', signal, hasArrays('users')),
  createUser: (user: Omit<NewUser, 'programmes' | 'units'> & Partial<Pick<NewUser, 'programmes' | 'units'>>) => send<AdminUserView>('POST', '/api/users', user),
  updateUser: (id: number, patch: UserPatch) => send<AdminUserView>('PATCH', `/api/users/${id}`, patch),
  endSessions: (id: number) => send<{ endedSessions: number }>('DELETE', `/api/users/${id}/sessions`),
};
