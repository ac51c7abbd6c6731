/**
 * JSON for responses, as UTF-8 bytes, with each geometry serialised once. Layers differ by date
 * in their properties, never in their shapes, and the shapes are most of the bytes: a communes
 * layer spent three quarters of JSON.stringify on coordinates, and as much again turning them
 * into UTF-8. Geometry bytes are kept per geometry object (the snapshot's objects live until the
 * data changes, so the WeakMap forgets them with it).
 *
 * The output is byte for byte `JSON.stringify(body)`. FeatureCollections and Features (with
 * `features` or `geometry` as their last member, as server/geo/collection.ts builds them) are
 * written piece by piece, each piece by JSON.stringify without a replacer, which keeps V8's fast
 * path; any other body goes through a replacer that swaps `geometry` members.
 */
const serialised = new WeakMap<object, Buffer>();

export function toJsonBytes(body: unknown): Buffer {
  const parts: (string | Buffer)[] = [];
  if (!writeGeoJson(body, parts)) return withReplacer(body);
  // One buffer of the exact size, each piece written into it in place: no buffer per piece, no second copy.
  let size = 0;
  for (const p of parts) size += typeof p === 'string' ? Buffer.byteLength(p) : p.byteLength;
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const p of parts) at += typeof p === 'string' ? out.write(p, at) : p.copy(out, at);
  return out;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const lastKey = (o: Json) => {
  const keys = Object.keys(o);
  return keys[keys.length - 1];
};

function geometryBytes(geometry: object): Buffer {
  let bytes = serialised.get(geometry);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(geometry));
    serialised.set(geometry, bytes);
  }
  return bytes;
}

/** `{"a":1}` → `{"a":1,` ready for one more member; `{}` → `{`. */
const opened = (o: Json) => {
  const text = JSON.stringify(o);
  return text.length > 2 ? `${text.slice(0, -1)},` : '{';
};

/** Writes a Feature or FeatureCollection of the expected shape into `parts`; false for anything else. */
function writeGeoJson(value: unknown, parts: (string | Buffer)[]): boolean {
  if (!isObject(value) || typeof value.toJSON === 'function') return false;
  const last = lastKey(value);
  if (last === 'features' && Array.isArray(value.features)) {
    const { features, ...members } = value;
    parts.push(`${opened(members)}"features":[`);
    for (const [i, f] of (features as unknown[]).entries()) {
      if (i > 0) parts.push(',');
      if (!writeGeoJson(f, parts)) parts.push(JSON.stringify(f) ?? 'null');
    }
    parts.push(']}');
    return true;
  }
  if (last === 'geometry' && isObject(value.geometry)) {
    const { geometry, ...members } = value;
    parts.push(`${opened(members)}"geometry":`, geometryBytes(geometry as object), '}');
    return true;
  }
  return false;
}

/** A marker no JSON text of ours contains: a NUL (escaped as \u0000 in JSON) and a per-process nonce. */
const MARK = `\u0000geometry:${Math.random().toString(36).slice(2)}`;
const QUOTED_MARK = Buffer.from(JSON.stringify(MARK));

/** Any other body: `geometry` members wherever they are, swapped for a marker and spliced back as bytes. */
function withReplacer(body: unknown): Buffer {
  const geometries: Buffer[] = [];
  const text = JSON.stringify(body, (key, value) => {
    if (key !== 'geometry' || value === null || typeof value !== 'object') return value;
    geometries.push(geometryBytes(value));
    return MARK;
  });
  const rest = Buffer.from(text);
  if (geometries.length === 0) return rest;
  const parts: Buffer[] = [];
  let from = 0;
  for (const geometry of geometries) {
    const at = rest.indexOf(QUOTED_MARK, from);
    if (at < 0) return Buffer.from(JSON.stringify(body));
    parts.push(rest.subarray(from, at), geometry);
    from = at + QUOTED_MARK.length;
  }
  parts.push(rest.subarray(from));
  return Buffer.concat(parts);
}
