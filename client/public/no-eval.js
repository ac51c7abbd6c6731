/*
 * The map runs under a Content-Security-Policy without 'unsafe-eval' (server/http/security-headers.ts).
 * zod compiles object parsers with `new Function` unless told not to, and probes whether it may
 * when its first object schema is built: a probe the browser reports as a violation even though
 * zod catches it. zod reads its configuration from `globalThis.__zod_globalConfig` when its core
 * first runs. A classic script, run before any module: bundled, this line would run after the
 * chunks the app imports (zod and the catalog's schemas among them), too late.
 */
globalThis.__zod_globalConfig = globalThis.__zod_globalConfig ?? {};
globalThis.__zod_globalConfig.jitless = true;
