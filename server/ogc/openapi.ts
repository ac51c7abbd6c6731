import type { Collection } from '../catalog/define.ts';
import { z } from 'zod';
import { errorEnvelope } from '../catalog/error-codes.ts';
import { WARNINGS_HEADER } from '../catalog/warnings.ts';
import { type ParamDef, paramDescription } from '../catalog/params.ts';
import type { Province } from '../catalog/province.ts';
import { forProvince } from '../catalog/province-text.ts';
import { CONFORMANCE, JSON_TYPE, OPENAPI_TYPE, SCHEMA_TYPE, service } from './documents.ts';
import { GEOJSON_TYPE } from './items.ts';
import { bboxCrsParam, bboxParam, crsOutParam, crsSchema, documentParams, featureParams, fParam, itemsParams, limitParam, offsetParam } from './params.ts';
import { openApiSchema } from './queryables.ts';

/**
 * The OpenAPI 3.0 document of the OGC API, generated from the catalog: every collection's paths
 * written out (GDAL reads `limit` from the concrete items path, not from a `{collectionId}`
 * template), every parameter a route accepts declared with `in`, `style: form`, `explode: false`
 * and its schema (an undeclared one gets 400), and `components.parameters.limit` for QGIS.
 */

type Params = Record<string, ParamDef<unknown>>;

/** A query parameter; the CRS parameters list the URIs the province's data offers. */
function queryParameter(name: string, def: ParamDef<unknown>, province: Province) {
  const schema = def === crsOutParam || def === bboxCrsParam ? crsSchema(province) : def.schema;
  return { name, in: 'query', description: paramDescription(def, province), required: false, style: 'form', explode: false, schema };
}

const parameters = (params: Params, province: Province) => Object.entries(params).map(([name, def]) => queryParameter(name, def, province));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const content = (type: string, schema: object) => ({ content: { [type]: { schema } } });

const ERRORS = {
  '400': { description: 'A parameter is unknown, repeated or invalid; the message names it.', ...content(JSON_TYPE, ref('error')) },
  '404': { description: 'No such collection or feature.', ...content(JSON_TYPE, ref('error')) },
};

const CONTENT_CRS = { 'Content-Crs': { description: 'The CRS of the geometries, as <URI>.', schema: { type: 'string' } } };

function operation(operationId: string, summary: string, params: object[], ok: object) {
  return { get: { operationId, summary, parameters: params, responses: { '200': ok, ...ERRORS } } };
}

const GEOMETRY = {
  type: 'object',
  nullable: true,
  required: ['type'],
  properties: {
    type: { type: 'string', enum: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] },
    coordinates: { type: 'array', items: {} },
  },
};

const SHARED_SCHEMAS = {
  // The API's one envelope (server/catalog/error-codes.ts); docs/API.md explains each code.
  error: z.toJSONSchema(errorEnvelope, { target: 'openapi-3.0' }),
  link: {
    type: 'object',
    required: ['href', 'rel'],
    properties: { href: { type: 'string', format: 'uri' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } },
  },
  landingPage: {
    type: 'object',
    required: ['links'],
    properties: { title: { type: 'string' }, description: { type: 'string' }, links: { type: 'array', items: ref('link') } },
  },
  confClasses: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
  collection: {
    type: 'object',
    required: ['id', 'links'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      extent: { type: 'object' },
      itemType: { type: 'string' },
      crs: { type: 'array', items: { type: 'string' } },
      storageCrs: { type: 'string' },
      links: { type: 'array', items: ref('link') },
    },
  },
  collections: {
    type: 'object',
    required: ['links', 'collections'],
    properties: { links: { type: 'array', items: ref('link') }, collections: { type: 'array', items: ref('collection') } },
  },
  geometry: GEOMETRY,
  queryables: { type: 'object', required: ['type', 'properties'], properties: { type: { type: 'string' }, properties: { type: 'object' } } },
};

function featureSchema(c: Collection) {
  return {
    type: 'object',
    required: ['type', 'id', 'geometry', 'properties'],
    properties: { type: { type: 'string', enum: ['Feature'] }, id: { type: 'string' }, geometry: ref('geometry'), properties: ref(`${c.id}.properties`) },
  };
}

function featureCollectionSchema(c: Collection) {
  return {
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] },
      features: { type: 'array', items: ref(`${c.id}.feature`) },
      numberMatched: { type: 'integer', minimum: 0 },
      numberReturned: { type: 'integer', minimum: 0 },
      timeStamp: { type: 'string', format: 'date-time' },
      links: { type: 'array', items: ref('link') },
    },
  };
}

function collectionPaths(c: Collection, province: Province) {
  const path = `/collections/${c.id}`;
  const [title, description] = [forProvince(c.title, province), forProvince(c.description, province)];
  const featureId = { name: 'featureId', in: 'path', required: true, description: `The feature's ${c.idProperty}.`, schema: { type: 'string' } };
  return {
    [path]: operation(`describe-${c.id}`, `The collection ${c.id}: ${title.en}`, parameters(documentParams, province), {
      description: description.en,
      ...content(JSON_TYPE, ref('collection')),
    }),
    [`${path}/items`]: operation(`items-${c.id}`, `Features of ${c.id}: ${title.en}`, parameters(itemsParams(c), province), {
      description: 'A page of features, with next and prev links.',
      headers: CONTENT_CRS,
      ...content(GEOJSON_TYPE, ref(`${c.id}.featureCollection`)),
    }),
    [`${path}/items/{featureId}`]: operation(`feature-${c.id}`, `One feature of ${c.id}`, [featureId, ...parameters(featureParams(c), province)], {
      description: 'The feature.',
      headers: CONTENT_CRS,
      ...content(GEOJSON_TYPE, ref(`${c.id}.feature`)),
    }),
    [`${path}/queryables`]: operation(`queryables-${c.id}`, `The properties of ${c.id} (JSON Schema)`, parameters(documentParams, province), {
      description: 'A JSON Schema of the properties.',
      ...content(SCHEMA_TYPE, ref('queryables')),
    }),
  };
}

const WRITE_ERRORS = {
  '400': { description: 'The feature is invalid; error.fields names each wrong property.', ...content(JSON_TYPE, ref('error')) },
  '401': { description: 'No credentials: send an API token (Authorization: Bearer …).', ...content(JSON_TYPE, ref('error')) },
  '403': { description: 'The user may not edit this programme or unit.', ...content(JSON_TYPE, ref('error')) },
  '404': { description: 'No such feature.', ...content(JSON_TYPE, ref('error')) },
};
const CONTENT_CRS_IN = {
  name: 'Content-Crs',
  in: 'header',
  required: false,
  description: 'The CRS of the geometry sent (default CRS84).',
  schema: { type: 'string' },
};

/** Part 4 operations of a collection the catalog opens to writes: POST on items, PUT, PATCH and DELETE on an item. */
function writePaths(c: Collection, paths: Record<string, Record<string, object>>) {
  if (!c.writes) return paths;
  const items = `/collections/${c.id}/items`;
  const body = { required: true, ...content(GEOJSON_TYPE, ref(`${c.id}.feature`)) };
  const featureId = { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } };
  const security = [{ bearer: [] }];
  const warnings = {
    [WARNINGS_HEADER]: {
      description: 'The codes of what the write warns of (comma-separated; absent when nothing): the feature answered words them in its `warnings` member.',
      schema: { type: 'string' },
    },
  };
  const ok = {
    description: 'The feature as stored, with the foreign member `warnings`: [{ code, message }], what a person should check (the write was made).',
    headers: warnings,
    ...content(GEOJSON_TYPE, ref(`${c.id}.feature`)),
  };
  paths[items].post = {
    operationId: `create-${c.id}`,
    summary: `Add a feature to ${c.id} (with sourceTitle, sourceDate, sourceUrl)`,
    parameters: [CONTENT_CRS_IN],
    requestBody: body,
    security,
    responses: { '201': { ...ok, headers: { ...warnings, Location: { schema: { type: 'string' } } } }, ...WRITE_ERRORS },
  };
  const item = paths[`${items}/{featureId}`];
  item.put = {
    operationId: `replace-${c.id}`,
    summary: `Replace a feature of ${c.id}`,
    parameters: [featureId, CONTENT_CRS_IN],
    requestBody: body,
    security,
    responses: { '200': ok, ...WRITE_ERRORS },
  };
  item.patch = {
    operationId: `update-${c.id}`,
    summary: `Change some properties of a feature of ${c.id}`,
    parameters: [featureId, CONTENT_CRS_IN],
    requestBody: body,
    security,
    responses: { '200': ok, ...WRITE_ERRORS },
  };
  return paths;
}

/** The whole document; `base` is the OGC API's root URL (…/ogc), its only server. */
export function openApiDocument(base: string, collections: readonly Collection[], province: Province) {
  const docs = parameters(documentParams, province);
  const about = service(province);
  return {
    openapi: '3.0.3',
    info: {
      title: about.title,
      version: '1.0.0',
      description: `${about.description}\n\nOGC API – Features, conforming to:\n${CONFORMANCE.map((c) => `- ${c}`).join('\n')}`,
    },
    servers: [{ url: base }],
    paths: {
      '/': operation('landingPage', 'The landing page', docs, {
        description: 'Links to the API definition, conformance and collections.',
        ...content(JSON_TYPE, ref('landingPage')),
      }),
      '/conformance': operation('conformance', 'The conformance classes implemented', docs, {
        description: 'The conformance classes.',
        ...content(JSON_TYPE, ref('confClasses')),
      }),
      '/api': operation('api', 'This document', docs, { description: 'The OpenAPI 3.0 document.', ...content(OPENAPI_TYPE, { type: 'object' }) }),
      '/collections': operation('collections', 'The collections', docs, { description: 'Every collection.', ...content(JSON_TYPE, ref('collections')) }),
      ...Object.assign({}, ...collections.map((c) => writePaths(c, collectionPaths(c, province)))),
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (create one under your account).' } },
      parameters: {
        limit: queryParameter('limit', limitParam, province),
        offset: queryParameter('offset', offsetParam, province),
        bbox: queryParameter('bbox', bboxParam, province),
        'bbox-crs': queryParameter('bbox-crs', bboxCrsParam, province),
        crs: queryParameter('crs', crsOutParam, province),
        f: queryParameter('f', fParam, province),
      },
      schemas: {
        ...SHARED_SCHEMAS,
        ...Object.fromEntries(
          collections.flatMap((c) => [
            [`${c.id}.properties`, openApiSchema(c, province)],
            [`${c.id}.feature`, featureSchema(c)],
            [`${c.id}.featureCollection`, featureCollectionSchema(c)],
          ]),
        ),
      },
    },
  };
}
