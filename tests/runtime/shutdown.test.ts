import { existsSync, statSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { freePort, listening, seededDatabaseFile, spawnServer } from '../helpers/server-process.ts';

/** Result of one GET through `agent`: the status and the decoded JSON, or the error that ended it. */
function request(agent: Agent, url: string, onWritten?: () => void) {
  return new Promise<{ status: number; json: any } | { error: string }>((resolve) => {
    const req = get(url, { agent, headers: { 'Accept-Encoding': 'br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        try {
          const raw = Buffer.concat(chunks);
          const text = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(raw).toString() : raw.toString();
          resolve({ status: res.statusCode!, json: JSON.parse(text) });
        } catch (e) {
          resolve({ error: `bad body: ${(e as Error).message}` });
        }
      });
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    if (onWritten) req.on('finish', onWritten);
  });
}

describe('graceful shutdown', { timeout: 60_000 }, () => {
  it('on SIGTERM under load: every in-flight request completes, then the database is checkpointed and the process exits 0', async () => {
    const dbPath = seededDatabaseFile();
    const server = spawnServer({ PORT: String(await freePort()), DB_PATH: dbPath });
    const origin = await listening(server);
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    // 50 connections open and idle, as a busy proxy's would be.
    await Promise.all(Array.from({ length: 50 }, () => request(agent, `${origin}/api/health`)));

    // 50 layers nobody asked for before (each built, serialised and compressed), then SIGTERM
    // as soon as the last request is on the wire.
    let written = 0;
    const dates = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2012, 0, 1) + i * 37 * 86_400_000).toISOString().slice(0, 10));
    const results = Promise.all(
      dates.map((d, i) =>
        request(agent, `${origin}/api/${i % 2 ? 'communes' : 'units/merged-history'}?asOf=${d}`, () => {
          if (++written === dates.length) server.child.kill('SIGTERM');
        }),
      ),
    );
    const done = await results;
    const exit = await server.exited;
    agent.destroy();

    const errors = done.filter((r) => 'error' in r);
    expect(errors, server.output()).toEqual([]);
    for (const [i, r] of done.entries()) {
      expect(r).toMatchObject({ status: 200, json: { asOf: dates[i] } });
      expect((r as { json: { features: unknown[] } }).json.features.length).toBe(i % 2 ? 129 : 45);
    }
    const inFlight = Number(/finishing (\d+) in-flight requests/.exec(server.output())?.[1]);
    expect(inFlight, server.output()).toBeGreaterThan(0);
    expect(server.output()).toContain('stopped');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0).toBe(0);
  });

  it('is bounded: a client that never finishes its request is cut after SHUTDOWN_GRACE_MS', async () => {
    const port = await freePort();
    const server = spawnServer({ PORT: String(port), DB_PATH: seededDatabaseFile(), SHUTDOWN_GRACE_MS: '1000' });
    await listening(server);
    // A request whose body never comes: the handler waits for it.
    const socket = connect(port, '127.0.0.1', () =>
      socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\nContent-Type: application/json\r\n\r\n{'),
    );
    socket.on('error', () => {});
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('refuses new connections once draining', async () => {
    const port = await freePort();
    const server = spawnServer({ PORT: String(port), DB_PATH: seededDatabaseFile() });
    const origin = await listening(server);
    server.child.kill('SIGTERM');
    await server.exited;
    await expect(fetch(`${origin}/api/health`)).rejects.toThrow();
  });
});
