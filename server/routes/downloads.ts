import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { buildLayers } from '../downloads/layers.ts';
import { contentDisposition, renderDownload } from '../downloads/render.ts';
import { parseDownload } from '../downloads/request.ts';
import { asApiError, paramContext } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/**
 * GET /api/downloads/{collectionId}.{format} and /api/downloads/view.{format}?collections=…:
 * the catalog's collections as files (GeoJSON, CSV, XLSX, GeoPackage, KML), built and filtered
 * exactly as /api builds them, streamed, named after what they hold and the date they are as of.
 */
export function downloadRoutes(deps: RouteDeps) {
  return new Hono().get(
    '/:file',
    validator('query', (query, c) => {
      try {
        return parseDownload(c.req.param('file') ?? '', query as Record<string, string | string[]>, paramContext(deps.data()));
      } catch (e) {
        throw asApiError(e);
      }
    }),
    async (c) => {
      const request = c.req.valid('query');
      const data = deps.data();
      const { today } = paramContext(data);
      const layers = buildLayers(request.layers, data, deps.built, today);
      const file = await renderDownload(request, layers, today, new Date().toISOString());
      return c.body(file.body, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition(file.fileName),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );
}
