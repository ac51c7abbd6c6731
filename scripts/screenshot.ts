/**
 * Opens the app as a user would and saves a screenshot, to look at after a change:
 *   npm run screenshot -- '?view=investors' 390 844 [out.png]
 * Starts the real server on a fresh database and Debian's Chromium (see tests/e2e/harness.ts),
 * and prints console errors and any request that left the local server.
 */
import { launchBrowser, startServer, waitForMap, watchPage } from '../tests/e2e/harness.ts';

const [query = '', width = '1400', height = '900', out = 'tests/artifacts/screenshot.png'] = process.argv.slice(2);
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  const watched = watchPage(page, server.origin);
  await page.goto(`${server.origin}/${query}`);
  await waitForMap(page);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
  console.log(`console errors: ${watched.errors.length ? watched.errors.join('\n') : 'none'}`);
  console.log(`requests off the local server: ${watched.foreign.length ? watched.foreign.join('\n') : 'none'}`);
} finally {
  await browser.close();
  await server.stop();
}
