import { preferredEncoding } from '../http/cached-response.ts';
import type { EncodedTile, TileSet } from './tile-set.ts';

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

/** Tiles are not at versioned URLs: kept an hour, then revalidated by ETag. */
export const TILE_CACHE_CONTROL = 'public, max-age=3600';

/**
 * A tile's answer: 204 for an empty tile, else 200 with its bytes, br or gzip when accepted; the
 * headers besides the security headers every response carries. The same for the /api/tiles route
 * and the direct listener (tile-listener.ts), so the two cannot drift.
 */
export function tileResponse(
  tiles: TileSet,
  tile: EncodedTile | null,
  acceptEncoding: string | undefined,
): { status: 200 | 204; headers: Record<string, string>; body: Buffer | null } {
  const headers: Record<string, string> = { 'Cache-Control': TILE_CACHE_CONTROL, Vary: 'Accept-Encoding' };
  if (!tile) return { status: 204, headers, body: null };
  const encoding = preferredEncoding(acceptEncoding);
  Object.assign(headers, { ETag: tile.etag, 'Content-Type': MVT_TYPE }, encoding && { 'Content-Encoding': encoding });
  return { status: 200, headers, body: encoding ? tiles.encoded(tile, encoding) : tile.raw };
}
