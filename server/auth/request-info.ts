import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AuthConfig } from './config.ts';

/** What a request says about its connection, believing a proxy's headers only with TRUST_PROXY. */

const lastListed = (header: string | undefined) => header?.split(',').at(-1)?.trim() || undefined;

/** Did the browser reach us over HTTPS (directly, through the trusted proxy, or per PUBLIC_ORIGIN)? */
export function isHttps(c: Context, config: AuthConfig): boolean {
  if (config.publicOrigin?.startsWith('https:')) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return config.trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0].trim().toLowerCase() === 'https';
}

/** The client's address: the last one the trusted proxy appended to X-Forwarded-For, else the socket's. */
export function clientAddress(c: Context, config: AuthConfig): string {
  if (config.trustProxy) {
    const forwarded = lastListed(c.req.header('X-Forwarded-For'));
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** The origin our own pages are served from, which every state-changing browser request must come from. */
export function expectedOrigin(c: Context, config: AuthConfig): string {
  if (config.publicOrigin) return config.publicOrigin;
  const host = (config.trustProxy && lastListed(c.req.header('X-Forwarded-Host'))) || c.req.header('Host') || new URL(c.req.url).host;
  return `${isHttps(c, config) ? 'https' : 'http'}://${host}`;
}
