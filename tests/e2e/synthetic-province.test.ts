import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticGeodata } from '../../scripts/geodata/synthetic.ts';
import { ARTIFACTS, browserSession, waitForMap, watchPage } from './harness.ts';

/**
 * The province is data: the built server and the map, with no code change, on the SYNTHETIC
 * province "Mẫu Thử" (scripts/geodata/synthetic.ts) — another name, other codes and extent,
 * other unit-set dates, its own grid and licences — served from its own geodata folder.
 */
const geodata = mkdtempSync(join(tmpdir(), 'synthetic-geodata-'));
writeSyntheticGeodata(geodata);
afterAll(() => rmSync(geodata, { recursive: true, force: true }));

const session = browserSession({ env: { GEODATA_DIR: geodata } });

async function open(path: string) {
  const page = await session.browser().newPage({ viewport: { width: 1280, height: 800 } });
  const watched = watchPage(page, session.server().origin);
  await page.goto(`${session.server().origin}${path}`);
  await waitForMap(page);
  return { page, watched };
}

describe('the map on a synthetic second province', { timeout: 240_000 }, () => {
  it('loads the province from its data, says it is synthetic, and draws its communes', async () => {
    const { page, watched } = await open('/');
    await expect.poll(() => page.locator('header h1').textContent()).toContain('Mẫu Thử');
    await expect.poll(() => page.title()).toContain('Mẫu Thử');
    expect(await page.getByTestId('synthetic-note').textContent()).toMatch(/tổng hợp/i);
    const communes = await page.evaluate(() => (window as any).ntmMap.querySourceFeatures('communes').map((f: any) => f.properties.code));
    expect(new Set(communes).size).toBe(11);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Dữ liệu tổng hợp');
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });

  it('shows the progress view on its own dates, and a commune card when a commune is clicked', async () => {
    const { page, watched } = await open('/?view=progress&asOf=2024-12-31');
    // The date menu comes from the province's calendar: its timeline starts in 2016 (Điện Biên's in 2015).
    const choices = await page.locator('.year select option').allTextContents();
    expect(choices[0]).toBe('31/12/2016');
    expect(choices).toEqual(expect.arrayContaining(['30/06/2025', '01/07/2025']));
    const point = await page.evaluate(async () => {
      const map = (window as any).ntmMap;
      const communes = await (await fetch('/api/communes?asOf=2024-12-31')).json();
      const p = map.project(communes.features.find((f: any) => f.id === '99112').properties.labelPoint);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 20_000 }).toBe('Tà Thử');
    expect(await card.textContent()).toContain('Nâng cao');
    expect(page.url()).toContain('sel=commune');
    await page.screenshot({ path: join(ARTIFACTS, 'synthetic-province-progress.png') });
    expect(watched.errors).toEqual([]);
    await page.close();
  });
});
