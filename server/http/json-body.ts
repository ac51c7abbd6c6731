import { createHash } from 'node:crypto';

/**
 * JSON for responses, as UTF-8 bytes, with each geometry serialised once. Layers differ by date
 * in their properties, never in their shapes, and the shapes are most of the bytes: a communes
 * layer spent three quarters of JSON.stringify on coordinates, and as much again turning them
 * into UTF-8. Geometry bytes are kept per geometry object (the snapshot's objects live until the
 * data changes, so the WeakMap forgets them with it), with their digest, so a body's hash reads
 * each geometry's 20 bytes, not its coordinates again.
 *
 * The output is byte for byte `JSON.stringify(body)`. The body is stringified once with each
 * `geometry` member swapped for a marker string, and the geometries' bytes are spliced in where
 * the markers are. A FeatureCollection's features are swapped by a shallow copy (no replacer:
 * V8's fast path); any other body through a replacer.
 */
export interface JsonBody {
  bytes: Buffer;
  /** SHA-1 (base64url) of the text around the geometries and of each geometry's own SHA-1: equal for equal bodies. */
  hash: string;
}

interface Serialised {
  bytes: Buffer;
  digest: Buffer;
}

const serialised = new WeakMap<object, Serialised>();

export function toJsonBody(body: unknown): JsonBody {
  const geometries: Serialised[] = [];
  const swap = (geometry: unknown) => {
    if (geometry === null || typeof geometry !== 'object') return geometry;
    geometries.push(serialisedGeometry(geometry));
    return MARK;
  };
  const text = isFeatureCollection(body)
    ? JSON.stringify({ ...body, features: body.features.map((f) => (isPlain(f) && 'geometry' in f ? { ...f, geometry: swap(f.geometry) } : f)) })
    : JSON.stringify(body, (key, value) => (key === 'geometry' ? swap(value) : value));
  const around = text.split(QUOTED_MARK);
  // A marker the data itself held (it cannot, short of guessing the nonce) would misplace the splices.
  if (around.length !== geometries.length + 1) return assemble([JSON.stringify(body)], []);
  return assemble(around, geometries);
}

/** The bytes alone. */
export const toJsonBytes = (body: unknown): Buffer => toJsonBody(body).bytes;

/** One buffer of the exact size, text and geometries written into it in turn (no buffer per piece, no second copy), hashed as it goes. */
function assemble(around: string[], geometries: Serialised[]): JsonBody {
  let size = 0;
  for (const t of around) size += Buffer.byteLength(t);
  for (const g of geometries) size += g.bytes.byteLength;
  const out = Buffer.allocUnsafeSlow(size);
  const hash = createHash('sha1');
  let at = 0;
  for (const [i, t] of around.entries()) {
    const written = out.write(t, at);
    hash.update(out.subarray(at, at + written));
    at += written;
    const g = geometries[i];
    if (g === undefined) continue;
    at += g.bytes.copy(out, at);
    hash.update(g.digest);
  }
  return { bytes: out, hash: hash.digest('base64url') };
}

function serialisedGeometry(geometry: object): Serialised {
  let s = serialised.get(geometry);
  if (s === undefined) {
    const bytes = Buffer.from(JSON.stringify(geometry));
    s = { bytes, digest: createHash('sha1').update(bytes).digest() };
    serialised.set(geometry, s);
  }
  return s;
}

type Json = Record<string, unknown>;
/** An object JSON.stringify writes member by member (a toJSON would make it something else). */
const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Json).toJSON !== 'function';
const isFeatureCollection = (v: unknown): v is Json & { features: unknown[] } => isPlain(v) && Array.isArray(v.features);

/** A marker no JSON text of ours contains: a NUL (escaped as \u0000 in JSON) and a per-process nonce. */
const MARK = `\u0000geometry:${Math.random().toString(36).slice(2)}`;
const QUOTED_MARK = JSON.stringify(MARK);
