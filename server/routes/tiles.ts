import { requestMessages as R } from '../messages/requests.ts';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { NATIONAL_YEARS, SYNTHETIC_NOTICE } from '../catalog/collections/national.ts';
import type { TiledCollection } from '../catalog/tiled.ts';
import { JSON_TYPE, matchesEtag, respondCached } from '../http/cached-response.ts';
import { ApiError, quoted } from '../http/errors.ts';
import { TILE_CACHE_CONTROL, tileResponse } from '../tiles/tile-response.ts';
import type { TileSet } from '../tiles/tile-set.ts';
import type { RouteDeps } from './deps.ts';

/**
 * The tiled collections (server/catalog/tiled.ts), when a national dataset is configured
 * (NATIONAL_DIR):
 * - GET /api/tiles — the collections, each with its TileJSON link;
 * - GET /api/tiles/{collection} — its TileJSON 3.0.0;
 * - GET /api/tiles/{collection}/{z}/{x}/{y}.pbf — a Mapbox Vector Tile (204 when empty);
 * - GET /api/tiles/{collection}/statuses/{year} — feature id → NTM status rank for the year, for feature state.
 */
export const tileRoutes = ({ cache }: Pick<RouteDeps, 'cache'>, tiles: TileSet | null) => {
  const collectionOf = (c: Context): TiledCollection => {
    if (!tiles) throw new ApiError(404, 'not_found', R.noTiles);
    const id = c.req.param('collection')!;
    const found = tiles.dataset.collections.find((t) => t.id === id);
    if (!found) throw new ApiError(404, 'not_found', R.noTiledCollection(quoted(id), tiles.dataset.collections.map((t) => t.id).join(', ')));
    return found;
  };
  const tileJson = (c: Context, t: TiledCollection) => ({
    tilejson: '3.0.0',
    name: t.title.en,
    description: t.description.en,
    attribution: t.attribution,
    tiles: [`${new URL(c.req.url).origin}/api/tiles/${t.id}/{z}/{x}/{y}.pbf`],
    minzoom: t.minzoom,
    maxzoom: t.maxzoom,
    bounds: tiles!.bounds(t),
    vector_layers: [{ id: t.id, description: t.title.en, minzoom: t.minzoom, maxzoom: t.maxzoom, fields: fieldsOf(t) }],
    synthetic: t.synthetic,
    title: t.title,
    statuses: t.statuses ? { years: NATIONAL_YEARS, url: `/api/tiles/${t.id}/statuses/{year}` } : null,
  });

  return new Hono()
    .use(async (c, next) => {
      // Like every /api route, unknown parameters are an error rather than silently ignored; these take none.
      const names = [...new URL(c.req.url).searchParams.keys()];
      if (names.length) throw new ApiError(400, 'unknown_parameter', R.tilesTakeNoParameters(quoted(names[0]!)));
      await next();
    })
    .get('/', (c) => {
      if (!tiles) return c.json({ synthetic: false, collections: [] });
      return c.json({
        synthetic: true,
        notice: SYNTHETIC_NOTICE,
        counts: tiles.dataset.manifest.counts,
        collections: tiles.dataset.collections.map((t) => ({
          id: t.id,
          title: t.title,
          description: t.description,
          synthetic: t.synthetic,
          minzoom: t.minzoom,
          maxzoom: t.maxzoom,
          tilejson: `/api/tiles/${t.id}`,
          statuses: t.statuses,
        })),
      });
    })
    .get('/:collection', (c) => c.json(tileJson(c, collectionOf(c))))
    .get('/:collection/statuses/:year', (c) => {
      const t = collectionOf(c);
      if (!t.statuses)
        throw new ApiError(
          404,
          'not_found',
          R.noStatuses(
            t.id,
            tiles!.dataset.collections
              .filter((x) => x.statuses)
              .map((x) => x.id)
              .join(', '),
          ),
        );
      const raw = c.req.param('year');
      const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(NATIONAL_YEARS as readonly number[]).includes(year)) {
        throw new ApiError(400, 'invalid_year', R.invalidYear(quoted(raw), NATIONAL_YEARS.join(', ')));
      }
      return respondCached(c, cache, { version: tiles!.dataset.version }, JSON_TYPE, () => {
        const { statuses, years, ranks } = tiles!.dataset.statuses;
        const i = years.indexOf(year);
        const byId = ranks[t.id] ?? {};
        return {
          collection: t.id,
          year,
          asOf: tiles!.dataset.statuses.asOf[i]!,
          synthetic: true,
          notice: SYNTHETIC_NOTICE,
          statuses,
          ranks: Object.fromEntries(Object.entries(byId).map(([id, digits]) => [id, Number(digits[i])])),
        };
      });
    })
    .get('/:collection/:z/:x/:file', (c) => {
      const t = collectionOf(c);
      const { z, x, y } = tileAddress(c.req.param('z'), c.req.param('x'), c.req.param('file'));
      if (z < t.minzoom || z > t.maxzoom) {
        throw new ApiError(404, 'not_found', R.zoomOutOfRange(t.id, t.minzoom, t.maxzoom, z));
      }
      const tile = tiles!.tile(t, z, x, y);
      if (tile && matchesEtag(c.req.header('If-None-Match'), tile.etag)) {
        for (const [name, value] of Object.entries({ 'Cache-Control': TILE_CACHE_CONTROL, Vary: 'Accept-Encoding', ETag: tile.etag })) c.header(name, value);
        return c.body(null, 304);
      }
      const { headers, body } = tileResponse(tiles!, tile, c.req.header('Accept-Encoding'));
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return body ? c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength)) : c.body(null, 204);
    });
};

/** z/x/y from the path: whole numbers, z ≤ 24, x and y inside the zoom's grid; anything else is a 400. */
function tileAddress(zRaw: string, xRaw: string, file: string): { z: number; x: number; y: number } {
  const m = /^(\d{1,8})\.pbf$/.exec(file);
  const whole = (s: string) => (/^\d{1,8}$/.test(s) ? Number(s) : Number.NaN);
  const z = whole(zRaw);
  const x = whole(xRaw);
  const y = m ? Number(m[1]) : Number.NaN;
  if (!m) throw new ApiError(400, 'invalid_tile', R.tileName(quoted(file)));
  if (!(z <= 24)) throw new ApiError(400, 'invalid_tile', R.tileZoom(quoted(zRaw)));
  const n = 2 ** z;
  if (!(x < n) || !(y < n)) throw new ApiError(400, 'invalid_tile', R.tileXY(quoted(xRaw), n, z));
  return { z, x, y };
}

/** TileJSON's `fields`: each property's name and a word for its type. */
function fieldsOf(t: TiledCollection): Record<string, string> {
  const shape = t.properties instanceof z.ZodObject ? (t.properties.shape as Record<string, z.ZodType>) : {};
  const word = (v: z.ZodType): string =>
    v instanceof z.ZodOptional || v instanceof z.ZodNullable
      ? word(v.unwrap() as z.ZodType)
      : v instanceof z.ZodNumber
        ? 'Number'
        : v instanceof z.ZodBoolean || (v instanceof z.ZodLiteral && typeof v.value === 'boolean')
          ? 'Boolean'
          : 'String';
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, word(v)]));
}
