import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { median } from './figures.ts';

/** Timing a server over HTTP from this process, as a client would. */
export interface Result {
  ms: number;
  status: number;
}

/** One GET on `agent`, the body read to the end. */
export function request(agent: Agent, origin: string, path: string, encoding = 'br, gzip'): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = get(`${origin}${path}`, { agent, headers: { 'Accept-Encoding': encoding } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode! }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Milliseconds of each of `paths` asked in turn on one keep-alive connection. */
export async function sequential(origin: string, paths: readonly string[]): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const ms: number[] = [];
    for (const p of paths) ms.push((await request(agent, origin, p)).ms);
    return ms;
  } finally {
    agent.destroy();
  }
}

/**
 * Sequential, one connection: the communes layer built for the request (a date asked for the
 * first time) against the same layer from the cache, p50 of each (ms). `warmup` dates (none of
 * `dates`) are built first and not measured, so the building code has been optimised by the JIT
 * as in a server that has run a while, as the cached path's has.
 */
export async function uncachedVsCached(
  origin: string,
  dates: readonly string[],
  warmup: readonly string[] = [],
): Promise<{ cached: number; uncached: number }> {
  const [warm, ...fresh] = dates;
  if (warmup.some((d) => dates.includes(d))) throw new Error('a warm-up date would be measured as new');
  await sequential(
    origin,
    warmup.map((d) => `/api/communes?asOf=${d}`),
  );
  // Asked twice, the cached layer is recompressed small in the background: let that finish first.
  await sequential(origin, [`/api/communes?asOf=${warm}`, `/api/communes?asOf=${warm}`]);
  await new Promise((r) => setTimeout(r, 2000));
  const cached = median(
    await sequential(
      origin,
      Array.from({ length: fresh.length }, () => `/api/communes?asOf=${warm}`),
    ),
  );
  const uncached = median(
    await sequential(
      origin,
      fresh.map((d) => `/api/communes?asOf=${d}`),
    ),
  );
  return { cached, uncached };
}
