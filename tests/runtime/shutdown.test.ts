import { existsSync, statSync } from 'node:fs';
import { Agent, get, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { freePort, listening, seededDatabaseFile, spawnServer } from '../helpers/server-process.ts';

/**
 * One GET through `agent`: the status and the body as text, or the error that ended it. The body
 * is not read until `gate` opens, so a large one stays stuck in the socket (a slow client).
 */
function request(agent: Agent, url: string, options: { encoding?: string; gate?: Promise<void>; onResponse?: () => void } = {}) {
  return new Promise<{ status: number; text: string } | { error: string }>((resolve) => {
    const req = get(url, { agent, headers: { 'Accept-Encoding': options.encoding ?? 'br' } }, async (res) => {
      options.onResponse?.();
      await options.gate;
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        try {
          resolve({ status: res.statusCode!, text: (res.headers['content-encoding'] === 'br' ? brotliDecompressSync(raw) : raw).toString() });
        } catch (e) {
          resolve({ error: `bad body: ${(e as Error).message}` });
        }
      });
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
  });
}

/** POST /api/session with only half its body sent; `finish()` sends the rest. */
function halfSentLogin(origin: string, login: string) {
  const body = Buffer.from(JSON.stringify({ login, password: 'not the password of anyone' }));
  let finish!: () => void;
  const result = new Promise<{ status: number; text: string } | { error: string }>((resolve) => {
    const req = httpRequest(
      `${origin}/api/session`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.write(body.subarray(0, 10));
    finish = () => req.end(body.subarray(10));
  });
  return { result, finish: () => finish() };
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('graceful shutdown', { timeout: 60_000 }, () => {
  it('on SIGTERM under load: every in-flight request completes, then the database is checkpointed and the process exits 0', async () => {
    const dbPath = seededDatabaseFile();
    const server = spawnServer({ PORT: String(await freePort()), DB_PATH: dbPath, BACKUP_KEEP_DAYS: '0' });
    const origin = await listening(server);
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    // 50 connections open and idle, as a busy proxy's would be.
    await Promise.all(Array.from({ length: 50 }, () => request(agent, `${origin}/api/health`)));

    // In flight when the signal comes: 20 logins whose bodies are half sent (their handlers wait
    // for the rest), and 30 layers nobody asked for before, to clients that read them only afterwards.
    const logins = Array.from({ length: 20 }, (_, i) => halfSentLogin(origin, `khong-co-${i}`));
    const dates = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2012, 0, 1) + i * 37 * 86_400_000).toISOString().slice(0, 10));
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const layers = Promise.all(dates.map((d) => request(agent, `${origin}/api/communes?asOf=${d}`, { encoding: 'identity', gate })));
    await new Promise((r) => setTimeout(r, 500));
    server.child.kill('SIGTERM');
    await until(() => /finishing \d+ in-flight requests/.test(server.output()), 'the server to start draining');
    open();
    for (const login of logins) login.finish();
    const done = [...(await layers), ...(await Promise.all(logins.map((l) => l.result)))];
    const exit = await server.exited;
    agent.destroy();

    const errors = done.filter((r) => 'error' in r);
    expect(errors, server.output()).toEqual([]);
    for (const [i, r] of done.entries()) {
      const { status, text } = r as { status: number; text: string };
      if (i < dates.length) {
        expect(status).toBe(200);
        expect(JSON.parse(text)).toMatchObject({ asOf: dates[i], features: expect.any(Array) });
      } else {
        // A wrong login is a complete, ordinary answer: the request was finished, not cut.
        expect(status).toBe(401);
        expect(JSON.parse(text).error.code).toBe('login_failed');
      }
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
