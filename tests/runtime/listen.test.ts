import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, listening, type ServerProcess, seededDatabaseFile, spawnServer, stopServer } from '../helpers/server-process.ts';

/**
 * The built server as `npm start` runs it: where it listens, and how it treats slow, greedy and
 * malformed clients (raw sockets, which app.request cannot imitate).
 */
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map(stopServer));
});

async function start(env: Record<string, string> = {}) {
  const port = await freePort();
  const server = spawnServer({ HOST: '', PORT: String(port), DB_PATH: seededDatabaseFile(), ...env });
  servers.push(server);
  const origin = await listening(server);
  return { server, origin, port };
}

/** An IPv4 address of this machine other than loopback, if it has one. */
const otherAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

/** Connects, optionally writes, and reports what came back and when the server closed the connection. */
function exchange(port: number, data: string | null, waitMs = 3000): Promise<{ text: string; closedAfterMs: number | null; socket: Socket }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let closedAfterMs: number | null = null;
    socket.on('data', (d) => (text += d.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      closedAfterMs = Date.now() - started;
      resolve({ text, closedAfterMs, socket });
    });
    if (data !== null) socket.once('connect', () => socket.write(data));
    setTimeout(() => resolve({ text, closedAfterMs, socket }), waitMs);
  });
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);

describe('where the server listens', () => {
  it('on 127.0.0.1 by default, and says so', async () => {
    const { origin, port } = await start();
    expect(origin).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${origin}/api/health`)).status).toBe(200);
    if (otherAddress) {
      await expect(fetch(`http://${otherAddress}:${port}/api/health`)).rejects.toThrow();
    }
  });

  it.skipIf(!otherAddress)('on every interface with HOST=0.0.0.0', async () => {
    const { server, port } = await start({ HOST: '0.0.0.0' });
    expect(server.output()).toContain(`listening on http://0.0.0.0:${port}/ on every interface`);
    expect((await fetch(`http://${otherAddress}:${port}/api/health`)).status).toBe(200);
  });
});

describe('slow and greedy clients', () => {
  it('cuts a client that does not finish its headers within HEADERS_TIMEOUT_MS', async () => {
    const { port } = await start({ HEADERS_TIMEOUT_MS: '1000' });
    const slow = await exchange(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 10_000);
    expect(slow.closedAfterMs).not.toBeNull();
    expect(slow.closedAfterMs!).toBeGreaterThanOrEqual(900);
    expect(slow.closedAfterMs!).toBeLessThan(6000);
  });

  it('closes an idle keep-alive connection after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const { port } = await start({ KEEP_ALIVE_TIMEOUT_MS: '1000' });
    const idle = await exchange(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n', 10_000);
    expect(statusOf(idle.text)).toBe(200);
    expect(idle.closedAfterMs!).toBeGreaterThanOrEqual(900);
    expect(idle.closedAfterMs!).toBeLessThan(6000);
  });

  it('refuses connections beyond MAX_CONNECTIONS, and serves again once they go', async () => {
    const { port, origin } = await start({ MAX_CONNECTIONS: '3', KEEP_ALIVE_TIMEOUT_MS: '30000' });
    const held = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<Socket>((resolve) => {
            const s = connect(port, '127.0.0.1', () => resolve(s));
            s.on('error', () => {});
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 200));
    const fourth = await exchange(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n', 3000);
    expect(fourth.closedAfterMs).not.toBeNull();
    expect(fourth.text).toBe('');
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await fetch(`${origin}/api/health`)).status).toBe(200);
  });
});

describe('malformed HTTP', () => {
  let port: number;
  beforeAll(async () => {
    port = (await start()).port;
  }, 60_000);

  it.each([
    ['a garbage request line', 'GARBAGE\r\n\r\n', 400],
    ['no Host header', 'GET /api/health HTTP/1.1\r\n\r\n', 400],
    ['a broken Host header', 'GET /api/health HTTP/1.1\r\nHost: [::1\r\n\r\n', 400],
    ['headers over 16 KB', `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['a bad percent-encoding', 'GET /api/%zz?asOf=%ff HTTP/1.1\r\nHost: localhost\r\n\r\n', 404],
    ['TRACE', 'TRACE /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n', 405],
    ['a body on GET', 'GET /api/stats HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello', 200],
    ['a conflicting Content-Length', 'GET /api/stats HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello', 400],
    ['request smuggling (CL and TE)', 'POST /api/stats HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
  ])('%s gets a 4xx (or the normal answer), never a 5xx', async (_name, raw, status) => {
    const res = await exchange(port, raw, 800);
    expect(statusOf(res.text)).toBe(status);
    res.socket.destroy();
  });

  it('and the server is still well afterwards', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });
});
