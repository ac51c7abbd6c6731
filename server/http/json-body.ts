/**
 * JSON for responses, with each geometry serialised once. Layers differ by date in their
 * properties, never in their shapes, and the shapes are most of the text: JSON.stringify of a
 * communes layer spends three quarters of its time on coordinates. A `geometry` member is
 * written from a text kept per geometry object (the snapshot's objects live until the data
 * changes, so the WeakMap forgets them with it); everything else is plain JSON.stringify.
 */
const serialised = new WeakMap<object, string>();

/** A marker no JSON text of ours contains: a NUL (escaped as \u0000 in JSON) and a per-process nonce. */
const MARK = `\u0000geometry:${Math.random().toString(36).slice(2)}`;
const QUOTED_MARK = JSON.stringify(MARK);

/** `JSON.stringify(body)`, byte for byte, with every `geometry` member's text reused. */
export function toJson(body: unknown): string {
  const geometries: string[] = [];
  const text = JSON.stringify(body, (key, value) => {
    if (key !== 'geometry' || value === null || typeof value !== 'object') return value;
    let json = serialised.get(value);
    if (json === undefined) {
      json = JSON.stringify(value);
      serialised.set(value, json);
    }
    geometries.push(json);
    return MARK;
  });
  if (geometries.length === 0) return text;
  const parts = text.split(QUOTED_MARK);
  if (parts.length !== geometries.length + 1) return JSON.stringify(body);
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) out += geometries[i - 1] + parts[i];
  return out;
}
