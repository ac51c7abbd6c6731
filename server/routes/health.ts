import { Hono } from 'hono';
import type { DatabaseHealth } from '../db/health.ts';

/** GET /api/health — 200 when the database answers, 503 when it does not (for probes and load balancers). */
export const healthRoutes = (database: () => DatabaseHealth) =>
  new Hono().get('/', (c) => {
    const db = database();
    return db.answers ? c.json({ status: 'ok' as const, database: db }) : c.json({ status: 'unavailable' as const, database: db }, 503);
  });
