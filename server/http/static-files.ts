import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { matchesEtag, preferredEncoding } from './cached-response.ts';

/**
 * The built client (dist/client), served from memory with the caching a browser needs to load it
 * once: files whose names carry a content hash (Vite's `assets/`) are `immutable` for a year, the
 * rest (index.html) are revalidated on every visit (`no-cache` + ETag → 304). Each text file is
 * sent as the `.br` or `.gz` copy the build wrote beside it (scripts/build/precompress.ts) when
 * the browser accepts it, with `Vary: Accept-Encoding`; nothing is compressed per request.
 *
 * The folder is read once, when the app is created: only files present then are served, by an
 * exact lookup of the request path (no path is ever built from a request). Rebuilding the client
 * needs a restart, as a deployment does anyway.
 */
interface Representation {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

interface StaticFile {
  type: string;
  cacheControl: string;
  identity: Representation;
  encoded: Partial<Record<'br' | 'gzip', Representation>>;
}

/** Where Vite writes the files whose names carry their content's hash. */
const HASHED_DIR = 'assets/';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const ENCODED_COPIES = { br: '.br', gzip: '.gz' } as const;

/** Every file under `root` by its URL path under `base`, with its compressed copies; `base` itself is index.html. */
function readStaticFiles(root: string, base = '/'): Map<string, StaticFile> {
  const names = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
  const present = new Set(names);
  const files = new Map<string, StaticFile>();
  for (const path of names) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const url = `${base}${relative(root, path).split(sep).join('/')}`;
    const body = readFileSync(path);
    const hash = createHash('sha1').update(body).digest('base64url').slice(0, 22);
    const identity = representation(body, `"${hash}"`);
    const encoded: StaticFile['encoded'] = {};
    for (const [encoding, ext] of Object.entries(ENCODED_COPIES) as ['br' | 'gzip', string][]) {
      if (present.has(path + ext)) encoded[encoding] = representation(readFileSync(path + ext), `"${hash}-${encoding}"`);
    }
    files.set(url, {
      type: getMimeType(path) ?? 'application/octet-stream',
      cacheControl: url.startsWith(`${base}${HASHED_DIR}`) ? IMMUTABLE : REVALIDATE,
      identity,
      encoded,
    });
  }
  const index = files.get(`${base}index.html`);
  if (index) files.set(base, index);
  return files;
}

/**
 * A body with its strong ETag: the hash of the file's content, marked with the encoding for a
 * compressed copy (each encoding is a representation of its own).
 */
function representation(body: Buffer, etag: string): Representation {
  return { body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), etag };
}

/**
 * Middleware serving the files of `root` at the URL path `base` (ending in `/`) to GET and HEAD;
 * any other path or method goes on to the next handler (the API's 404 envelope).
 */
export function staticFiles(root: string, base = '/'): MiddlewareHandler {
  const files = readStaticFiles(root, base);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = files.get(c.req.path);
    if (!file) return next();
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
    const chosen = (encoding && file.encoded[encoding]) || file.identity;
    c.header('Cache-Control', file.cacheControl);
    c.header('ETag', chosen.etag);
    if (Object.keys(file.encoded).length) c.header('Vary', 'Accept-Encoding');
    if (matchesEtag(c.req.header('If-None-Match'), chosen.etag)) return c.body(null, 304);
    c.header('Content-Type', file.type);
    if (chosen !== file.identity) c.header('Content-Encoding', encoding!);
    c.header('Content-Length', String(chosen.body.byteLength));
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(chosen.body, 200);
  };
}
