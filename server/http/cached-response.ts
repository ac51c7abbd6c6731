import type { Context } from 'hono';
import { COMPRESS_MIN_BYTES, type Effort, type Encoding, compress } from './compression.ts';
import { deflateTail, spliceGzip } from './gzip-splice.ts';
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
  /** Bytes before the first spliced piece, and the digest of the rest (equal for equal tails: json-body.ts). */
  head: number;
  tail: string;
  encoded: Partial<Record<Encoding, { data: Promise<Buffer>; effort: Effort; bytes: number }>>;
  /** Requests answered from this entry after the one that built it. */
  hits: number;
}

/**
 * @default 32 MiB: about 110 communes layers with their br encoding, and the layers the map loads
 * (units, timeline, zones, products) take under 2 MiB of it.
 */
export const CACHE_MAX_BYTES_DEFAULT = 32 * 2 ** 20;

/**
 * Tails deflated for gzip answers spliced from them (gzip-splice.ts): one per distinct feature
 * set of a layer (statuses change at a few dates a year), each about a fifth of its body.
 */
const TAILS_KEPT = 16;
/** Tails shorter than this are not worth a deflate of their own. */
const TAIL_MIN_BYTES = 16 * 1024;

export class ResponseCache {
  private entries = new Map<string, CachedBody>();
  private version: string | null = null;
  private used = 0;
  /** Deflated tails by digest, least recently used first; their bytes count in `used`. */
  private tails = new Map<string, Buffer>();
  /**
   * Background compressions (encodings recompressed small, tails deflated), done one at a time
   * (the thread pool stays free for the fast ones) in the order asked; none is skipped because
   * another was running. A job returns undefined when there is nothing left for it to do.
   */
  private jobs = new Map<string, () => Promise<unknown> | undefined>();
  private working = false;

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
    const { bytes: body, hash, head, tail } = toJsonBody(built.body);
    const entry: CachedBody = {
      key,
      body,
      contentType: built.contentType,
      etag: `W/"${hash}"`,
      head,
      tail,
      encoded: {},
      hits: 0,
    };
    this.entries.set(key, entry);
    this.grow(body.byteLength);
    if (body.byteLength - head >= TAIL_MIN_BYTES && !this.tails.has(tail)) this.queue(`tail ${tail}`, () => this.deflate(entry));
    return entry;
  }

  /**
   * The encoding to answer in, of those accepted (most preferred first): the preferred one once
   * made; else gzip when made, or for the answer that built the entry when its tail was deflated
   * before (spliced), the preferred one made small in the background if the entry is asked
   * again; else the preferred one, compressed fast now.
   */
  choose(entry: CachedBody, accepted: readonly Encoding[]): Encoding | null {
    const [preferred] = accepted;
    if (preferred === undefined || entry.encoded[preferred]) return preferred ?? null;
    const gzip = accepted.includes('gzip') && (entry.encoded.gzip !== undefined || (entry.hits === 0 && this.tails.has(entry.tail)));
    if (!gzip) return preferred;
    if (preferred !== 'gzip' && entry.hits > 0) this.compact(entry, preferred);
    return 'gzip';
  }

  /**
   * The body in `encoding`: compressed fast the first time (gzip spliced instead when its tail was
   * deflated before); recompressed small in the background once the entry is asked for again, the
   * fast encoding serving until the small one is ready.
   */
  encoded(entry: CachedBody, encoding: Encoding): Promise<Buffer> {
    const current = entry.encoded[encoding];
    if (!current) return encoding === 'gzip' && this.tails.has(entry.tail) ? this.splice(entry) : this.encode(entry, encoding, 'fast');
    if (current.effort === 'fast' && current.bytes > 0 && entry.hits > 0) this.compact(entry, encoding);
    return current.data;
  }

  /** Makes the entry's encoding small in the background, unless it is already (or dropped by then). */
  private compact(entry: CachedBody, encoding: Encoding) {
    this.queue(`${encoding} ${entry.key}`, () =>
      this.entries.get(entry.key) === entry && entry.encoded[encoding]?.effort !== 'small' ? this.encode(entry, encoding, 'small') : undefined,
    );
  }

  private queue(id: string, job: () => Promise<unknown> | undefined) {
    this.jobs.set(id, job);
    this.next();
  }

  /** Starts the next waiting job, unless one is running. */
  private next() {
    if (this.working) return;
    for (const [id, job] of this.jobs) {
      this.jobs.delete(id);
      const running = job();
      if (!running) continue;
      this.working = true;
      const done = () => {
        this.working = false;
        this.next();
      };
      running.then(done, done);
      return;
    }
  }

  /** Deflates the entry's tail and keeps it, counted, for gzip answers of every entry with the same tail; nothing if the entry was dropped or the data changed meanwhile. */
  private deflate(entry: CachedBody): Promise<unknown> | undefined {
    if (this.tails.has(entry.tail) || this.entries.get(entry.key) !== entry) return undefined;
    const version = this.version;
    return deflateTail(entry.body.subarray(entry.head)).then((deflated) => {
      if (this.version !== version || this.tails.has(entry.tail)) return;
      this.tails.set(entry.tail, deflated);
      this.used += deflated.byteLength;
      if (this.tails.size > TAILS_KEPT) this.dropOldestTail();
      this.grow(0);
    });
  }

  /** The entry's gzip encoding spliced from its deflated tail (its head stored as it is), kept as such. */
  private splice(entry: CachedBody): Promise<Buffer> {
    const tail = this.tails.get(entry.tail)!;
    this.tails.delete(entry.tail);
    this.tails.set(entry.tail, tail);
    const data = spliceGzip(entry.body, entry.head, tail);
    const record = { data: Promise.resolve(data), effort: 'small' as const, bytes: data.byteLength };
    entry.encoded.gzip = record;
    // A body alone beyond the budget is still answered, just not kept (as in `get`).
    if (this.entries.get(entry.key) === entry) this.grow(data.byteLength);
    return record.data;
  }

  private dropOldestTail() {
    const [digest, tail] = this.tails.entries().next().value!;
    this.tails.delete(digest);
    this.used -= tail.byteLength;
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

  /**
   * Counts `bytes` more and drops the least recently used entries beyond the budget (the newest
   * too, if it alone exceeds it: it is still sent, just not kept), then tails if still beyond.
   */
  private grow(bytes: number) {
    this.used += bytes;
    for (const [key, oldest] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(key);
      this.used -= sizeOf(oldest);
    }
    while (this.used > this.maxBytes && this.tails.size) this.dropOldestTail();
  }

  clear() {
    this.entries.clear();
    this.tails.clear();
    this.jobs.clear();
    this.used = 0;
  }

  get size() {
    return this.entries.size;
  }

  /** Bytes held: bodies, their finished encodings and the deflated tails kept for splicing. */
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
  const encoding = entry.body.byteLength < COMPRESS_MIN_BYTES ? null : cache.choose(entry, acceptedEncodings(c.req.header('Accept-Encoding')));
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
  return acceptedEncodings(header)[0] ?? null;
}

/** The encodings the client accepts, br before gzip. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const accepted = new Map(
    header.split(',').map((part) => {
      const [name, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return [name.trim().toLowerCase(), q === undefined ? 1 : Number(q)] as const;
    }),
  );
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
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
