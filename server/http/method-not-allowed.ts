import { requestMessages as R } from '../messages/requests.ts';
import { requestLang } from './lang.ts';
import type { Context, Hono } from 'hono';
import { PatternRouter } from 'hono/router/pattern-router';
import { errorBody, quoted, renderNotFound } from './errors.ts';

/**
 * The root `notFound` handler, aware of methods: a path some route answers, asked with another
 * method, gets 405 with `Allow` (204 with `Allow` for OPTIONS); any other path gets the 404
 * envelope. The methods come from `app.routes`, so every route registered on the app counts,
 * whatever module added it.
 */
// biome-ignore lint/suspicious/noExplicitAny: any app, whatever its environment and schema types
export function notFoundOrMethodNotAllowed(app: Hono<any, any, any>) {
  let router: PatternRouter<string> | null = null;
  const allowed = (path: string): string[] => {
    // Built on the first unmatched request, once every route is registered.
    if (!router) {
      router = new PatternRouter<string>();
      for (const r of app.routes) if (r.method !== 'ALL') router.add('ALL', r.path, r.method);
    }
    const methods = new Set(router.match('GET', path)[0].map(([method]) => method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
  return (c: Context): Response => {
    const allow = allowed(c.req.path);
    if (allow.length === 0) return renderNotFound(c);
    c.header('Allow', allow.join(', '));
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    c.header('Vary', 'Accept-Language', { append: true });
    return c.json(errorBody('method_not_allowed', R.methodNotAllowed(quoted(c.req.method, false), quoted(c.req.path, false), allow)[requestLang(c)]), 405);
  };
}
