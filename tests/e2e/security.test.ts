import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/server-process.ts';
import { ARTIFACTS, launchBrowser, type RunningServer, startServer, waitForMap } from './harness.ts';

/**
 * The app under its Content-Security-Policy in Chromium, with an online basemap configured (a
 * local tile server on another origin stands in for it): every view loads with no violation
 * reported, the basemap's tiles load, and the policy really is enforced (an injected inline
 * script is refused).
 */
let tiles: Server;
let tileOrigin: string;
let tileRequests = 0;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  const png = new PNG({ width: 256, height: 256 });
  png.data.fill(200);
  const tile = PNG.sync.write(png);
  tiles = createServer((_req, res) => {
    tileRequests++;
    res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end(tile);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => tiles.listen(port, '127.0.0.1', resolve));
  tileOrigin = `http://localhost:${port}`;
  server = await startServer({ env: { BASEMAP_URL: `${tileOrigin}/{z}/{x}/{y}.png`, BASEMAP_ATTRIBUTION: 'test tiles' } });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => tiles?.close(r));
});

/** Opens a page that records every securitypolicyviolation event and console error from its first script on. */
async function open(path: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}`));
  });
  const response = await page.goto(`${server.origin}${path}`);
  await waitForMap(page);
  return { page, errors, response: response! };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('Content-Security-Policy in Chromium', { timeout: 180_000 }, () => {
  it('every view loads with no violation and no console error, the basemap tiles included', async () => {
    for (const view of ['progress', 'leadership', 'investors']) {
      const { page, errors, response } = await open(`/?view=${view}`);
      expect(response.headers()['content-security-policy']).toContain(`img-src 'self' data: blob: ${tileOrigin}`);
      // The charts (Observable Plot) and the side panels render after the map; give them time to.
      await page.waitForTimeout(1500);
      if (view === 'progress') await page.screenshot({ path: join(ARTIFACTS, 'csp-progress-basemap.png') });
      expect(await violations(page), view).toEqual([]);
      expect(errors, view).toEqual([]);
      await page.close();
    }
    expect(tileRequests).toBeGreaterThan(0);
  });

  it('the table view and the print layout (a snapshot of the map) load with no violation either', async () => {
    const { page, errors } = await open('/?view=progress');
    await page.click('.map-tool[aria-pressed]');
    await page.waitForSelector('.data-table tbody tr');
    await page.click('.map-tool:has-text("In"), .map-tool:has-text("Print")');
    await page.waitForSelector('.print-sheet[data-ready]', { timeout: 120_000 });
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is enforced: an injected inline script does not run and is reported', async () => {
    const { page } = await open('/?view=progress');
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { injected?: boolean }).injected ?? false;
    });
    expect(ran).toBe(false);
    expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
  });
});
