import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSession, waitForMap, watchPage } from './harness.ts';

/** Cards against the API, loading and its failure, selections of any unit set, labels, the language button. */
const session = browserSession();

async function open(path: string, viewport = { width: 1440, height: 900 }, wait = true) {
  const page = await session.browser().newPage({ viewport });
  const watched = watchPage(page, session.server().origin);
  await page.goto(`${session.server().origin}${path}`);
  if (wait) await waitForMap(page);
  return { page, watched };
}

/** District names MapLibre has placed, and those whose point is in view. */
async function districtLabels(page: Page, zoom: number) {
  return page.evaluate(async (z) => {
    const map = (window as any).ntmMap;
    map.jumpTo({ center: [103.15, 21.55], zoom: z });
    await new Promise((r) => map.once('idle', r));
    const c = map.getCanvas();
    const points = (await map.getSource('district-labels').getData()).features;
    const inView = points
      .filter((f: any) => {
        const p = map.project(f.geometry.coordinates);
        return p.x > 20 && p.y > 20 && p.x < c.clientWidth - 20 && p.y < c.clientHeight - 20;
      })
      .map((f: any) => f.properties.name)
      .sort();
    const shown = [...new Set(map.queryRenderedFeatures({ layers: ['district-labels'] }).map((f: any) => f.properties.name))].sort();
    return { inView, shown };
  }, zoom);
}

describe('cards, loading and labels', { timeout: 240_000 }, () => {
  it('a district card counts the OCOP products certified on its date, as the API does', async () => {
    const { page } = await open('/?view=progress&asOf=2021-06-30&sel=district:2020:098');
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Tủa Chùa');
    const api = await page.evaluate(
      async () => (await (await fetch('/api/districts?asOf=2021-06-30')).json()).features.find((f: any) => f.id === '098').properties,
    );
    const listed = async () => Number(/\((\d+)\)/.exec((await card.locator('h3').filter({ hasText: 'Sản phẩm OCOP' }).textContent()) ?? '')?.[1]);
    expect(await listed()).toBe(api.ocopProducts);
    expect(await card.locator('[data-testid=card-products] li').count()).toBe(api.ocopProducts);
    expect(await card.textContent()).toContain('Được chứng nhận tại ngày 30/06/2021');
    await page.selectOption('.year select', '2024-12-31');
    const later = await page.evaluate(
      async () => (await (await fetch('/api/districts?asOf=2024-12-31')).json()).features.find((f: any) => f.id === '098').properties,
    );
    await expect.poll(listed).toBe(later.ocopProducts);
    await page.close();
  });

  it('a shared link with only sel= opens on the view that shows the selection, its card usable', async () => {
    const { page } = await open('/?sel=commune:2025:03328');
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('h2').count()).toBe(1);
    expect(await page.locator('.start-screen').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('progress');
    // Nothing lies over the card: its buttons take a click (a trial click checks what is on top).
    await card.locator('button').first().click({ trial: true, timeout: 5000 });
    await page.close();
  });

  it('a district card heads its sourced facts, apart from the closest candidates, with the year set off', async () => {
    const { page } = await open('/?view=leadership&sel=district:2020:097');
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Mường Chà');
    const facts = card.locator('section').filter({ has: page.locator('h3', { hasText: 'Thông tin khác' }) });
    expect(await facts.locator('.fact-note').count()).toBeGreaterThan(0);
    expect(await facts.locator('.fact-note p').first().textContent()).toMatch(/^\d{4} · /);
    await page.close();
  });

  it('a new unit’s card keeps "(year unknown)" together: no parenthesis alone at a line’s end or start', async () => {
    for (const lang of ['vi', 'en']) {
      const { page } = await open(`/?view=progress&asOf=2025-12-31&units=new&sel=commune:2025:03328&lang=${lang}`);
      const cells = page.locator('article.card table.former td').filter({ has: page.locator('.help-mark') });
      await expect.poll(() => cells.count()).toBeGreaterThan(0);
      for (const cell of await cells.all()) {
        // The cell's text as the lines it is drawn on: "(" and ")" share a line with the mark.
        const lines = await cell.evaluate((td) => {
          const range = document.createRange();
          const byTop = new Map<number, string>();
          const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if ((n.parentElement as HTMLElement).closest('.visually-hidden')) continue;
            for (let i = 0; i < n.textContent!.length; i++) {
              range.setStart(n, i);
              range.setEnd(n, i + 1);
              const top = Math.round(range.getBoundingClientRect().top);
              byTop.set(top, (byTop.get(top) ?? '') + n.textContent![i]);
            }
          }
          return [...byTop.values()].map((s) => s.trim());
        });
        for (const line of lines) expect(line, lines.join(' / ')).not.toMatch(/^\)|\($/);
      }
      await page.close();
    }
  });

  it('shows every district name at the province view, at desktop and phone width', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await open('/?view=leadership', viewport);
      for (const zoom of [7.4, 8, 8.6, 9]) {
        const { inView, shown } = await districtLabels(page, zoom);
        expect(inView.length).toBeGreaterThan(4);
        expect(inView.filter((n: string) => !shown.includes(n))).toEqual([]);
      }
      await page.close();
    }
  });

  it('draws the district names above the zones and product markers in the investors view', async () => {
    const { page } = await open('/?view=investors');
    await expect
      .poll(() => page.evaluate(() => (window as any).ntmOverlay._deck.props.layers.map((l: any) => l.id)), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['ocop-products', 'district-names']));
    const order = await page.evaluate(() => (window as any).ntmOverlay._deck.props.layers.map((l: any) => l.id));
    expect(order.at(-1)).toBe('district-names');
    const names = await page.evaluate(() => (window as any).ntmOverlay._deck.props.layers.at(-1).props.data.map((d: any) => d.text.replace('\n', ' ')));
    expect(names).toHaveLength(10);
    expect(names).toContain('MƯỜNG ẢNG');
    expect(await page.evaluate(() => (window as any).ntmMap.getLayoutProperty('district-labels', 'visibility'))).toBe('none');
    await page.close();
  });

  it('loads the zones’ attributes with the first map, and their shapes only once the zones are drawn', async () => {
    const page = await session.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const zoneRequests: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname + new URL(r.url()).search;
      if (path.startsWith('/api/zones')) zoneRequests.push(path);
    });
    await page.goto(`${session.server().origin}/?view=progress`);
    await waitForMap(page);
    await page.waitForLoadState('networkidle');
    expect(zoneRequests).toEqual(['/api/zones?skipGeometry=true']);
    // The zones' search entry and card need no shapes.
    await page.locator('header button', { hasText: 'Vùng nguyên liệu' }).click();
    const drawn = () =>
      page.evaluate(() => {
        const layers = (window as any).ntmOverlay?._deck.props.layers ?? [];
        return layers.filter((l: any) => l.id.startsWith('zones')).reduce((n: number, l: any) => n + l.props.data.length, 0);
      });
    await expect.poll(drawn, { timeout: 20_000 }).toBeGreaterThan(20);
    expect(zoneRequests).toEqual(['/api/zones?skipGeometry=true', '/api/zones']);
    await page.close();
  });

  it('says when the data cannot load, and loads again on “Thử lại”; shows no zero counts while loading', async () => {
    const page = await session.browser().newPage({ viewport: { width: 1440, height: 900 } });
    let fail = true;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/timeline', async (route) => {
      if (fail) return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'boom' } }) });
      await held;
      return route.continue();
    });
    await page.goto(`${session.server().origin}/?view=progress`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Không tải được dữ liệu');
    expect(await page.getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
    expect((await page.locator('.legend-entries .count').allTextContents()).every((c) => c.trim() === '')).toBe(true);
    expect(await page.locator('.side-panel').textContent()).not.toContain('Đang tải');
    fail = false;
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => page.locator('.load-status[role=status]').textContent()).toContain('Đang tải');
    const counts = await page.locator('.legend-entries .count').allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c.trim() === '')).toBe(true);
    release();
    await waitForMap(page);
    await expect.poll(() => page.locator('.legend-entries [data-class=standard] .count').textContent()).toBe('19');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('says so when a link selects a unit that does not exist', async () => {
    const { page } = await open('/?view=progress&sel=commune:2020:99999');
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('[data-testid=not-found]').textContent()).toContain('99999');
    expect(await card.locator('h2').textContent()).toBe('Không tìm thấy');
    await page.close();
  });

  it('a 2019 commune chosen at a later date is shown on the 2019 units, highlighted, and says why', async () => {
    const { page } = await open('/?view=progress&asOf=2023-12-31');
    await page.fill('#search-input', 'ta leng');
    await page.locator('#search-results [role=option]').filter({ hasText: 'đến 31/12/2019' }).first().click();
    const card = page.locator('article.card');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Tà Lèng');
    await page.waitForTimeout(1000);
    await waitForMap(page);
    await expect
      .poll(() => page.evaluate(() => (window as any).ntmMap.queryRenderedFeatures({ layers: ['selection-line'] }).map((f: any) => f.properties.code)))
      .toContain('03144');
    expect(await page.locator('[data-testid=units-shown]').textContent()).toBe('đơn vị đến 31/12/2019');
    expect(await card.locator('[data-testid=retired-unit]').textContent()).toContain('31/12/2019');
    await page.screenshot({ path: join(ARTIFACTS, 'card-ta-leng-2019.png') });
    await page.close();
  });

  it('outlines a commune selected in the investors view while deck.gl is still loading, and hands the outline to the overlay once it has', async () => {
    const page = await session.browser().newPage({ viewport: { width: 1440, height: 900 } });
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    // The overlay's chunk (overlay.ts loads it lazily) is held back: a slow connection.
    await page.route('**/assets/deck-layers-*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${session.server().origin}/?view=investors&sel=commune:2020:03205`);
    await waitForMap(page);
    const outlinedByMapLibre = () =>
      page.evaluate(() => (window as any).ntmMap.queryRenderedFeatures({ layers: ['selection-line'] }).map((f: any) => f.properties.code));
    await expect.poll(outlinedByMapLibre).toContain('03205');
    expect(await page.evaluate(() => (window as any).ntmOverlay ?? null)).toBeNull();
    await page.screenshot({ path: join(ARTIFACTS, 'selection-before-overlay.png') });
    release();
    await expect
      .poll(() => page.evaluate(() => ((window as any).ntmOverlay?._deck.props.layers ?? []).map((l: any) => l.id)), { timeout: 20_000 })
      .toContain('selection-line');
    await expect.poll(() => page.evaluate(() => (window as any).ntmMap.getLayoutProperty('selection-line', 'visibility'))).toBe('none');
    await waitForMap(page);
    await page.screenshot({ path: join(ARTIFACTS, 'selection-after-overlay.png') });
    await page.close();
  });

  it('names the language button by what it shows', async () => {
    const { page } = await open('/?view=progress');
    expect(await page.getByRole('button', { name: 'English', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).getAttribute('lang')).toBe('vi');
    await page.close();
  });
});
