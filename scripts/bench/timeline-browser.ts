/**
 * The timeline in a real browser: how long one step takes from the key press to the map being
 * redrawn and idle, in Debian's Chromium with its software GPU (a slow machine; real ones are
 * faster), and how many requests the steps made (none are expected).
 *   npm run build && npm run bench:timeline-browser
 */
import { launchBrowser, startServer, waitForMap } from '../../tests/e2e/harness.ts';

const STEPS = 36;
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let apiRequests = 0;
  await page.goto(`${server.origin}/?view=progress&asOf=2016-12-31`);
  await waitForMap(page);
  page.on('request', (r) => {
    if (r.url().includes('/api/')) apiRequests++;
  });
  await page.focus('.timeline input[type=range]');
  const times: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const map = (window as unknown as { ntmMap: { once(e: string, f: () => void): void } }).ntmMap;
          const t0 = performance.now();
          map.once('idle', () => resolve(performance.now() - t0));
          const input = document.querySelector('.timeline input[type=range]') as HTMLInputElement;
          input.value = String(Number(input.value) + 1);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
    );
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(`${STEPS} steps of one month from 2017: p50 ${times[STEPS >> 1].toFixed(0)} ms, p95 ${times[Math.floor(STEPS * 0.95)].toFixed(0)} ms to idle`);
  console.log(`requests to /api/ during the steps: ${apiRequests}`);
} finally {
  await browser.close();
  await server.stop();
}
