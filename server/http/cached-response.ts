import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/**
 * Built responses, kept per (route, parameters) until the data changes. Each entry keeps its
 * ETag and, once asked for, its br and gzip encodings, so a repeated request costs a lookup.
 */
export interface CachedBody {
  body: string;
  contentType: string;
  etag: string;
  encoded: Partial<Record<'br' | 'gzip', Buffer>>;
}

export class ResponseCache {
  private entries = new Map<string, CachedBody>();
  private version: string | null = null;

  /**
   * @param dataVersion changes whenever the data behind the responses changes
   * @param maxEntries least recently used entries beyond this are dropped @default 500
   */
  constructor(
    private readonly dataVersion: () => string,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, build: () => { body: unknown; contentType: string }): CachedBody {
    const version = this.dataVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const built = build();
    const body = JSON.stringify(built.body);
    const entry: CachedBody = {
      body,
      contentType: built.contentType,
      etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
      encoded: {},
    };
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  clear() {
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

export const GEOJSON = 'application/geo+json; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Sends a cached body: 304 when the client holds it, otherwise br or gzip when accepted. */
export function sendCached(c: Context, entry: CachedBody): Response {
  c.header('ETag', entry.etag);
  c.header('Vary', 'Accept-Encoding');
  c.header('Cache-Control', 'no-cache');
  if (matchesEtag(c.req.header('If-None-Match'), entry.etag)) return c.body(null, 304);
  c.header('Content-Type', entry.contentType);
  const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
  if (!encoding) return c.body(entry.body);
  entry.encoded[encoding] ??=
    encoding === 'br' ? brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }) : gzipSync(entry.body, { level: 6 });
  c.header('Content-Encoding', encoding);
  return c.body(new Uint8Array(entry.encoded[encoding]!));
}

export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** br over gzip when both are accepted; none for identity. */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Map(
    header.split(',').map((part) => {
      const [name, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return [name.trim().toLowerCase(), q === undefined ? 1 : Number(q)] as const;
    }),
  );
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/** Answers from the cache, building the body on a miss; the key is the path and its parsed parameters. */
export function respondCached(c: Context, cache: ResponseCache, params: unknown, contentType: string, build: () => unknown): Response {
  const key = `${c.req.path}?${JSON.stringify(params)}`;
  return sendCached(
    c,
    cache.get(key, () => ({ body: build(), contentType })),
  );
}
