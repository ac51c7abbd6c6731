import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The URL the server really listens on, e.g. http://127.0.0.1:8787/ or http://[::1]:8787/. */
export function listeningUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/`;
}

export interface DrainOptions {
  /** How long in-flight requests may run before their connections are cut. @default 10 s */
  graceMs: number;
  /** Runs once every connection is closed: checkpoint and close the database. */
  onClosed: () => void;
}

/**
 * Graceful shutdown on SIGTERM (systemd, containers) and SIGINT (Ctrl-C): stop accepting
 * connections, close idle keep-alive ones, let in-flight requests finish and close their
 * connections after the response, cut whatever is left after `graceMs`, then `onClosed()` and
 * exit 0. A second signal cuts at once.
 */
export function drainOnSignals(server: Server, { graceMs, onClosed }: DrainOptions): void {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) res.shouldKeepAlive = false;
    res.once('close', () => {
      inFlight.delete(res);
      // A response already under way when draining began may have promised keep-alive.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (draining) {
      console.log(`${signal} again: closing every connection now`);
      server.closeAllConnections();
      return;
    }
    draining = true;
    console.log(`${signal}: no new connections; finishing ${inFlight.size} in-flight requests (at most ${graceMs / 1000} s)`);
    for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    const cut = setTimeout(() => {
      console.log(`${inFlight.size} requests still running after ${graceMs / 1000} s: closing their connections`);
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearTimeout(cut);
      try {
        onClosed();
        console.log('stopped');
        process.exit(0);
      } catch (e) {
        console.error(`error while closing: ${e instanceof Error ? e.message : e}`);
        process.exit(1);
      }
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
