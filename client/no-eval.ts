import { z } from 'zod';

/**
 * The map runs under a Content-Security-Policy without 'unsafe-eval' (server/http/security-headers.ts).
 * zod compiles object parsers with `new Function` unless told not to, and probes whether it may
 * when its schemas are built — a probe the browser reports as a violation even though zod catches
 * it. main.tsx imports this module first, before any schema is built.
 */
z.config({ jitless: true });
