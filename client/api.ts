import type { FeatureCollection, Geometry, Point } from 'geojson';
import { z } from 'zod';
import type { Built, Collection } from '../server/catalog/define.ts';
import { products, zones } from '../server/catalog/index.ts';
import type { crosswalkEntry, unitProperties } from '../server/catalog/properties.ts';
import { type BasemapConfig, configResponse, crosswalkResponse, timelineResponse, unitsResponse } from '../server/catalog/resources.ts';
import type { UnitSet } from '../server/domain/unit-sets.ts';
import { type ErrorCode, type ErrorEnvelope, isErrorCode } from '../server/catalog/error-codes.ts';
import { historyResponse } from '../server/catalog/audit.ts';
import type { ApiFeature } from '../server/geo/collection.ts';
import { newTokenResponse, type SessionResponse, sessionResponse, tokenResponse, tokensResponse } from '../server/domain/accounts.ts';
import { lang } from './state/ui-state.ts';

/**
 * The one place the client talks to the server. It loads the record once (units of every set,
 * the timeline of recognitions, the catalog's products and zones) and computes "as of" itself
 * with the catalog's own builders, so moving in time costs no request (but a unit set's shapes,
 * once, when the set is first shown). What comes in is checked against the catalog's schemas,
 * and errors are decoded from the API's envelope.
 */
export type FeaturesOf<P, G extends Geometry | null = Geometry | null> = Omit<Built<P>, 'features'> & { features: ApiFeature<P, G>[] };

export type Units = FeaturesOf<z.infer<typeof unitProperties>> & { unitSet: UnitSet };
export type Timeline = z.infer<typeof timelineResponse>;
export type Products = FeaturesOf<z.infer<typeof products.properties>, Point | null>;
export type Zones = FeaturesOf<z.infer<typeof zones.properties>>;
export type CrosswalkEntry = z.infer<typeof crosswalkEntry>;
export type { BasemapConfig };
export type Config = z.infer<typeof configResponse>;
export type BoundaryLicences = Config['boundaries'];

/**
 * What went wrong with a request: a code the API declares (server/catalog/error-codes.ts), so a
 * comparison with a code that is not declared fails the typecheck; or one of the client's own:
 * `http_error` for an answer without the envelope (a proxy's page, a code this client does not
 * know), `bad_response` for an answer of the wrong shape.
 */
export type RequestErrorCode = ErrorCode | 'http_error' | 'bad_response';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: RequestErrorCode,
    message: string,
    /** Per field (dotted path → message), when the server says which fields were wrong. */
    readonly fields: Record<string, string> = {},
    /** The layers of an uploaded file, when one must be chosen (`choose_layer`): the names to send back as `layer`. */
    readonly layers: string[] = [],
  ) {
    super(message);
  }
}

/** Told when the server answers that a request carries no login: the session ended there (idle, too old, ended by an admin). */
let sessionEndedListener: () => void = () => {};
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListener = listener;
  return () => {
    if (sessionEndedListener === listener) sessionEndedListener = () => {};
  };
}

/**
 * Told of every answer the API gives (any status): when the request left, on this browser's clock,
 * and how far the server's clock is ahead of it (its Date header; null without one). Every request
 * with the session cookie restarts the session's idle clock on the server (server/auth/sessions.ts
 * `resolve`), so state/session-expiry.ts moves its idle deadline on from here.
 */
let answerListener: (sentAt: number, serverAheadMs: number | null) => void = () => {};
export function onAnswer(listener: typeof answerListener): () => void {
  answerListener = listener;
  return () => {
    if (answerListener === listener) answerListener = () => {};
  };
}

/** The one `fetch` of the client: the request, and the answer reported to `onAnswer`. */
async function call(path: string, init: RequestInit): Promise<Response> {
  const sentAt = Date.now();
  const res = await fetch(path, init);
  const serverNow = Date.parse(res.headers.get('Date') ?? '');
  answerListener(sentAt, Number.isNaN(serverNow) ? null : serverNow - Date.now());
  return res;
}

/** The API's error envelope, decoded: any answer may lack it (a proxy's page), so its code is checked. */
function requestError(res: Response, body: unknown, what: string): ApiRequestError {
  const error = (body as Partial<ErrorEnvelope> | null)?.error;
  const code = isErrorCode(error?.code) ? error.code : 'http_error';
  // Not `login_failed` (a wrong password) nor `invalid_token`: only "this request has no login".
  if (res.status === 401 && (code === 'unauthenticated' || code === 'login_required')) sessionEndedListener();
  return new ApiRequestError(res.status, code, error?.message ?? `${what} answered ${res.status}`, error?.fields ?? {}, error?.layers ?? []);
}

/**
 * The headers of every request: JSON, the user's language (the server's messages come back in it),
 * and on writes the session's CSRF token.
 */
function requestHeaders(write: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang.value };
  if (write && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** A GET: the error envelope decoded, the answer checked against `schema`. */
export async function getJson<T>(path: string, signal: AbortSignal | undefined, schema: z.ZodType): Promise<T> {
  const res = await call(path, { signal, headers: requestHeaders(false) });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw requestError(res, body, path);
  const checked = schema.safeParse(body);
  if (!checked.success) throw new ApiRequestError(res.status, 'bad_response', `${path} did not answer the expected shape: ${checked.error.issues[0]?.message}`);
  return body as T;
}

/** A catalog collection as its /api route serves it, every feature's properties checked against the collection's schema. */
function loadCollection<P>(c: Collection<P>, signal?: AbortSignal, query = '') {
  if (!c.api) throw new Error(`collection ${c.id} has no /api route`);
  const shape = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ properties: c.properties }).loose()) });
  return getJson<FeaturesOf<P>>(`/api${c.api.path}${query}`, signal, shape);
}

const anyCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

export const api = {
  /** A unit set's units; with `shapes: false` their attributes only (geometry null), a fraction of the bytes. */
  units: (set: UnitSet, { shapes, signal }: { shapes: boolean; signal?: AbortSignal }) =>
    getJson<Units>(`/api/units?set=${set}${shapes ? '' : '&skipGeometry=true'}`, signal, unitsResponse),
  crosswalk: (signal?: AbortSignal) => getJson<z.infer<typeof crosswalkResponse>>('/api/crosswalk', signal, crosswalkResponse),
  timeline: (signal?: AbortSignal) => getJson<Timeline>('/api/timeline', signal, timelineResponse),
  products: (signal?: AbortSignal) => loadCollection(products, signal) as Promise<Products>,
  /** The raw-material zones; with `shapes: false` their attributes only (geometry null). */
  zones: ({ shapes, signal }: { shapes: boolean; signal?: AbortSignal }) => loadCollection(zones, signal, shapes ? '' : '?skipGeometry=true') as Promise<Zones>,
  base: (name: 'province' | 'countries', signal?: AbortSignal) => getJson<FeatureCollection>(`/api/base/${name}`, signal, anyCollection),
  config: (signal?: AbortSignal) => getJson<Config>('/api/config', signal, configResponse),
};

/**
 * The CSRF token of the current session, as the server last gave it (GET/POST /api/session);
 * sent in X-CSRF-Token with every state-changing request. Kept here, beside the one fetch.
 */
let csrfToken: string | null = null;
const remember = (s: SessionResponse) => {
  csrfToken = s.csrfToken;
  return s;
};

/** A state-changing request: JSON body, the CSRF token, the error envelope decoded, the answer checked. */
export async function send<S extends z.ZodType>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  const headers = requestHeaders(true);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await call(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const parsed: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw requestError(res, parsed, `${method} ${path}`);
  const checked = schema.safeParse(parsed);
  if (!checked.success) throw new ApiRequestError(res.status, 'bad_response', `${method} ${path} did not answer the expected shape`);
  return parsed as z.infer<S>;
}

/** A file upload (multipart/form-data) with the CSRF token; the answer checked like `send`'s. */
export async function sendForm<S extends z.ZodType>(path: string, form: FormData, schema: S): Promise<z.infer<S>> {
  const res = await call(path, { method: 'POST', headers: requestHeaders(true), body: form });
  const parsed: unknown = await res.json().catch(() => null);
  if (!res.ok) throw requestError(res, parsed, `POST ${path}`);
  const checked = schema.safeParse(parsed);
  if (!checked.success) throw new ApiRequestError(res.status, 'bad_response', `POST ${path} did not answer the expected shape`);
  return parsed as z.infer<S>;
}

export const endedSessions = z.object({ endedSessions: z.number().int() });

/** Accounts: the session, the user's own password and tokens (the admin's requests about users: api-users.ts). */
export const accountApi = {
  session: async (signal?: AbortSignal) => remember(await getJson<SessionResponse>('/api/session', signal, sessionResponse)),
  login: async (login: string, password: string) => remember(await send('POST', '/api/session', sessionResponse, { login, password })),
  logout: async () => remember(await send('DELETE', '/api/session', sessionResponse)),
  changePassword: (currentPassword: string, newPassword: string) => send('PUT', '/api/account/password', endedSessions, { currentPassword, newPassword }),
  tokens: (signal?: AbortSignal) => getJson<z.infer<typeof tokensResponse>>('/api/account/tokens', signal, tokensResponse),
  createToken: (name: string, expiresInDays: number) => send('POST', '/api/account/tokens', newTokenResponse, { name, expiresInDays }),
  revokeToken: (id: number) => send('DELETE', `/api/account/tokens/${id}`, tokenResponse),
};

/** `{ a: '1', b: '' }` → `?a=1`: empty and absent values are left out. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The changes to one unit's record, or to one record (entity and id): the cards show them to anyone. */
export function recordHistory(of: { unitSet: UnitSet; unitCode: string } | { entity: string; entityId: string }, signal?: AbortSignal) {
  return getJson<z.infer<typeof historyResponse>>(`/api/history${queryString(of)}`, signal, historyResponse);
}
