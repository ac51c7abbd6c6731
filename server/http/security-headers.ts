import { Hono, type MiddlewareHandler } from 'hono';
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
 *
 * Each answer carries what applies to what it is (answerKind): a page everything above; a script
 * the same but the headers only a document reads (a worker lives under its script's CSP, so a
 * script keeps the page's policy); data, styles, fonts, images and tiles — never a page — the
 * policy OWASP gives APIs, `default-src 'none'` with the frame ancestors, and no document-only
 * header. Over HTTP/1.1 headers are not compressed: the document-only ones were a third of each
 * small answer, 10 KB of every first visit.
 */
export function securityHeaders(options: SecurityOptions = {}): MiddlewareHandler {
  const page = pageHeaders(options);
  const dataPolicy = dataCsp(options);
  return async (c, next) => {
    await page(c, next);
    fitToAnswer(c.res.headers, answerKind(c.res.headers.get('content-type')), dataPolicy);
  };
}

/** What an answer is, for the security headers it needs: anything not known to be inert is a page. */
export type AnswerKind = 'page' | 'script' | 'data';

const SCRIPT_TYPE = /^(text|application)\/javascript\b/;
const DATA_TYPE = /^(application\/(json|geo\+json|vnd\.mapbox-vector-tile)|text\/css|font\/woff2?|image\/png)\s*(;|$)/;

export function answerKind(contentType: string | null | undefined): AnswerKind {
  if (!contentType) return 'page';
  return SCRIPT_TYPE.test(contentType) ? 'script' : DATA_TYPE.test(contentType) ? 'data' : 'page';
}

/** Headers only a document reads: its features, its browsing context group, its links, a legacy XSS filter, IE and Flash. */
const DOCUMENT_ONLY = [
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

function fitToAnswer(headers: Headers, kind: AnswerKind, dataPolicy: string) {
  if (kind === 'page') return;
  for (const name of DOCUMENT_ONLY) headers.delete(name);
  if (kind === 'data') headers.set('content-security-policy', dataPolicy);
}

const dataCsp = ({ frameAncestors = ["'self'"] }: SecurityOptions) => `default-src 'none'; frame-ancestors ${frameAncestors.join(' ')}`;

function pageHeaders({ basemapOrigins = [], frameAncestors = ["'self'"] }: SecurityOptions) {
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
    // Only features browsers recognise: an unknown one (bluetooth has no policy in Chromium) is a
    // console error on every page, and enables nothing. tests/http/security.test.ts holds the list.
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      serial: [],
      hid: [],
      midi: [],
      magnetometer: [],
      gyroscope: [],
      accelerometer: [],
      browsingTopics: [],
    },
  });
}

/**
 * The headers securityHeaders sets on an answer of each kind, as they are sent: for answers made
 * without Hono (server/tiles/tile-listener.ts).
 */
export async function securityHeaderValues(options: SecurityOptions = {}): Promise<Record<AnswerKind, Record<string, string>>> {
  const types: Record<AnswerKind, string | null> = { page: null, script: 'text/javascript', data: 'application/json' };
  const app = new Hono().use(securityHeaders(options));
  for (const [kind, type] of Object.entries(types)) app.get(`/${kind}`, (c) => c.body(null, 200, type ? { 'Content-Type': type } : {}));
  const entries = await Promise.all(
    Object.keys(types).map(async (kind) => {
      const res = await app.request(`/${kind}`);
      res.headers.delete('content-type');
      return [kind, Object.fromEntries(res.headers)];
    }),
  );
  return Object.fromEntries(entries);
}
