import { createHash } from 'node:crypto';

/**
 * JSON for responses, as UTF-8 bytes, with each geometry serialised once and each feature once
 * per distinct content. Layers differ by date in the properties of a few features, never in
 * their shapes, and the shapes are most of the bytes: a communes layer spent three quarters of
 * JSON.stringify on coordinates, and as much again turning them into UTF-8; a layer for a new
 * date then spent most of its time writing the properties of features that had not changed.
 *
 * Kept per geometry object (the snapshot's objects live until the data changes, so the WeakMap
 * forgets them with it): its bytes and digest, and the last few features written around it, each
 * with its bytes before and after the geometry and its digest. A feature is written again only
 * when no kept one has the same members and properties (compared one level deep, by identity:
 * what JSON.stringify would write the same way).
 *
 * The output is byte for byte `JSON.stringify(body)`: a FeatureCollection's other members are
 * stringified once around a marker for its features, which are spliced in (or written, if not
 * plain) one after another; any other body is stringified with each `geometry` member swapped
 * for a marker string, and the kept bytes are spliced in where the markers are.
 */
export interface JsonBody {
  bytes: Buffer;
  /** SHA-1 (base64url) of the head and the tail's digest: equal for equal bodies. */
  hash: string;
  /**
   * Bytes before the first spliced piece (in a layer: the collection's members, its date among
   * them). Layers of dates with the same statuses differ only there.
   */
  head: number;
  /** SHA-1 (base64url) of the rest, from each piece's own SHA-1 and the text between them: equal for equal tails. */
  tail: string;
}

/** Bytes written once and spliced into many bodies. */
interface Piece {
  parts: Buffer[];
  digest: Buffer;
}

interface Written {
  geometry: Piece;
  /** Features written around this geometry, most recent last. */
  features: { feature: Json; piece: Piece }[];
}

/** Variants of one feature kept: a feature's status changes a few times over the years, and layers of other kinds share its geometry. */
const KEPT_PER_GEOMETRY = 8;

const written = new WeakMap<object, Written>();

export function toJsonBody(body: unknown): JsonBody {
  if (isFeatureCollection(body)) return featureCollection(body);
  const pieces: Piece[] = [];
  const text = JSON.stringify(body, (key, value) => {
    if (key !== 'geometry' || !isPlain(value)) return value;
    pieces.push(writtenGeometry(value).geometry);
    return MARK;
  });
  const around = text.split(QUOTED_MARK);
  // A marker the data itself held (it cannot, short of guessing the nonce) would misplace the splices.
  if (around.length !== pieces.length + 1) return assemble([JSON.stringify(body)], []);
  return assemble(around, pieces);
}

/**
 * The collection's other members written once around a marker for its features; each feature
 * with a geometry spliced in, and each run of others (no geometry) written in one stringify.
 */
function featureCollection(body: Json & { features: unknown[] }): JsonBody {
  if (!body.features.some(withGeometry)) return assemble([JSON.stringify(body)], []);
  const [head, end, ...rest] = JSON.stringify({ ...body, features: [MARK] }).split(QUOTED_MARK);
  if (head === undefined || end === undefined || rest.length) return assemble([JSON.stringify(body)], []);
  const around: string[] = [];
  const pieces: Piece[] = [];
  let text = head;
  let others: unknown[] = [];
  const writeOthers = () => {
    if (others.length) text += JSON.stringify(others).slice(1, -1);
    others = [];
  };
  for (const [i, f] of body.features.entries()) {
    if (withGeometry(f)) {
      writeOthers();
      if (i > 0) text += ',';
      around.push(text);
      pieces.push(featurePiece(f, f.geometry));
      text = '';
    } else {
      if (i > 0 && !others.length) text += ',';
      others.push(f);
    }
  }
  writeOthers();
  around.push(text + end);
  return assemble(around, pieces);
}

/** The bytes alone. */
export const toJsonBytes = (body: unknown): Buffer => toJsonBody(body).bytes;

/**
 * One buffer of the exact size, text and pieces written into it in turn (no buffer per piece, no
 * second copy). The tail's digest is of each piece's digest and the text after it, hashed in one
 * call from a small buffer of their own; the hash is of the head and that digest.
 */
function assemble(around: string[], pieces: Piece[]): JsonBody {
  let text = 0;
  for (const t of around) text += Buffer.byteLength(t);
  let size = text;
  for (const p of pieces) for (const part of p.parts) size += part.byteLength;
  const out = Buffer.allocUnsafeSlow(size);
  const head = out.write(around[0]!);
  let at = head;
  const digests = Buffer.allocUnsafe(text - head + DIGEST_BYTES * pieces.length);
  let d = 0;
  for (const [i, p] of pieces.entries()) {
    for (const part of p.parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    digests.set(p.digest, d);
    d += DIGEST_BYTES;
    const t = around[i + 1]!;
    if (t === ',') {
      out[at++] = COMMA;
      digests[d++] = COMMA;
    } else {
      const length = out.write(t, at);
      out.copy(digests, d, at, at + length);
      at += length;
      d += length;
    }
  }
  const tail = sha1(digests);
  return { bytes: out, hash: sha1(out.subarray(0, head), tail).toString('base64url'), head, tail: tail.toString('base64url') };
}

const COMMA = 0x2c;
const DIGEST_BYTES = 20;

function writtenGeometry(geometry: object): Written {
  let w = written.get(geometry);
  if (w === undefined) {
    const bytes = own(JSON.stringify(geometry));
    w = { geometry: { parts: [bytes], digest: sha1(bytes) }, features: [] };
    written.set(geometry, w);
  }
  return w;
}

/** The feature's bytes: kept ones when a feature the same as this one was written before, else written now and kept. */
function featurePiece(feature: Json, geometry: object): Piece {
  const w = writtenGeometry(geometry);
  const i = w.features.findLastIndex((kept) => sameMembers(kept.feature, feature, 3));
  if (i >= 0) {
    const [hit] = w.features.splice(i, 1);
    w.features.push(hit!);
    return hit!.piece;
  }
  const [before, after] = JSON.stringify({ ...feature, geometry: MARK })
    .split(QUOTED_MARK)
    .map(own);
  const piece = { parts: [before!, w.geometry.parts[0]!, after!], digest: sha1(before!, w.geometry.digest, after!) };
  w.features.push({ feature, piece });
  if (w.features.length > KEPT_PER_GEOMETRY) w.features.shift();
  return piece;
}

/** Same members in the same order, with identical values; plain objects and arrays compared so `depth` levels down. */
function sameMembers(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameMembers(v, b[i], depth - 1));
  if (!isPlain(a) || !isPlain(b)) return false;
  const other = Object.keys(b);
  let i = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    if (key !== other[i++] || !sameMembers(a[key], b[key], depth - 1)) return false;
  }
  return i === other.length;
}

/** Text as UTF-8 in a buffer of its own: a small Buffer.from shares an 8 KB slab, which a kept piece would hold alive whole. */
function own(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

const sha1 = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash('sha1')).digest();

type Json = Record<string, unknown>;
/** An object JSON.stringify writes member by member (a toJSON would make it something else). */
const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Json).toJSON !== 'function';
/** A feature whose bytes can be kept: written member by member, around a geometry written so too. */
const withGeometry = (f: unknown): f is Json & { geometry: Json } => isPlain(f) && isPlain(f.geometry);
const isFeatureCollection = (v: unknown): v is Json & { features: unknown[] } => isPlain(v) && Array.isArray(v.features);

/** A marker no JSON text of ours contains: a NUL (escaped as \u0000 in JSON) and a per-process nonce. */
const MARK = `\u0000geometry:${Math.random().toString(36).slice(2)}`;
const QUOTED_MARK = JSON.stringify(MARK);
