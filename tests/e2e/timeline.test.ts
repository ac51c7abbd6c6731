import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSession, waitForMap, watchPage } from './harness.ts';

/** The timeline, the two unit sets and the charts, in Debian's Chromium against the real server. */
const session = browserSession();

async function open(path: string) {
  const page = await session.browser().newPage({ viewport: { width: 1400, height: 950 } });
  const watched = watchPage(page, session.server().origin);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${session.server().origin}${path}`);
  await waitForMap(page);
  return { page, watched, requests };
}

/**
 * The API requests made since `from`: moving in time asks for nothing but a unit set's shapes,
 * once, when the set is first shown (the record and every set's attributes came with the page).
 */
function apiRequestsSince(requests: string[], from: number): string[] {
  const api = requests.slice(from).filter((u) => u.includes('/api/'));
  const shapes = api.filter((u) => /\/api\/units\?set=\d{4}$/.test(u));
  expect(new Set(shapes).size, "each set's shapes once").toBe(shapes.length);
  return api.filter((u) => !shapes.includes(u));
}

const asOfOf = (page: Page) => new URL(page.url()).searchParams.get('asOf') ?? '2025-06-30';

/** Drags the timeline's thumb to the stop nearest a date, with the mouse. */
async function dragTo(page: Page, date: string) {
  const slider = page.locator('.timeline input[type=range]');
  const box = (await slider.boundingBox())!;
  const { index, max } = await page.evaluate((d) => {
    const input = document.querySelector('.timeline input[type=range]') as HTMLInputElement;
    const max = Number(input.max);
    // Stops are month ends from January 2015: months since then, clamped to the slider.
    const months = (Number(d.slice(0, 4)) - 2015) * 12 + Number(d.slice(5, 7)) - 1;
    return { index: Math.min(max, months), max };
  }, date);
  const thumb = 8;
  const xOf = (i: number) => box.x + thumb + ((box.width - 2 * thumb) * i) / max;
  const current = Number(await slider.inputValue());
  await page.mouse.move(xOf(current), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(xOf(index), box.y + box.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** NTM status of named communes, from the features the map has drawn (statuses are their feature state). */
async function statuses(page: Page, names: string[]) {
  await waitForMap(page);
  return page.evaluate((ns) => {
    const map = (window as any).ntmMap;
    const out: Record<string, string> = {};
    for (const f of map.querySourceFeatures('communes'))
      if (ns.includes(f.properties.name)) out[f.properties.name] = map.getFeatureState({ source: 'communes', id: f.properties.code }).ntmStatus;
    return out;
  }, names);
}

describe('the timeline, unit sets and charts in a browser', { timeout: 240_000 }, () => {
  it('dragging the timeline from 2015 to 2025 recolours the communes, asking only for the 2020 units’ shapes when first shown', async () => {
    const { page, watched, requests } = await open('/?view=progress&asOf=2015-01-31');
    const loaded = requests.length;
    await dragTo(page, '2015-12-31');
    await expect.poll(() => asOfOf(page)).toBe('2015-12-31');
    expect(await statuses(page, ['Thanh Chăn', 'Sín Thầu'])).toEqual({ 'Thanh Chăn': 'standard', 'Sín Thầu': 'none' });
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-2015.png') });

    await dragTo(page, '2019-12-31');
    await expect.poll(() => asOfOf(page)).toBe('2019-12-31');
    expect((await statuses(page, ['Sín Thầu']))['Sín Thầu']).toBe('none');
    await dragTo(page, '2020-12-31');
    await expect.poll(() => asOfOf(page)).toBe('2020-12-31');
    expect((await statuses(page, ['Sín Thầu']))['Sín Thầu']).toBe('standard');

    const tuanGiao = ['Quài Tở', 'Quài Nưa', 'Quài Cang', 'Chiềng Sinh'];
    await dragTo(page, '2023-12-31');
    await expect.poll(() => asOfOf(page)).toBe('2023-12-31');
    expect(Object.values(await statuses(page, tuanGiao)).every((s) => s !== 'standard')).toBe(true);
    await dragTo(page, '2024-12-31');
    await expect.poll(() => asOfOf(page)).toBe('2024-12-31');
    expect(await statuses(page, tuanGiao)).toEqual({ 'Quài Tở': 'standard', 'Quài Nưa': 'standard', 'Quài Cang': 'standard', 'Chiềng Sinh': 'standard' });
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-2024.png') });

    expect(apiRequestsSince(requests, loaded)).toEqual([]);
    expect(requests.slice(loaded).filter((u) => u.includes('/api/units?set='))).toEqual([`${session.server().origin}/api/units?set=2020`]);
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('a step in time touches only what shows the date: the date list keeps its options, the marks and a closed download menu are left alone', async () => {
    const { page, watched } = await open('/?view=progress&asOf=2020-12-31');
    await page.evaluate(() => {
      const w = window as unknown as { stepMutations: { type: string; attribute: string | null; where: string; added: string[] }[] };
      w.stepMutations = [];
      new MutationObserver((list) => {
        for (const m of list) {
          const el = m.target instanceof Element ? m.target : m.target.parentElement;
          const where = ['.app-header select', '.download-menu', '.timeline-marks', '.timeline-years', '.units-switch'].find((sel) => el?.closest(sel)) ?? '';
          const added = [...m.addedNodes].map((n) => (n instanceof HTMLOptionElement ? n.value : n.nodeName));
          w.stepMutations.push({ type: m.type, attribute: m.attributeName, where, added });
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    // Twelve months with the arrow key on the slider, from one year's end to the next.
    await page.locator('.timeline input[type=range]').focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => asOfOf(page)).toBe('2021-12-31');
    const mutations = await page.evaluate(
      () => (window as unknown as { stepMutations: { type: string; attribute: string | null; where: string; added: string[] }[] }).stepMutations,
    );
    const at = (where: string) => mutations.filter((m) => m.where === where);
    // The date between report dates is one option that follows the date (added as the date leaves
    // a report date: at 2021-01-31 and after the mid-year report of 2021-06-30), not one per month.
    expect(at('.app-header select').flatMap((m) => m.added)).toEqual(['2021-01-31', '2021-07-31']);
    expect(await page.locator('.app-header select').inputValue()).toBe('2021-12-31');
    // A closed download menu has no links to keep current; the marks change only their tab stop.
    expect(at('.download-menu')).toEqual([]);
    expect(at('.timeline-marks').every((m) => m.type === 'attributes' && m.attribute === 'tabindex')).toBe(true);
    expect(at('.timeline-years')).toEqual([]);
    expect(at('.units-switch')).toEqual([]);
    // Opened, the menu links to the date shown, and follows the next step.
    await page.click('.map-tools .download-menu summary');
    const hrefs = () => page.locator('.map-tools .download-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect((await hrefs()).every((h) => h?.includes('asOf=2021-12-31'))).toBe(true);
    expect(await hrefs()).toHaveLength(5);
    await page.locator('.timeline input[type=range]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await hrefs()).every((h) => h?.includes('asOf=2022-01-31'))).toBe(true);
    // Shift+arrows on the slider step a year, and the slider says the date it shows.
    const slider = page.locator('.timeline input[type=range]');
    await slider.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => asOfOf(page)).toBe('2023-01-31');
    expect(await slider.getAttribute('aria-valuetext')).toBe('31/01/2023');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => asOfOf(page)).toBe('2021-01-31');
    expect(await slider.getAttribute('aria-valuetext')).toBe('31/01/2021');
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('uses the 130 communes of 2019 before 2020, and plays and pauses', async () => {
    const { page } = await open('/?view=progress&asOf=2018-12-31');
    const count = () => page.evaluate(() => new Set((window as any).ntmMap.querySourceFeatures('communes').map((f: any) => f.properties.code)).size);
    await expect.poll(count).toBe(130);
    expect(await page.locator('[data-testid=units-shown]').textContent()).toBe('đơn vị đến 31/12/2019');
    await page.click('.timeline .play');
    await expect.poll(() => asOfOf(page), { timeout: 20_000 }).not.toBe('2018-12-31');
    await page.click('.timeline .play');
    await page.waitForTimeout(400);
    const paused = asOfOf(page);
    await page.waitForTimeout(1000);
    expect(asOfOf(page)).toBe(paused);
    await page.close();
  });

  it('switching to the 2025 units shows 45 units, and the card for xã Thanh Nưa lists Thanh Chăn among its former communes', async () => {
    const { page } = await open('/?view=progress');
    await page.getByLabel('Đơn vị mới (45)').check();
    await expect
      .poll(() => page.evaluate(() => new Set((window as any).ntmMap.querySourceFeatures('communes').map((f: any) => f.properties.code)).size))
      .toBe(45);
    expect(await page.locator('[data-testid=units-shown]').textContent()).toBe('đơn vị từ 01/07/2025');
    await page.fill('#search-input', 'thanh nua');
    const fresh = page.locator('#search-results [role=option]').filter({ hasText: 'mới từ 01/07/2025' }).first();
    await fresh.click();
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Thanh Nưa');
    const former = await card.locator('table.former tbody th').allTextContents();
    expect(former).toContain('Xã Thanh Chăn');
    expect(former).toHaveLength(5);
    expect(await card.locator('[data-testid=former-summary]').textContent()).toContain('4 trên 5 xã cũ');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('commune:2025:03328');
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(ARTIFACTS, 'units-2025-thanh-nua.png') });
    await page.close();
  });

  it('draws the charts with their targets, and hovering a year in a chart moves the map there', async () => {
    const { page, requests } = await open('/?view=progress&asOf=2021-06-30');
    const charts = page.locator('[data-testid=charts]');
    await charts.scrollIntoViewIfNeeded();
    await expect.poll(() => charts.locator('svg').count()).toBeGreaterThanOrEqual(12);
    const titles = await charts.locator('svg title').allTextContents();
    expect(titles.some((x) => x.startsWith('Chỉ tiêu 2020 · Xã đạt chuẩn NTM trở lên: 35'))).toBe(true);
    expect((await charts.locator('svg text').allTextContents()).some((x) => x.startsWith('Chỉ tiêu 2025: ≥ 90'))).toBe(true);
    const loaded = requests.length;
    const ntm = charts.locator('.plot').first();
    await ntm.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const line = ntm.locator('.plot-now');
    const before = await line.evaluate((el) => (el as HTMLElement).style.left);
    const box = (await ntm.locator('svg').boundingBox())!;
    // The x axis runs from 2015-01-01 to 2026-01-01 between the margins (36 px left, 24 px right).
    const x = box.x + 36 + ((box.width - 60) * (2018.95 - 2015)) / 11;
    await page.mouse.move(x, box.y + box.height / 2);
    await page.mouse.move(x + 2, box.y + box.height / 2);
    await expect.poll(() => asOfOf(page)).toBe('2018-12-31');
    await expect.poll(() => line.evaluate((el) => (el as HTMLElement).style.left)).not.toBe(before);
    expect(apiRequestsSince(requests, loaded)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'charts.png') });
    await page.close();
  });
});
