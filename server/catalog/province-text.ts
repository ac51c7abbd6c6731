import { z } from 'zod';
import type { Province } from './province.ts';

/**
 * Texts of the documents — parameter and property descriptions, collection titles — that name
 * the province's unit sets. Their dates are the province's data (a synthetic province has
 * others), so such a text is a function of them, read through `forProvince` (never directly).
 */

/** What a description may name: the province's unit sets. */
export type DescriptionContext = Pick<Province, 'unitSets'>;

/** A fixed text, or a function of the province's unit sets where it names them. */
export type ProvinceText<T = string> = T | ((province: DescriptionContext) => T);

/** A text for the province: the function applied to its unit sets, or the fixed text. */
export const forProvince = <T extends string | object>(text: ProvinceText<T>, province: DescriptionContext): T =>
  typeof text === 'function' ? text(province) : text;

/** Property descriptions that name the unit sets: kept beside the schema, written out by `jsonSchemaFor`. */
const provinceDescriptions = z.registry<{ description: (province: DescriptionContext) => string }>();

/** A property schema whose description names the province's unit sets (`.describe()` for a fixed one). */
export function describeFor<T extends z.ZodType>(schema: T, description: (province: DescriptionContext) => string): T {
  const described = schema.clone() as T;
  provinceDescriptions.add(described, { description });
  return described;
}

/**
 * A properties schema as JSON Schema (2020-12, or OpenAPI 3.0), its descriptions for the
 * province: for the queryables, the OpenAPI document and docs/COLLECTIONS.md.
 */
export function jsonSchemaFor(schema: z.ZodType, province: DescriptionContext, target?: 'openapi-3.0'): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
    ...(target ? { target } : {}),
    override({ zodSchema, jsonSchema }) {
      const text = provinceDescriptions.get(zodSchema as unknown as z.ZodType)?.description;
      if (text) jsonSchema.description = text(province);
    },
  }) as Record<string, unknown>;
}
