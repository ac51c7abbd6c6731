import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort, listening, ROOT, spawnServer, stopServer } from '../helpers/server-process.ts';

/**
 * End-to-end harness: the real server (the built dist/server/main.js, run as `npm start` runs it)
 * on a fresh database seeded on its first start, and Debian's Chromium driven by playwright-core.
 * Needs the build (npm run build; `npm test` builds first) and /usr/bin/chromium (CHROMIUM_PATH to override).
 */
export { ROOT };
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningServer {
  origin: string;
  /** Its database file, for a test that changes what the server will find (e.g. a session's last request). */
  dbPath: string;
  stop: () => Promise<void>;
}

/**
 * What a test may set up: environment variables, the database before the server first opens it,
 * and `client: false` to serve the API only (no built client needed).
 */
export interface ServerOptions {
  env?: Record<string, string>;
  prepare?: (dbPath: string) => void | Promise<void>;
  client?: boolean;
}

/** Starts the real server (the built dist/server/main.js) on a free port. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const client = options.client ?? true;
  if (client && !existsSync(join(ROOT, 'dist', 'client', 'index.html')))
    throw new Error('no built client: run "npm run build" (npm test does) before the end-to-end tests');
  const dir = mkdtempSync(join(tmpdir(), 'ntm-e2e-'));
  const dbPath = join(dir, 'app.db');
  await options.prepare?.(dbPath);
  const server = spawnServer({
    PORT: String(await freePort()),
    DB_PATH: dbPath,
    ...(client ? {} : { CLIENT_DIR: join(dir, 'no-client') }),
    ...options.env,
  });
  const origin = await listening(server);
  return {
    origin,
    dbPath,
    stop: async () => {
      await stopServer(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      // Chromium builds its address bar's popup (a WebUI page) in the background for each new window:
      // 0.1–0.8 s of CPU that landed in whichever page was being timed.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
    ],
  });
}

/** Records console errors, page errors and every request that leaves the local server. */
export function watchPage(page: Page, origin: string) {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return { errors, foreign };
}

/** Records every Content-Security-Policy violation from the page's first script on; read them with `cspViolations`. */
export function recordCspViolations(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}`));
  });
}
export const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Waits until the map has its data drawn and is idle. */
export async function waitForMap(page: Page) {
  await page.waitForFunction(
    () => {
      const map = (window as unknown as { ntmMap?: { loaded(): boolean; areTilesLoaded(): boolean; querySourceFeatures(id: string): unknown[] } }).ntmMap;
      return !!map && map.loaded() && map.areTilesLoaded() && map.querySourceFeatures('communes').length > 0;
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { ntmMap: { once(e: string, f: () => void): void; triggerRepaint(): void } }).ntmMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/**
 * Starts one server and one browser for a test file and stops them after it; read them
 * through the returned getters once the file's tests run.
 */
export function browserSession(options: ServerOptions = {}): { server: () => RunningServer; browser: () => Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer(options);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return { server: () => server!, browser: () => browser! };
}
