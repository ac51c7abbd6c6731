import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type AnswerKind, answerKind } from '../http/security-headers.ts';
import { tileResponse } from './tile-response.ts';
import type { TileSet } from './tile-set.ts';

const TILE_PATH = /^\/api\/tiles\/([\w-]+)\/(\d{1,8})\/(\d{1,8})\/(\d{1,8})\.pbf$/;

/**
 * Sends tiles already made straight from node:http, and hands every other request to `next` (the
 * Hono app). A map asks for tiles by the hundred: through Hono each took its router, its
 * middleware (security headers set one by one, the session lookup) and a Response converted back
 * to node's, which tripled the cost of a request. A cached tile's answer needs none of it: the
 * tile's bytes and headers (tile-response.ts, the same as the route's) and the security headers
 * the app gives an answer of its kind (a tile is data, an empty tile's 204 has no type), made once. Anything else goes the whole way: a tile not made yet (the
 * route makes it and checks z/x/y), a query string, a revalidation (If-None-Match)
 * and an Authorization header (the API checks the token). Tiles are public data, so a session
 * cookie changes nothing here; with REQUIRE_LOGIN, server/main.ts does not use this listener.
 */
export function tileListener(tiles: TileSet, securityHeaders: Record<AnswerKind, Record<string, string>>, next: RequestListener): RequestListener {
  // Names and values in one list per kind of answer, as writeHead takes them: copied per answer, not rebuilt.
  const security = Object.fromEntries(Object.entries(securityHeaders).map(([kind, h]) => [kind, Object.entries(h).flat()])) as Record<AnswerKind, string[]>;
  return (req: IncomingMessage, res: ServerResponse) => {
    const m = req.method === 'GET' ? TILE_PATH.exec(req.url ?? '') : null;
    const tile = m && !req.headers.authorization && !req.headers['if-none-match'] ? tiles.cached(m[1]!, Number(m[2]), Number(m[3]), Number(m[4])) : undefined;
    if (tile === undefined) return next(req, res);
    const { status, headers, body } = tileResponse(tiles, tile, req.headers['accept-encoding']);
    const list = security[answerKind(headers['Content-Type'])].slice();
    for (const name in headers) list.push(name, headers[name]!);
    if (body) list.push('Content-Length', String(body.byteLength));
    res.writeHead(status, list);
    res.end(body);
  };
}
