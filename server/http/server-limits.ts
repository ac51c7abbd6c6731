import type { Server } from 'node:http';

/** How long a client may take, and how many may be connected at once. */
export interface ServerLimits {
  /** Time to send the request line and headers (slow-header clients are cut). @default 10 s */
  headersTimeoutMs: number;
  /** Time to send the whole request, body included. @default 60 s */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. @default 5 s */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as they arrive. @default 1024 */
  maxConnections: number;
}

/**
 * Options for http.createServer: Node checks the header and request timeouts only every
 * `connectionsCheckingInterval` (30 s by default), so it is tied to the shortest timeout.
 */
export function serverOptions(limits: ServerLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  };
}

/** Settings set as properties of the server. */
export function applyLimits(server: Server, limits: ServerLimits): void {
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
}
