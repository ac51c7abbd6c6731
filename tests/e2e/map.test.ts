import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSession, waitForMap, watchPage } from './harness.ts';

/**
 * The map in Debian's Chromium against the real server on a seeded database. Screenshots of
 * each view go to tests/artifacts/ to be looked at.
 */
const session = browserSession();

async function open(path: string, viewport = { width: 1400, height: 900 }) {
  const page = await session.browser().newPage({ viewport });
  const watched = watchPage(page, session.server().origin);
  await page.goto(`${session.server().origin}${path}`);
  await waitForMap(page);
  return { page, watched };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** Pixels of the screenshot within `tolerance` of a colour. */
async function countPixels(page: Page, rgb: [number, number, number], tolerance = 8): Promise<number> {
  const png = PNG.sync.read(await page.screenshot());
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i] - rgb[0]) <= tolerance && Math.abs(png.data[i + 1] - rgb[1]) <= tolerance && Math.abs(png.data[i + 2] - rgb[2]) <= tolerance) n++;
  }
  return n;
}

/** A colour drawn at 90 % opacity over the white province fill. */
const over = (hex: string, alpha = 0.9): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => Math.round(c * alpha + 255 * (1 - alpha))) as [number, number, number];
};

describe('the map in a browser', { timeout: 180_000 }, () => {
  it('loads with no console error and no request to any host but the local server, and offers three entry views', async () => {
    const { page, watched } = await open('/');
    await shot(page, 'start-screen');
    const choices = page.locator('.start-choice');
    expect(await choices.count()).toBe(3);
    await choices.filter({ hasText: 'Tiến độ NTM' }).click();
    await waitForMap(page);
    await page.waitForTimeout(500);
    // The province is fitted into the part the side panel leaves free, as when the view is linked.
    const centre = (p: Page) => p.evaluate(() => (window as any).ntmMap.getCenter().lng as number);
    const linked = await open('/?view=progress');
    expect(Math.abs((await centre(page)) - (await centre(linked.page)))).toBeLessThan(0.02);
    await linked.page.close();
    // The unit codes are credited once, in the reader's language, and follow a language switch.
    const credits = () => page.locator('.maplibregl-ctrl-attrib-inner').textContent();
    expect((await credits())!.split('Mã đơn vị hành chính: Tổng cục Thống kê')).toHaveLength(2);
    expect(await credits()).not.toContain('Unit codes');
    const statuses = () =>
      page.evaluate(() => {
        const map = (window as any).ntmMap;
        const codes = [...new Set(map.querySourceFeatures('communes').map((f: any) => f.properties.code))].sort();
        return codes.map((id) => map.getFeatureState({ source: 'communes', id }).ntmStatus ?? 'none set');
      });
    const before = await statuses();
    expect(before).toHaveLength(129);
    expect(before).not.toContain('none set');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(async () => (await credits())!.split('Unit codes: General Statistics Office').length).toBe(2);
    expect(await credits()).not.toContain('Mã đơn vị hành chính');
    // The credits' change rebuilds the units' source: the communes keep their colours.
    await expect.poll(statuses).toEqual(before);
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });

  it('opens the help page at its top, and a linked topic at that topic', async () => {
    const { page } = await open('/?view=progress&help=about', { width: 1400, height: 700 });
    await page.waitForSelector('.help-page');
    await page.waitForTimeout(300);
    expect(await page.locator('.help-page').evaluate((d) => d.scrollTop)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('help-page'))).toBe(true);
    expect(await page.locator('.help-page .close').isVisible()).toBe(true);
    await shot(page, 'help-about');
    await page.goto(`${session.server().origin}/?view=progress&help=sources`);
    await page.waitForSelector('.help-page');
    await page.waitForTimeout(300);
    const heading = page.locator('#help-sources h3');
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe('help-sources');
    const top = (await heading.boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    await page.close();
  });

  it('draws the communes by NTM status: rendered features and pixels of the status colours', async () => {
    const { page, watched } = await open('/?view=progress');
    const rendered = await page.evaluate(() => {
      const map = (window as any).ntmMap;
      const features = map.queryRenderedFeatures({ layers: ['ntm-communes-fill'] });
      return {
        codes: new Set(features.map((f: any) => f.properties.code)).size,
        statuses: [...new Set(features.map((f: any) => f.state.ntmStatus))].sort(),
      };
    });
    expect(rendered.codes).toBe(129);
    expect(rendered.statuses).toEqual(['advanced', 'basic', 'none', 'standard', 'urban']);
    expect(await countPixels(page, over('#41b6c4'))).toBeGreaterThan(2000);
    expect(await countPixels(page, over('#c7e9b4'))).toBeGreaterThan(2000);
    await shot(page, 'view-progress');
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('recolours when the year changes: as of 2015 Thanh Chăn is the only NTM commune', async () => {
    const { page } = await open('/?view=progress');
    await page.selectOption('.year select', '2015-12-31');
    const ntmNames = () =>
      page.evaluate(() => [
        ...new Set(
          (window as any).ntmMap
            .querySourceFeatures('communes')
            .filter((f: any) =>
              ['standard', 'advanced', 'model'].includes((window as any).ntmMap.getFeatureState({ source: 'communes', id: f.properties.code }).ntmStatus),
            )
            .map((f: any) => f.properties.name),
        ),
      ]);
    await expect.poll(ntmNames, { timeout: 20_000 }).toEqual(['Thanh Chăn']);
    await waitForMap(page);
    expect(await countPixels(page, over('#41b6c4'))).toBeLessThan(600);
    await page.close();
  });

  it('clicking Thanh Chăn opens its card with its status', async () => {
    const { page } = await open('/?view=progress');
    const point = await page.evaluate(async () => {
      const map = (window as any).ntmMap;
      const communes = await (await fetch('/api/communes')).json();
      const f = communes.features.find((x: any) => x.properties.name === 'Thanh Chăn');
      map.jumpTo({ center: f.properties.labelPoint, zoom: 10.5 });
      await new Promise((r) => map.once('idle', r));
      const p = map.project(f.properties.labelPoint);
      const box = map.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Thanh Chăn');
    await expect.poll(() => card.textContent()).toContain('Đạt chuẩn');
    expect(await card.textContent()).toContain('2015');
    expect(await card.locator('.sources li').count()).toBeGreaterThan(0);
    await shot(page, 'card-thanh-chan');
    await page.close();
  });

  it('search "muong cha" finds the district Mường Chà, and Enter opens it', async () => {
    const { page } = await open('/?view=progress');
    await page.fill('#search-input', 'muong cha');
    const first = page.locator('#search-results [role=option]').first();
    expect(await first.locator('.result-name').textContent()).toBe('Mường Chà');
    expect(await first.locator('.result-kind').textContent()).toBe('Huyện');
    await page.press('#search-input', 'Enter');
    await expect.poll(() => page.locator('article.card h2').textContent()).toBe('Mường Chà');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('district:2020:097');
    await page.close();
  });

  it('search results are readable beside a long kind ("Vùng nguyên liệu"), on the desktop and on a phone', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await open('/?view=progress&lang=en', viewport);
      await page.fill('#search-input', 'tua chua');
      const zone = page.locator('#search-results [role=option]').filter({ hasText: 'Raw-material zone' }).first();
      await zone.waitFor();
      // The name "Chè Shan tuyết Tủa Chùa" on one line, not a word a line.
      const name = await zone.locator('.result-name').evaluate((e) => {
        const style = getComputedStyle(e);
        return { height: e.getBoundingClientRect().height, line: Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.25 };
      });
      expect(name.height).toBeLessThan(name.line * 1.5);
      const list = await page.locator('#search-results').boundingBox();
      expect(list!.x).toBeGreaterThanOrEqual(0);
      expect(list!.x + list!.width).toBeLessThanOrEqual(viewport.width);
      await page.close();
    }
  });

  it('the leadership view as of 2021-06-30 lists exactly Mường Chà, Điện Biên Đông, Tuần Giáo and Tủa Chùa', async () => {
    const { page } = await open('/');
    await page.locator('.start-choice').filter({ hasText: 'Huyện chưa có xã NTM' }).click();
    await page.selectOption('.year select', '2021-06-30');
    const list = page.locator('[data-testid=districts-without-ntm] .district-name');
    await expect.poll(async () => (await list.allTextContents()).sort()).toEqual(['Mường Chà', 'Tuần Giáo', 'Tủa Chùa', 'Điện Biên Đông'].sort());
    await waitForMap(page);
    const marked = await page.evaluate(() =>
      (window as any).ntmMap
        .queryRenderedFeatures({ layers: ['ntm-districts-no-ntm'] })
        .filter((f: any) => f.state.hasNtmCommune === false)
        .map((f: any) => f.properties.name),
    );
    expect([...new Set(marked)].sort()).toEqual(['Mường Chà', 'Tuần Giáo', 'Tủa Chùa', 'Điện Biên Đông'].sort());
    await shot(page, 'view-leadership-2021');
    await page.selectOption('.year select', '2025-06-30');
    await expect.poll(async () => (await list.allTextContents()).sort()).toEqual(['Mường Chà', 'Tủa Chùa', 'Điện Biên Đông'].sort());
    await page.close();
    // After the reform there are no districts: their legend says so instead of counting none.
    const after = (await open('/?view=leadership&asOf=2025-10-31')).page;
    const districts = after.locator('.legend-layer').filter({ hasText: 'Huyện theo tỷ lệ xã đạt chuẩn NTM' });
    await expect.poll(() => districts.locator('p.muted').first().textContent()).toMatch(/không còn cấp huyện.*Đơn vị cũ/);
    expect(await districts.locator('.legend-entries').count()).toBe(0);
    await after.close();
  });

  it('the investors view lists zones by area, and the tea zone card names its products and producers with sources', async () => {
    const { page } = await open('/?view=investors');
    const names = await page.locator('.zone-item strong').allTextContents();
    expect(names.length).toBeGreaterThan(20);
    await shot(page, 'view-investors');
    await page.locator('.zone-item').filter({ hasText: 'Chè Shan tuyết Tủa Chùa' }).locator('button.zoom-to').click();
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Chè Shan tuyết Tủa Chùa');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('600');
    expect(text).toContain('Công ty TNHH Hương Linh');
    expect(text).toContain('Gần đúng');
    expect(await card.locator('.sources li').count()).toBeGreaterThan(3);
    await page.waitForTimeout(1000);
    await shot(page, 'card-tea-zone');
    await page.close();
  });

  it('a copied URL restores the same state', async () => {
    const { page } = await open('/?view=investors');
    await page.locator('.legend-layer').filter({ hasText: 'Xã theo mức đạt chuẩn' }).locator('input[type=checkbox]').first().check();
    await page.locator('.checks').filter({ hasText: 'Số sao' }).getByLabel('4★').check();
    await page.selectOption('.year select', '2022-12-31');
    await page.fill('#search-input', 'mat ong hoa ban');
    await page.press('#search-input', 'Enter');
    await expect.poll(() => page.locator('article.card h2').textContent()).toBe('Mật ong hoa ban');
    await page.click('button.lang');
    await page.waitForTimeout(1200);
    const url = page.url();
    const state = async (p: Page) => ({
      title: await p.locator('article.card h2').textContent(),
      view: await p.locator('.views button[aria-pressed=true] .wide-only').textContent(),
      year: await p.locator('.year select').inputValue(),
      layers: await p.locator('.legend-layer input[type=checkbox]').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).checked)),
      stars: await p.locator('.checks input:checked').count(),
      lang: await p.evaluate(() => document.documentElement.lang),
    });
    const before = await state(page);
    const copy = await open(new URL(url).pathname + new URL(url).search);
    await expect.poll(() => copy.page.locator('article.card h2').textContent()).toBe('Mật ong hoa ban');
    expect(await state(copy.page)).toEqual(before);
    expect(before).toMatchObject({ view: 'Raw-material zones', year: '2022-12-31', lang: 'en' });
    expect(copy.page.url()).toBe(url);
    await shot(copy.page, 'restored-from-url');
    await page.close();
    await copy.page.close();
  });

  it('at phone width the licence line under the map does not cover the scale bar, in either language', async () => {
    for (const lang of ['vi', 'en']) {
      const { page } = await open(`/?view=progress&lang=${lang}`, { width: 390, height: 844 });
      const scale = (await page.locator('.maplibregl-ctrl-scale').boundingBox())!;
      const credits = (await page.locator('.maplibregl-ctrl-attrib').boundingBox())!;
      const overlap =
        scale.x < credits.x + credits.width && credits.x < scale.x + scale.width && scale.y < credits.y + credits.height && credits.y < scale.y + scale.height;
      expect(overlap, JSON.stringify({ scale, credits })).toBe(false);
      await page.close();
    }
  });

  it('works at phone width (390 px) without sideways scrolling, and by keyboard', async () => {
    const { page } = await open('/?view=leadership&asOf=2021-06-30', { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-leadership');
    await page.keyboard.press('Tab');
    await page.focus('#search-input');
    await page.keyboard.type('tua chua');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('article.card h2').textContent()).toBe('Tủa Chùa');
    await shot(page, 'phone-card');
    await page.close();
  });
});
