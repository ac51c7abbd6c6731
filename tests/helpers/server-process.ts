import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase } from '../../server/db/open.ts';
import { readGeodata } from '../../server/db/seed.ts';
import { prepareDatabase } from '../../server/db/startup.ts';

/**
 * The built server (dist/server/main.js, `npm run build`) run as `npm start` runs it: plain node,
 * its own process, configured by environment variables. For the end-to-end and runtime tests.
 */
export const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER_ENTRY = join(ROOT, 'dist', 'server', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr. */
  output: () => string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** node's arguments in `npm start` as package.json declares it (`node <flags> dist/server/main.js`), read once. */
const START_ARGUMENTS: string[] = (() => {
  const words: string[] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1);
})();

/** Starts the built server with `env` on top of this process's environment; the caller waits for what it expects. */
export function spawnServer(env: Record<string, string>, options: Pick<SpawnOptions, 'uid' | 'gid'> = {}): ServerProcess {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`no built server at ${SERVER_ENTRY}: run "npm run build" (npm test does) first`);
  const child = spawn(process.execPath, START_ARGUMENTS, {
    cwd: ROOT,
    env: { ...process.env, HOST: '', BASEMAP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Waits until the server prints the address it listens on, and returns its origin (http://127.0.0.1:PORT). */
export async function listening(server: ServerProcess, timeoutMs = 60_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const match = /listening on (http:\/\/\S+?)\/ /.exec(server.output());
    if (match) return match[1];
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`server exited before listening:\n${server.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start in ${timeoutMs / 1000} s:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends SIGTERM and waits for the exit. */
export async function stopServer(server: ServerProcess) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

let template: string | null = null;

/** A fresh copy of a seeded database file (seeded once per test file), so a server starts in well under a second. */
export function seededDatabaseFile(): string {
  if (!template) {
    template = join(mkdtempSync(join(tmpdir(), 'ntm-template-')), 'app.db');
    closeDatabase(prepareDatabase(template, () => readGeodata(join(ROOT, 'geodata'))).db);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'ntm-db-')), 'app.db');
  copyFileSync(template, path);
  return path;
}
