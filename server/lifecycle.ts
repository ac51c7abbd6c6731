import type { Server, ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer, type Socket } from 'node:net';

/** The URL the server really listens on, e.g. http://127.0.0.1:8787/ or http://[::1]:8787/. */
export function listeningUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/`;
}

/** How long after the signal the listening socket is closed. */
const ACCEPT_CLOSE_DELAY_MS = 50;
/** How long after that connections with nothing under way are closed. */
const IDLE_CLOSE_DELAY_MS = 250;

export interface DrainOptions {
  /** How long in-flight requests may run before their connections are cut. @default 10 s */
  graceMs: number;
  /** Runs once every connection is closed: end the import check workers, checkpoint and close the database. */
  onClosed: () => void | Promise<void>;
}

/**
 * Graceful shutdown on SIGTERM (systemd, containers) and SIGINT (Ctrl-C): stop accepting
 * connections, close idle ones, let every response under way reach its client (its connection is
 * then ended, after the last byte), cut whatever is left after `graceMs`, then `onClosed()` and
 * exit 0. A second signal cuts at once.
 *
 * Node's own `server.close()` is not used: it also destroys every connection whose response has
 * ended but is still being written to a slow client (`closeIdleConnections` counts an ended
 * response as done), which cut exactly the requests a graceful shutdown must finish.
 */
export function drainOnSignals(server: Server, { graceMs, onClosed }: DrainOptions): void {
  /** Each open connection and the responses under way on it. */
  const connections = new Map<Socket, Set<ServerResponse>>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, new Set());
    socket.once('close', () => connections.delete(socket));
  });
  server.prependListener('request', (req, res: ServerResponse) => {
    const pending = connections.get(req.socket);
    pending?.add(res);
    if (draining) res.shouldKeepAlive = false;
    // 'close' comes once the response is handed to the system in full (or the client went away).
    res.once('close', () => {
      pending?.delete(res);
      // A response that began before the signal may have promised keep-alive: end its connection now.
      if (draining && pending?.size === 0) req.socket.end();
    });
  });

  const inFlight = () => [...connections.values()].reduce((n, pending) => n + pending.size, 0);

  const shutdown = (signal: NodeJS.Signals) => {
    if (draining) {
      console.log(`${signal} again: closing every connection now`);
      for (const socket of connections.keys()) socket.destroy();
      return;
    }
    draining = true;
    console.log(`${signal}: no new connections; finishing ${inFlight()} in-flight requests (at most ${graceMs / 1000} s)`);
    for (const pending of connections.values()) for (const res of pending) if (!res.headersSent) res.shouldKeepAlive = false;
    const cut = setTimeout(() => {
      console.log(`${inFlight()} requests still running after ${graceMs / 1000} s: closing their connections`);
      for (const socket of connections.keys()) socket.destroy();
    }, graceMs);
    // Clients that connected, or sent a request, just before the signal may not have been read yet
    // (a busy event loop accepts and reads a little later). Closing the listening socket at once
    // would reset the connections still in its backlog, and closing idle connections at once would
    // reset requests still unread in them. So: stop accepting 50 ms later, once the loop has
    // accepted what was pending, then close the connections with nothing under way 250 ms after
    // that, once their requests have been read; a request that arrives meanwhile is answered, with
    // Connection: close.
    setTimeout(() => {
      NetServer.prototype.close.call(server, () => {
        clearTimeout(cut);
        new Promise<void>((resolve) => resolve(onClosed())).then(
          () => {
            console.log('stopped');
            process.exit(0);
          },
          (e: unknown) => {
            console.error(`error while closing: ${e instanceof Error ? e.message : e}`);
            process.exit(1);
          },
        );
      });
      setTimeout(() => {
        for (const [socket, pending] of connections) if (pending.size === 0) socket.destroy();
      }, IDLE_CLOSE_DELAY_MS);
    }, ACCEPT_CLOSE_DELAY_MS);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
