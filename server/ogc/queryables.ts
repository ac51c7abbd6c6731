import type { Collection } from '../catalog/define.ts';
import { type DescriptionContext, forProvince, jsonSchemaFor } from '../catalog/province-text.ts';

/** Geometry formats of OGC API – Features Part 3 for the catalog's geometry kinds. */
const GEOMETRY_FORMAT = { polygon: 'geometry-polygon-or-multipolygon', point: 'geometry-point' } as const;

/**
 * A collection's queryables: the JSON Schema (2020-12) of its features' properties, generated
 * from the catalog's zod schema, with its geometry. Filtering uses the parameters the collection
 * declares (see the OpenAPI document), not a filter language.
 */
export function queryables(c: Collection, url: string, province: DescriptionContext) {
  const { $schema, ...schema } = jsonSchemaFor(c.properties, province) as Record<string, unknown> & { properties: Record<string, unknown> };
  const title = forProvince(c.title, province);
  return {
    $schema,
    $id: url,
    ...schema,
    title: title.vi,
    description: title.en,
    properties: {
      ...(c.geometry ? { geometry: { format: GEOMETRY_FORMAT[c.geometry] } } : {}),
      ...schema.properties,
    },
  };
}

/** The properties' schema as OpenAPI 3.0 (nullable instead of type lists). */
export function openApiSchema(c: Collection, province: DescriptionContext): Record<string, unknown> {
  return jsonSchemaFor(c.properties, province, 'openapi-3.0');
}
