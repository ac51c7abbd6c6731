import type { Context } from 'hono';
import { COMPRESS_MIN_BYTES, type Effort, type Encoding, compress } from './compression.ts';
import { toJsonBody } from './json-body.ts';

/**
 * Built responses, kept per (route, parameters) until the data changes, within a budget of
 * bytes: the UTF-8 body plus its br and gzip encodings, each made when first asked for. The
 * least recently used entries go first, so requests for ever new dates cost memory up to the
 * budget and no further.
 */
export interface CachedBody {
  key: string;
  body: Buffer;
  contentType: string;
  etag: string;
  encoded: Partial<Record<Encoding, { data: Promise<Buffer>; effort: Effort; bytes: number }>>;
  /** Requests answered from this entry after the one that built it. */
  hits: number;
}

/**
 * @default 32 MiB: about 110 communes layers with their br encoding, and the layers the map loads
 * (units, timeline, zones, products) take under 2 MiB of it.
 */
export const CACHE_MAX_BYTES_DEFAULT = 32 * 2 ** 20;

export class ResponseCache {
  private entries = new Map<string, CachedBody>();
  private version: string | null = null;
  private used = 0;
  /**
   * Encodings waiting to be recompressed small, done one at a time (the thread pool stays free for
   * the fast ones) in the order asked; none is skipped because another was being compressed.
   */
  private compactions = new Map<string, { entry: CachedBody; encoding: Encoding }>();
  private compacting = false;

  /**
   * @param dataVersion changes whenever the data behind the responses changes
   * @param maxBytes budget for bodies and their encodings; least recently used entries beyond it are dropped @default 32 MiB
   */
  constructor(
    private readonly dataVersion: () => string,
    readonly maxBytes = CACHE_MAX_BYTES_DEFAULT,
  ) {}

  get(key: string, build: () => { body: unknown; contentType: string }): CachedBody {
    const version = this.dataVersion();
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      hit.hits++;
      return hit;
    }
    const built = build();
    const { bytes: body, hash } = toJsonBody(built.body);
    const entry: CachedBody = {
      key,
      body,
      contentType: built.contentType,
      etag: `W/"${hash}"`,
      encoded: {},
      hits: 0,
    };
    this.entries.set(key, entry);
    this.grow(body.byteLength);
    return entry;
  }

  /**
   * The body in `encoding`: compressed fast the first time; recompressed small in the background
   * once the entry is asked for again, the fast encoding serving until the small one is ready.
   */
  encoded(entry: CachedBody, encoding: Encoding): Promise<Buffer> {
    const current = entry.encoded[encoding];
    if (!current) return this.encode(entry, encoding, 'fast');
    if (current.effort === 'fast' && current.bytes > 0 && entry.hits > 0) {
      this.compactions.set(`${encoding} ${entry.key}`, { entry, encoding });
      this.compactNext();
    }
    return current.data;
  }

  /** Recompresses the next waiting encoding small, unless one is being done; skips entries dropped meanwhile. */
  private compactNext() {
    if (this.compacting) return;
    for (const [id, { entry, encoding }] of this.compactions) {
      this.compactions.delete(id);
      if (this.entries.get(entry.key) !== entry || entry.encoded[encoding]?.effort !== 'fast') continue;
      this.compacting = true;
      const done = () => {
        this.compacting = false;
        this.compactNext();
      };
      this.encode(entry, encoding, 'small').then(done, done);
      return;
    }
  }

  private encode(entry: CachedBody, encoding: Encoding, effort: Effort): Promise<Buffer> {
    const data = compress(entry.body, encoding, effort);
    const record = { data, effort, bytes: 0 };
    if (effort === 'fast') entry.encoded[encoding] = record;
    data.then(
      (buffer) => {
        // The entry may have been dropped, or the data changed, while this was compressing.
        if (this.entries.get(entry.key) !== entry) return;
        const replaced = entry.encoded[encoding];
        if (effort === 'fast' && replaced !== record) return;
        record.bytes = buffer.byteLength;
        entry.encoded[encoding] = record;
        this.grow(buffer.byteLength - (replaced && replaced !== record ? replaced.bytes : 0));
      },
      () => {
        if (entry.encoded[encoding] === record) delete entry.encoded[encoding];
      },
    );
    return data;
  }

  /** Counts `bytes` more and drops the least recently used entries beyond the budget (the newest too, if it alone exceeds it: it is still sent, just not kept). */
  private grow(bytes: number) {
    this.used += bytes;
    for (const [key, oldest] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(key);
      this.used -= sizeOf(oldest);
    }
  }

  clear() {
    this.entries.clear();
    this.compactions.clear();
    this.used = 0;
  }

  get size() {
    return this.entries.size;
  }

  /** Bytes held: bodies and their finished encodings. */
  get bytes() {
    return this.used;
  }
}

function sizeOf(entry: CachedBody): number {
  return entry.body.byteLength + Object.values(entry.encoded).reduce((sum, e) => sum + e.bytes, 0);
}

export const GEOJSON = 'application/geo+json; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Sends a cached body: 304 when the client holds it, otherwise br or gzip when accepted. */
export async function sendCached(c: Context, cache: ResponseCache, entry: CachedBody): Promise<Response> {
  c.header('ETag', entry.etag);
  c.header('Vary', 'Accept-Encoding');
  c.header('Cache-Control', 'no-cache');
  if (matchesEtag(c.req.header('If-None-Match'), entry.etag)) return c.body(null, 304);
  c.header('Content-Type', entry.contentType);
  const encoding = entry.body.byteLength < COMPRESS_MIN_BYTES ? null : preferredEncoding(c.req.header('Accept-Encoding'));
  if (!encoding) return c.body(bytes(entry.body));
  const data = await cache.encoded(entry, encoding);
  c.header('Content-Encoding', encoding);
  return c.body(bytes(data));
}

/** The Buffer's own bytes as the plain Uint8Array Hono's types ask for (no copy). */
const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** br over gzip when both are accepted; none for identity. */
export function preferredEncoding(header: string | undefined): Encoding | null {
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
export function respondCached(c: Context, cache: ResponseCache, params: unknown, contentType: string, build: () => unknown): Promise<Response> {
  const key = `${c.req.path}?${JSON.stringify(params)}`;
  return sendCached(
    c,
    cache,
    cache.get(key, () => ({ body: build(), contentType })),
  );
}
