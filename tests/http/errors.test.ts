import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { renderError } from '../../server/http/errors.ts';

describe('errors', () => {
  it('a write that waited out another writer (an import from the command line) is 503 with Retry-After, not 500', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ntm-busy-')), 'app.db');
    const server = new Database(file);
    server.pragma('journal_mode = WAL');
    server.pragma('busy_timeout = 20');
    server.exec('CREATE TABLE t (x)');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const app = new Hono().onError(renderError).post('/write', (c) => {
      server.prepare('INSERT INTO t VALUES (1)').run();
      return c.body(null, 204);
    });
    const res = await app.request('/write', { method: 'POST' });
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('5');
    expect((await res.json()).error).toMatchObject({ code: 'busy', message: expect.stringMatching(/nothing was written/) });
    other.exec('ROLLBACK');
    expect((await app.request('/write', { method: 'POST' })).status).toBe(204);
    other.close();
    server.close();
  });
});
