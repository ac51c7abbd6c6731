import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSession, waitForMap } from './harness.ts';

/** Phone, keyboard, focus, history, language and the help page, in Chromium against the real server. */
const session = browserSession();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } satisfies BrowserContextOptions;

async function open(path: string, options: BrowserContextOptions = { viewport: { width: 1440, height: 900 } }) {
  const context = await session.browser().newContext(options);
  const page = await context.newPage();
  await page.goto(`${session.server().origin}${path}`);
  await waitForMap(page);
  return page;
}

const asOfOf = (page: Page) => new URL(page.url()).searchParams.get('asOf') ?? '2025-06-30';
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** The page's visible text, without what is marked English (source titles, research notes). */
const visibleVietnamese = (page: Page) =>
  page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('[lang=en], details:not([open]) > :not(summary)')) el.remove();
    document.body.append(copy);
    copy.style.cssText = 'position:absolute;left:-99999px;width:1440px';
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, not hidden text, is what a reader sees
    const text = copy.innerText;
    copy.remove();
    return text;
  });

const LEAKS = /\bSeed\b|seed:|\(expected\)|\b\d{4}s\b|about to become|code=\d|\bapprox|\bundated\b|harvest|PM-assigned|\(count\)|\bof communes\b/;

describe('phone, keyboard, history, language and help', { timeout: 300_000 }, () => {
  it('on a phone: header and timeline in 120 px, an opaque sheet, selections fitted above it, a tap opens a folded sheet', async () => {
    const page = await open('/?view=progress', PHONE);
    const top = await page.evaluate(
      () => document.querySelector('.app-header')!.getBoundingClientRect().height + document.querySelector('.timeline')!.getBoundingClientRect().height,
    );
    expect(top).toBeLessThanOrEqual(120);
    expect(await page.locator('.side-panel').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    const province = await page.evaluate(() => {
      const map = (window as any).ntmMap;
      return {
        south: map.project([103, 20.87]).y + map.getContainer().getBoundingClientRect().top,
        sheet: document.querySelector('.side-panel')!.getBoundingClientRect().top,
      };
    });
    expect(province.south).toBeLessThan(province.sheet);
    expect(await page.locator('.progress-hint, .view-panel').first().textContent()).not.toContain('Di chuột');
    await page.fill('#search-input', 'muong nha');
    await page.locator('#search-results [role=option]').filter({ hasText: 'Xã cũ' }).first().click();
    await expect.poll(() => page.locator('article.card h2').textContent()).toBe('Mường Nhà');
    await page.waitForTimeout(1200);
    await waitForMap(page);
    const placed = await page.evaluate(() => {
      const map = (window as any).ntmMap;
      const f = map.queryRenderedFeatures({ layers: ['selection-line'] })[0];
      const xs = f.geometry.coordinates.flat(2);
      const ys = xs.filter((_: number, i: number) => i % 2 === 1);
      const south = map.project([xs[0], Math.min(...ys)]);
      return { south: south.y + map.getContainer().getBoundingClientRect().top, sheet: document.querySelector('.side-panel')!.getBoundingClientRect().top };
    });
    expect(placed.south).toBeLessThan(placed.sheet);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-fitted-selection.png') });
    await page.locator('.fold').click();
    await page.locator('article.card .close').click({ force: true });
    await expect.poll(() => page.locator('.side-panel').getAttribute('class')).toContain('folded');
    const box = (await page.locator('.map').boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.55, box.y + box.height * 0.3);
    await expect.poll(() => page.locator('article.card').count()).toBe(1);
    expect(await page.locator('.side-panel').getAttribute('class')).not.toContain('folded');
    await page.locator('.legend-panel summary').click();
    const legendOnTop = await page.evaluate(() => {
      const legend = document.querySelector('.legend-panel')!;
      const r = legend.getBoundingClientRect();
      return legend.contains(document.elementFromPoint(r.left + 20, r.bottom - 6));
    });
    expect(legendOnTop).toBe(true);
    await page.context().close();
  });

  it('one tab stop for the timeline marks, arrows within; rings of 3:1 or more on every control, the map’s and zoom buttons included', async () => {
    const page = await open('/?view=progress&asOf=2021-06-30');
    await page.locator('.app-header .home').focus();
    const seen: { tag: string; cls: string; name: string; contrast: number; width: number }[] = [];
    // Every stop once, until the focus leaves the page (the charts below the fold are not loaded yet).
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
        const lum = (c: number[]) =>
          c
            .map((v) => v / 255)
            .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
            .reduce((a, v, k) => a + v * [0.2126, 0.7152, 0.0722][k], 0);
        const ring = lum(rgb(s.outlineColor));
        return {
          tag: el.tagName.toLowerCase(),
          name: el.getAttribute('aria-label') ?? el.textContent ?? '',
          cls: `${el.className} ${el.closest('.timeline-marks') ? 'timeline-mark' : ''} ${el.closest('.maplibregl-ctrl') ? 'ctrl' : ''}`,
          contrast: 1.05 / (ring + 0.05),
          width: s.outlineStyle === 'none' ? 0 : Number.parseFloat(s.outlineWidth),
        };
      });
      if (!stop) break;
      seen.push(stop);
    }
    expect(new Set(seen.filter((s) => s.cls.includes('timeline-mark')).map((s) => s.name)).size).toBe(1);
    expect(seen.some((s) => s.cls.includes('maplibregl-canvas'))).toBe(true);
    expect(seen.some((s) => s.cls.includes('ctrl'))).toBe(true);
    for (const s of seen) {
      expect(s.width, `${s.tag} ${s.name} ${s.cls}`).toBeGreaterThanOrEqual(2);
      expect(s.contrast, `${s.tag} ${s.name} ${s.cls}`).toBeGreaterThanOrEqual(3);
    }
    const mark = page.locator('.timeline-marks button[tabindex="0"]');
    await mark.focus();
    const before = await mark.getAttribute('aria-label');
    await page.keyboard.press('ArrowRight');
    const now = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(now).not.toBe(before);
    await page.keyboard.press('Enter');
    await expect.poll(() => asOfOf(page)).not.toBe('2021-06-30');
    await page.close();
  });

  it('the arrow keys step time on the map and anywhere on the timeline', async () => {
    const page = await open('/?view=progress&asOf=2021-06-30');
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => asOfOf(page)).toBe('2021-07-31');
    await page.locator('.timeline .play').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => asOfOf(page)).toBe('2021-05-31');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => asOfOf(page)).toBe('2022-05-31');
    await page.close();
  });

  it('Back and Forward move between views and selections; the camera and the date do not add entries', async () => {
    const page = await open('/');
    await page.locator('.start-choice').filter({ hasText: 'Tiến độ NTM' }).click();
    await page.locator('.views button').filter({ hasText: 'Huyện chưa có xã NTM' }).click();
    await page.locator('[data-testid=districts-without-ntm] .district-name').first().click();
    await expect.poll(() => param(page, 'sel')).toMatch(/^district:/);
    const length = await page.evaluate(() => history.length);
    await page.evaluate(() => (window as any).ntmMap.panBy([80, 40], { duration: 0 }));
    await page.selectOption('.year select', '2021-06-30');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => history.length)).toBe(length);
    await page.goBack();
    await expect.poll(() => param(page, 'sel')).toBeNull();
    expect(param(page, 'view')).toBe('leadership');
    await page.goBack();
    await expect.poll(() => param(page, 'view')).toBe('progress');
    expect(await page.locator('.views button[aria-pressed=true] .wide-only').textContent()).toBe('Tiến độ NTM');
    await page.goForward();
    await expect.poll(() => page.locator('.views button[aria-pressed=true] .wide-only').textContent()).toBe('Huyện chưa có xã NTM');
    // The language chosen stays chosen: Back moves between views, not back to Vietnamese.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.goBack();
    await expect.poll(() => param(page, 'view')).toBe('progress');
    expect(await page.locator('.views button[aria-pressed=true] .wide-only').textContent()).toBe('NTM progress');
    await expect.poll(() => param(page, 'lang')).toBe('en');
    await page.close();
  });

  it('in Vietnamese no English leaks, no internal code shows, numbers and dates are Vietnamese; in English, English', async () => {
    const page = await open('/?view=progress');
    // The charts (with the gap table) load when scrolled near.
    await page.locator('[data-testid=charts]').scrollIntoViewIfNeeded();
    await page.locator('details.gaps > summary').click();
    const texts = [await visibleVietnamese(page)];
    for (const path of [
      '/?view=investors',
      '/?view=leadership&asOf=2021-06-30',
      '/?view=progress&sel=commune:2020:03337',
      '/?view=investors&sel=zone:che-shan-tuyet-tua-chua',
      '/?view=investors&sel=product:mat-ong-hoa-ban',
      '/?view=progress&sel=commune:2020:03154',
      '/?view=progress&sel=commune:2020:03301',
    ]) {
      await page.goto(`${session.server().origin}${path}`);
      await waitForMap(page);
      texts.push(await visibleVietnamese(page));
    }
    texts.push((await page.locator('.timeline-marks button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')))).join('\n'));
    const all = texts.join('\n');
    expect(all.match(LEAKS)?.[0] ?? null).toBeNull();
    expect(all).not.toMatch(/·\s*khoảng\s*$/m);
    expect(all).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(texts[1]).toContain('10.300 ha');
    await page.goto(`${session.server().origin}/?view=investors&lang=en`);
    await waitForMap(page);
    const en = (await page.locator('.view-panel').textContent()) ?? '';
    expect(en).toContain('10,300 ha');
    expect(en).not.toContain('10.300');
    await page.close();
  });

  it('labels honestly: no recognition on record, the coverage gap beside the counts, new units not yet assessed', async () => {
    const page = await open('/?view=progress');
    expect(await page.locator('.legend-entries [data-class=none] .entry-label').textContent()).toBe('Chưa có công nhận trong hồ sơ');
    expect(await page.locator('[data-testid=coverage-gap]').textContent()).toMatch(/23 .* 26 /);
    await page.goto(`${session.server().origin}/?view=progress&asOf=2025-09-30&sel=commune:2025:03328`);
    await waitForMap(page);
    await expect.poll(() => page.locator('[data-testid=new-unit-status]').textContent()).toBe('Chưa được đánh giá');
    await page.locator('article.card .close').click();
    const panel = await page.locator('[data-testid=new-unit-counts] tbody td').allTextContents();
    const legend = await page
      .locator('.legend-layer')
      .filter({ hasText: 'Xã, phường mới' })
      .locator('.legend-entries li:not([data-mark]) .count')
      .allTextContents();
    expect(panel.map(Number).reduce((a, b) => a + b, 0)).toBe(45);
    const totals = legend.map((c) => c.split(' / ').at(-1));
    expect(totals.filter((c) => c !== '0')).toEqual(panel.filter((c) => c !== '0'));
    await page.close();
  });

  it('legend counts say whether they are the whole province or in view', async () => {
    const page = await open('/?view=progress');
    expect(await page.locator('.count-head').first().textContent()).toBe('Số lượng: toàn tỉnh');
    await page.evaluate(() => (window as any).ntmMap.jumpTo({ center: [103.03, 21.38], zoom: 10 }));
    await waitForMap(page);
    await expect.poll(() => page.locator('.count-head').first().textContent()).toBe('Số lượng: trong khung nhìn / toàn tỉnh');
    expect(await page.locator('.legend-entries [data-class=standard] .count').textContent()).toMatch(/^\d+ \/ 19$/);
    await page.close();
  });

  it('the help page opens from the header and from every “khoảng” and “Chưa rõ” mark, at its section, and Back closes it', async () => {
    const page = await open('/?view=investors');
    await page.getByRole('button', { name: 'Giới thiệu / Phương pháp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giới thiệu / Phương pháp' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.locator('[data-testid=coverage] tbody tr').count()).toBe(3);
    expect(await dialog.locator('[data-testid=citation]').textContent()).toContain(session.server().origin);
    await page.screenshot({ path: join(ARTIFACTS, 'help-1440-vi.png') });
    await page.goBack();
    await expect.poll(() => dialog.count()).toBe(0);
    const marks = page.locator('.view-panel .help-mark');
    expect(await marks.count()).toBeGreaterThan(10);
    await marks.filter({ hasText: 'khoảng' }).first().click();
    await expect.poll(() => param(page, 'help')).toBe('approximate');
    expect(await page.locator('#help-approximate').getAttribute('class')).toContain('current');
    await page.keyboard.press('Escape');
    await page.goto(`${session.server().origin}/?view=investors&sel=product:bun-gao-lut-do`);
    await waitForMap(page);
    const unknown = page.locator('article.card .help-mark').filter({ hasText: 'Chưa rõ' });
    if ((await unknown.count()) > 0) {
      await unknown.first().click();
      await expect.poll(() => param(page, 'help')).toBe('unknown');
    }
    const plainUnknown = await page.evaluate(
      () =>
        [...document.querySelectorAll('.side-panel *')].filter(
          (el) => el.children.length === 0 && /^(Chưa rõ|khoảng)$/.test(el.textContent ?? '') && !el.closest('.help-mark'),
        ).length,
    );
    expect(plainUnknown).toBe(0);
    await page.close();
  });
});
