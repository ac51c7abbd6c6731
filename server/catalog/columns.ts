import type { z } from 'zod';
import { isoDate, position } from './records.ts';

/**
 * A collection's properties as flat columns, derived from its zod schema: the downloads (CSV,
 * XLSX, GeoPackage, KML) and the client's table view show the same columns in the same order.
 *
 * - a scalar is one column (`name`); a nested object is flattened with dotted keys (`decision.ref`);
 * - a position `[lon, lat]` becomes `labelPoint.lon` and `labelPoint.lat`;
 * - an array of scalars is one column, its values joined with LIST_SEPARATOR (`communeCodes`);
 * - an array of objects becomes one column per leaf of its items, each joining that leaf's values
 *   across the items in order (`sources.title`, `sources.date`, …), so the n-th value of
 *   `sources.title` and of `sources.url` belong to the same source;
 * - anything else (arrays inside array items, unions of objects) is one JSON-encoded column.
 */

/** The type of a column's values; list and JSON columns hold text. */
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'date';
export type CellValue = string | number | boolean | null;

export interface Column {
  /** The property path, dotted: `ntmStatus`, `decision.ref`, `sources.title`. */
  key: string;
  /** The type of its values; list and JSON columns hold text. */
  type: ColumnType;
  /** What the column holds: the schema's description of the nearest property that has one, or "". */
  description: string;
  /** `value`: one value; `list`: the values of an array, joined; `json`: JSON text. */
  form: 'value' | 'list' | 'json';
  /** The cell of one feature's properties (null when absent). */
  value(properties: unknown): CellValue;
}

/** Joins the values of an array in one cell. */
export const LIST_SEPARATOR = '; ';

type Getter = (v: unknown) => unknown;
type Def = { type: string; [key: string]: unknown };

type Internals = { _zod: { def: Def; parent?: z.ZodType } };
const def = (s: z.ZodType): Def => (s as unknown as Internals)._zod.def;

/** True when `s` is `base` or made from it by `.describe()` / `.meta()` (zod keeps the original as the parent). */
function isFrom(s: z.ZodType, base: z.ZodType): boolean {
  for (let at: z.ZodType | undefined = s; at; at = (at as unknown as Internals)._zod.parent) if (at === base) return true;
  return false;
}

/** Strips nullable, optional, default and readonly wrappers (null is always allowed in a cell). */
function unwrap(s: z.ZodType): z.ZodType {
  let d = def(s);
  while (['nullable', 'optional', 'default', 'prefault', 'readonly', 'nonoptional'].includes(d.type)) {
    s = d.innerType as z.ZodType;
    d = def(s);
  }
  return s;
}

/** An own property of an object, else null (never a prototype's). */
function field(get: Getter, key: string): Getter {
  return (v) => {
    const o = get(v);
    return o !== null && typeof o === 'object' && Object.hasOwn(o, key) ? ((o as Record<string, unknown>)[key] ?? null) : null;
  };
}

const INTEGER_FORMATS = ['safeint', 'int32', 'uint32'];

/** The column type of a scalar schema, or null when it is not a scalar. */
function scalarType(s: z.ZodType): ColumnType | null {
  if (isFrom(s, isoDate)) return 'date';
  const d = def(s);
  switch (d.type) {
    case 'string':
    case 'enum':
      return 'text';
    case 'number':
      return INTEGER_FORMATS.includes(d.format as string) ? 'integer' : 'real';
    case 'boolean':
      return 'boolean';
    case 'literal':
      return literalType(d.values as unknown[]);
    case 'union': {
      const types = (d.options as z.ZodType[]).map((o) => scalarType(unwrap(o)));
      if (types.some((t) => t === null)) return null;
      return types.every((t) => t === types[0]) ? types[0] : types.every((t) => t === 'integer' || t === 'real') ? 'real' : 'text';
    }
    default:
      return null;
  }
}

function literalType(values: unknown[]): ColumnType | null {
  if (values.every((v) => typeof v === 'string')) return 'text';
  if (values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'integer' : 'real';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return null;
}

const asScalar = (v: unknown): CellValue => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);
const asJson = (v: unknown): CellValue => (v === null || v === undefined ? null : JSON.stringify(v));

/** A value as text inside a joined list: null is an empty slot, so positions stay aligned. */
export function listItemText(v: CellValue): string {
  return v === null ? '' : String(v);
}

interface Leaf {
  path: string[];
  type: ColumnType;
  json: boolean;
  get: Getter;
  description: string;
}

/** The description given with `.describe()` on the schema or, through nullable and the like, on what it wraps. */
function describedAs(schema: z.ZodType): string {
  let s: z.ZodType | undefined = schema;
  while (s) {
    if (s.description) return s.description;
    s = def(s).innerType as z.ZodType | undefined;
  }
  return '';
}

/** The leaves of a schema below `path`, reading from `get`. */
function leaves(schema: z.ZodType, path: string[], get: Getter, inItem: boolean, described: string, out: Leaf[]): void {
  const description = describedAs(schema) || described;
  const s = unwrap(schema);
  const scalar = scalarType(s);
  if (scalar) {
    out.push({ path, type: scalar, json: false, get, description });
    return;
  }
  const d = def(s);
  if (d.type === 'object') {
    for (const [key, child] of Object.entries(d.shape as Record<string, z.ZodType>)) leaves(child, [...path, key], field(get, key), inItem, description, out);
    return;
  }
  if (isFrom(s, position) && !inItem) {
    out.push({ path: [...path, 'lon'], type: 'real', json: false, get: (v) => (get(v) as number[] | null)?.[0] ?? null, description });
    out.push({ path: [...path, 'lat'], type: 'real', json: false, get: (v) => (get(v) as number[] | null)?.[1] ?? null, description });
    return;
  }
  out.push({ path, type: 'text', json: true, get, description });
}

/** The flat columns of a properties schema (an object schema), in the schema's order. */
export function columnsOf(schema: z.ZodType): Column[] {
  const s = unwrap(schema);
  if (def(s).type !== 'object') throw new Error('columnsOf: the properties schema must be an object');
  const columns: Column[] = [];
  for (const [key, child] of Object.entries(def(s).shape as Record<string, z.ZodType>)) {
    const inner = unwrap(child);
    const get = field((v) => v, key);
    if (def(inner).type !== 'array') {
      const found: Leaf[] = [];
      leaves(child, [key], get, false, '', found);
      for (const leaf of found) columns.push(valueColumn(leaf));
      continue;
    }
    const items: Leaf[] = [];
    leaves(def(inner).element as z.ZodType, [key], (v) => v, true, describedAs(child), items);
    for (const item of items) columns.push(listColumn(item, get));
  }
  return columns;
}

function valueColumn(leaf: Leaf): Column {
  return {
    key: leaf.path.join('.'),
    type: leaf.type,
    description: leaf.description,
    form: leaf.json ? 'json' : 'value',
    value: (p) => (leaf.json ? asJson(leaf.get(p)) : asScalar(leaf.get(p))),
  };
}

/** A column joining one leaf of every item of an array; null when the array is absent or empty. */
function listColumn(leaf: Leaf, getArray: Getter): Column {
  return {
    key: leaf.path.join('.'),
    type: 'text',
    description: leaf.description,
    form: 'list',
    value(p) {
      const items = getArray(p);
      if (!Array.isArray(items) || items.length === 0) return null;
      return items.map((item) => listItemText(leaf.json ? asJson(leaf.get(item)) : asScalar(leaf.get(item)))).join(LIST_SEPARATOR);
    },
  };
}
