import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export interface SecurityOptions {
  /** Origins of an online basemap's tiles (BASEMAP_URL), the only place outside this server the page may load from. @default [] */
  basemapOrigins?: string[];
  /** CSP frame-ancestors sources: who may embed the map. @default ["'self'"] */
  frameAncestors?: string[];
}

/**
 * Security headers on every response (Hono's secureHeaders, with a Content-Security-Policy the
 * map works under). What the page needs, and why:
 * - scripts, the MapLibre worker (setWorkerUrl, same origin), fonts, the API: this server only;
 *   `blob:` workers are allowed because MapLibre wraps a worker URL of another origin in one;
 * - images: `data:` and `blob:` for MapLibre's decoded tiles and icons, plus the basemap origin;
 * - connections: the API, the basemap origin (MapLibre fetches raster tiles) and `data:` (deck.gl
 *   fetches the product markers, SVG data URLs, through loaders.gl);
 * - styles: `'unsafe-inline'` because Observable Plot puts a <style> element in every chart
 *   (without it Chromium reports style-src-elem violations); inline script stays forbidden,
 *   which is what the policy is for.
 * Referrer-Policy is strict-origin-when-cross-origin, not no-referrer: tile servers such as
 * OpenStreetMap's require a Referer. HSTS is sent and ignored over plain HTTP, so it takes effect
 * only behind the HTTPS reverse proxy (docs/OPERATIONS.md).
 */
export function securityHeaders({ basemapOrigins = [], frameAncestors = ["'self'"] }: SecurityOptions = {}) {
  const self = "'self'";
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: [self],
      scriptSrc: [self],
      workerSrc: [self, 'blob:'],
      childSrc: [self, 'blob:'],
      connectSrc: [self, 'data:', ...basemapOrigins],
      imgSrc: [self, 'data:', 'blob:', ...basemapOrigins],
      fontSrc: [self, 'data:'],
      styleSrc: [self, "'unsafe-inline'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: [self],
      frameAncestors,
    },
    // X-Frame-Options knows only SAMEORIGIN and DENY; with other ancestors, CSP alone decides.
    xFrameOptions: frameAncestors.length === 1 && frameAncestors[0] === self ? 'SAMEORIGIN' : frameAncestors[0] === "'none'" ? 'DENY' : false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: 'max-age=31536000',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      serial: [],
      bluetooth: [],
      midi: [],
      magnetometer: [],
      gyroscope: [],
      accelerometer: [],
      browsingTopics: [],
    },
  });
}

/** The headers securityHeaders sets, as they are sent: for answers made without Hono (server/tiles/tile-listener.ts). */
export async function securityHeaderValues(options: SecurityOptions = {}): Promise<Record<string, string>> {
  const res = await new Hono()
    .use(securityHeaders(options))
    .get('/', (c) => c.body(null, 204))
    .request('/');
  return Object.fromEntries(res.headers);
}
