import type { z } from 'zod';
import { isoDate } from '../../../server/catalog/records.ts';

/**
 * A collection's attribute schema as flat columns: one per scalar property, nested objects
 * flattened one level (`decision.ref`), arrays as lists, positions left out. Pure and read from
 * the zod schema alone, so a property added to the catalog shows up as a column.
 * TODO(#7): replace with the downloads' isomorphic server/catalog/columns.ts when it lands on main,
 * so the table and the CSV/XLSX files share one flattening.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'enum' | 'list';

export interface FlatColumn {
  /** The property path joined with dots: `name`, `decision.ref`. */
  key: string;
  path: readonly string[];
  kind: ColumnKind;
  /** For enums: the values in their declared order (NTM statuses low to high), used to sort. */
  values?: readonly (string | number)[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string | number>;
  options?: z.ZodType[];
  values?: unknown[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips nullable and optional: a column's kind is its value's, null or not. */
function unwrap(s: z.ZodType): z.ZodType {
  let inner = s;
  for (let d = defOf(inner); (d.type === 'nullable' || d.type === 'optional') && d.innerType; d = defOf(inner)) inner = d.innerType;
  return inner;
}

function kindOf(s: z.ZodType): Pick<FlatColumn, 'kind' | 'values'> | null {
  const d = defOf(s);
  switch (d.type) {
    case 'string':
      return { kind: s === isoDate ? 'date' : 'text' };
    case 'number':
      return { kind: (s as unknown as { format?: string }).format?.includes('int') ? 'integer' : 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', values: Object.values(d.entries ?? {}) };
    case 'literal':
      return { kind: 'enum', values: (d.values ?? []) as (string | number)[] };
    case 'union': {
      const literals = (d.options ?? []).map((o) => defOf(o));
      if (literals.every((o) => o.type === 'literal')) return { kind: 'enum', values: literals.flatMap((o) => o.values ?? []) as (string | number)[] };
      return { kind: 'text' };
    }
    case 'array':
      return { kind: 'list' };
    default:
      // Tuples (label points) and custom shapes are geometry, not attributes.
      return null;
  }
}

/** The flat columns of an object schema, in declaration order. */
export function flatColumns(schema: z.ZodType, prefix: readonly string[] = []): FlatColumn[] {
  const shape = defOf(unwrap(schema)).shape ?? {};
  return Object.entries(shape).flatMap(([name, prop]): FlatColumn[] => {
    const inner = unwrap(prop);
    const path = [...prefix, name];
    if (defOf(inner).type === 'object') return prefix.length ? [] : flatColumns(inner, path);
    const kind = kindOf(inner);
    return kind ? [{ key: path.join('.'), path, ...kind }] : [];
  });
}

/** A flat column's value in a feature's properties (undefined along a null parent is null). */
export function columnValue(column: FlatColumn, properties: unknown): unknown {
  let v: unknown = properties;
  for (const p of column.path) {
    if (v === null || v === undefined) return null;
    v = (v as Record<string, unknown>)[p];
  }
  return v ?? null;
}
