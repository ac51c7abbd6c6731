import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The session cookie: HttpOnly (scripts never see it), SameSite=Lax, Path=/. Over HTTPS it is
 * `__Host-session` with Secure (ASVS 3.3.1: bound to this host, never sent in clear); over plain
 * HTTP (a workstation, a test) it can only be `session`.
 */
const NAME = 'session';
const prefix = (secure: boolean) => (secure ? ('host' as const) : undefined);

export const readSessionCookie = (c: Context, secure: boolean): string | undefined => getCookie(c, NAME, prefix(secure)) || undefined;

export function writeSessionCookie(c: Context, id: string, secure: boolean, maxAgeSeconds: number) {
  setCookie(c, NAME, id, { httpOnly: true, sameSite: 'Lax', path: '/', secure, prefix: prefix(secure), maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context, secure: boolean) {
  deleteCookie(c, NAME, { httpOnly: true, sameSite: 'Lax', path: '/', secure, prefix: prefix(secure) });
}
