import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSession, waitForMap, watchPage } from './harness.ts';

/**
 * The table view in Chromium: the accessible alternative to the map, linked to it both ways,
 * with the download links of what is shown. Screenshots at 1440 and 390 px go to tests/artifacts/.
 */
const session = browserSession();

async function open(path: string, viewport = { width: 1440, height: 900 }) {
  const page = await session.browser().newPage({ viewport });
  const watched = watchPage(page, session.server().origin);
  await page.goto(`${session.server().origin}${path}`);
  await waitForMap(page);
  await page.click('.map-tool[aria-pressed]');
  await page.waitForSelector('.data-table tbody tr');
  return { page, watched };
}

describe('the table view', { timeout: 180_000 }, () => {
  it('is a real table: caption, scoped headers, sortable columns, a filter with a live row count', async () => {
    const { page, watched } = await open('/?view=progress');
    const table = page.locator('.data-table table');
    expect(await table.locator('caption').textContent()).toContain('Xã theo mức đạt chuẩn NTM (đơn vị 2020–2025) — tính đến 30/06/2025');
    expect(await table.locator('thead th[scope=col]').count()).toBeGreaterThan(8);
    expect(await table.locator('tbody tr').count()).toBe(129);
    expect(await table.locator('tbody th[scope=row]').count()).toBe(129);
    await page.screenshot({ path: join(ARTIFACTS, 'table-1440.png') });

    // Sort by NTM status, descending: the advanced communes come first.
    const status = table.locator('thead th', { hasText: 'Mức đạt chuẩn NTM' });
    await status.locator('button').click();
    expect(await status.getAttribute('aria-sort')).toBe('ascending');
    await status.locator('button').click();
    expect(await status.getAttribute('aria-sort')).toBe('descending');
    const statusIndex = await status.evaluate((th) => [...th.parentElement!.children].indexOf(th));
    expect(await table.locator(`tbody tr:first-child > :nth-child(${statusIndex + 1})`).textContent()).toBe('Nâng cao');
    expect(await table.locator('thead th[aria-sort]').count()).toBe(1);

    // The filter ignores diacritics and case; the live region says how many rows remain.
    await page.fill('.table-tools input[type=search]', 'thanh');
    const count = page.locator('.row-count[role=status][aria-live=polite]');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ trên 129 dòng/);
    const kept = await table.locator('tbody tr').count();
    expect(kept).toBeGreaterThan(3);
    expect(kept).toBeLessThan(20);
    const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
    for (const row of await table.locator('tbody tr').allTextContents()) expect(fold(row)).toContain('thanh');
    expect(await count.textContent()).toContain(`${kept} trên 129 dòng`);
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('selecting a row flies to the feature, outlines it and opens its card', async () => {
    const { page } = await open('/?view=progress');
    await page.fill('.table-tools input[type=search]', 'thanh chan');
    const button = page.locator('.data-table tbody th button', { hasText: 'Thanh Chăn' });
    const zoomBefore = await page.evaluate(() => (window as any).ntmMap.getZoom());
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('article.card h2').textContent()).toBe('Thanh Chăn');
    const sel = new URL(page.url()).searchParams.get('sel');
    expect(sel).toMatch(/^commune:2020:\d{5}$/);
    await expect.poll(() => page.evaluate(() => (window as any).ntmMap.getZoom()), { timeout: 10_000 }).toBeGreaterThan(zoomBefore + 1);
    const outlined = await page.evaluate(() => (window as any).ntmMap.getFilter('selection-line'));
    expect(JSON.stringify(outlined)).toContain(sel!.split(':')[2]);
    expect(await page.locator('.data-table tbody tr[aria-current=true] th').textContent()).toContain('Thanh Chăn');
    await page.close();
  });

  it('selecting on the map marks the row and scrolls it into view', async () => {
    const { page } = await open('/?view=progress');
    const point = await page.evaluate(async () => {
      const map = (window as any).ntmMap;
      const communes = await (await fetch('/api/communes')).json();
      const f = communes.features.find((x: any) => x.properties.name === 'Mường Phăng');
      map.jumpTo({ center: f.properties.labelPoint, zoom: 10.5 });
      await new Promise((r) => map.once('idle', r));
      const p = map.project(f.properties.labelPoint);
      const box = map.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const row = page.locator('.data-table tbody tr[aria-current=true]');
    await expect.poll(() => row.locator('th').textContent()).toContain('Mường Phăng');
    await expect
      .poll(() =>
        row.evaluate((tr) => {
          const box = tr.closest('.table-scroll')!.getBoundingClientRect();
          const r = tr.getBoundingClientRect();
          return r.top >= box.top && r.bottom <= box.bottom;
        }),
      )
      .toBe(true);
    await page.close();
  });

  it('has one tab per visible layer, switched with the arrow keys, and follows a selection to its tab', async () => {
    const { page } = await open('/?view=investors');
    const tabs = page.locator('.table-tabs [role=tab]');
    expect(await tabs.allTextContents()).toEqual([expect.stringMatching(/^Sản phẩm OCOP \(\d+\)$/), expect.stringMatching(/^Vùng nguyên liệu \(25\)$/)]);
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    expect(await page.locator('.data-table').getAttribute('data-collection')).toBe('zones');
    // Choosing a product elsewhere (search) brings its table back.
    await page.fill('#search-input', 'mat ong');
    await page.press('#search-input', 'Enter');
    await expect.poll(() => page.locator('.data-table').getAttribute('data-collection')).toBe('ocop-products');
    expect(await page.locator('.data-table tbody tr[aria-current=true]').count()).toBe(1);
    await page.close();
  });

  it('honours the legend filters and offers downloads of the table and of the view', async () => {
    const { page } = await open('/?view=investors&stars=4&crops=tea');
    const rows = page.locator('.data-table tbody tr');
    const starsIndex = await page.locator('.data-table thead th', { hasText: 'Số sao' }).evaluate((th) => [...th.parentElement!.children].indexOf(th));
    const stars = await page.locator(`.data-table tbody tr > :nth-child(${starsIndex + 1})`).allTextContents();
    expect(stars.length).toBe(await rows.count());
    expect(new Set(stars)).toEqual(new Set(['4★']));
    expect(await page.locator('.data-table caption').textContent()).toContain('lọc theo chú giải: Số sao: 4★');

    await page.click('.data-table .download-menu summary');
    const tableLinks = await page.locator('.data-table .download-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(tableLinks).toEqual(['geojson', 'csv', 'xlsx', 'gpkg', 'kml'].map((f) => `/api/downloads/ocop-products.${f}?asOf=2025-06-30&stars=4`));
    await page.click('.map-tools .download-menu summary');
    const viewLinks = await page.locator('.map-tools .download-list a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(viewLinks.map(([, href]) => href)).toEqual(
      ['geojson', 'csv', 'xlsx', 'gpkg', 'kml'].map((f) => `/api/downloads/view.${f}?collections=ocop-products,zones&asOf=2025-06-30&stars=4&crop=tea`),
    );
    expect(viewLinks.map(([text]) => text)).toEqual(['GeoJSON', 'CSV (Excel, UTF-8)', 'Excel (XLSX)', 'GeoPackage (QGIS)', 'KML (Google Earth)']);

    // The links download real files: the view as a GeoPackage, the table as CSV for Excel.
    const gpkg = page.waitForEvent('download');
    await page.click('.map-tools .download-list a[data-format=gpkg]');
    const view = await gpkg;
    expect(view.suggestedFilename()).toMatch(/\.gpkg$/);
    expect(
      readFileSync((await view.path())!)
        .subarray(0, 16)
        .toString('latin1'),
    ).toBe('SQLite format 3\0');
    await page.keyboard.press('Escape');
    expect(await page.locator('.map-tools .download-menu').getAttribute('open')).toBeNull();
    await page.click('.data-table .download-menu summary');
    const csvDownload = page.waitForEvent('download');
    await page.click('.data-table .download-list a[data-format=csv]');
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe('san-pham-ocop-2025-06-30.csv');
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const { status } = await page.evaluate(async (href) => ({ status: (await fetch(href!)).status }), tableLinks[1]);
    expect(status).toBe(200);
    // One header row and one row per product in the table (product names may hold line breaks inside quotes, none do).
    expect(text.trim().split(/\r?\n/).length - 1).toBe(await rows.count());
    await page.close();
  });

  it('fits a phone: the table under the map, scrolling sideways', async () => {
    const { page, watched } = await open('/?view=progress&lang=en', { width: 390, height: 844 });
    expect(await page.locator('.data-table caption').textContent()).toContain('as of 30 Jun 2025');
    const box = await page.locator('.table-view').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'table-390.png') });
    expect(watched.errors).toEqual([]);
    await page.close();
  });
});
