import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSession, waitForMap } from './harness.ts';

/** The planners' charts in Chromium: the date line, hover and keys, the gap table, targets, text. */
const session = browserSession();

async function open(path: string, width = 1440) {
  const page = await session.browser().newPage({ viewport: { width, height: 900 } });
  await page.goto(`${session.server().origin}${path}`);
  await waitForMap(page);
  const charts = page.locator('[data-testid=charts]');
  await charts.scrollIntoViewIfNeeded();
  await expect.poll(() => charts.locator('.plot svg').count()).toBeGreaterThanOrEqual(12);
  return { page, charts };
}

const asOfOf = (page: Page) => new URL(page.url()).searchParams.get('asOf') ?? '2025-06-30';

/** Where the chart's x axis puts a date, in page pixels, read from two of its year labels. */
async function xOfDate(plot: Locator, date: string): Promise<number> {
  const ticks = await plot.locator('[aria-label="x-axis tick label"] text').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { year: Number(el.textContent), x: r.left + r.width / 2 };
    }),
  );
  const [a, b] = [ticks[0], ticks.at(-1)!];
  const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
  return a.x + ((b.x - a.x) * (t(date) - t(`${a.year}-01-01`))) / (t(`${b.year}-01-01`) - t(`${a.year}-01-01`));
}

async function lineX(plot: Locator): Promise<number> {
  return plot.locator('.plot-now').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left + r.width / 2;
  });
}

describe('the charts', { timeout: 240_000 }, () => {
  it('draws the map’s date where the axis puts it, at desktop and phone width', async () => {
    for (const width of [1440, 390]) {
      const { page, charts } = await open('/?view=progress', width);
      for (const plot of [charts.locator('.plot').first(), charts.locator('.plot').nth(1)]) {
        await plot.scrollIntoViewIfNeeded();
        expect(Math.abs((await lineX(plot)) - (await xOfDate(plot, '2025-06-30')))).toBeLessThan(2.5);
      }
      await page.close();
    }
  });

  it('previews a year while hovered, goes back on leaving, and keeps it on a click', async () => {
    const { page, charts } = await open('/?view=progress&asOf=2021-06-30');
    const plot = charts.locator('.plot').first();
    await plot.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const svg = (await plot.locator('svg').boundingBox())!;
    const x = await xOfDate(plot, '2018-07-01');
    await page.mouse.move(x, svg.y + svg.height / 2);
    await page.mouse.move(x + 2, svg.y + svg.height / 2);
    await expect.poll(() => asOfOf(page)).toBe('2018-12-31');
    await page.mouse.move(5, 5);
    await expect.poll(() => asOfOf(page)).toBe('2021-06-30');
    await page.mouse.move(x, svg.y + svg.height / 2);
    await page.mouse.move(x + 2, svg.y + svg.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    expect(asOfOf(page)).toBe('2018-12-31');
    await page.close();
  });

  it('previews with the arrow keys, chooses with Enter, leaves with Escape', async () => {
    const { page, charts } = await open('/?view=progress&asOf=2021-06-30');
    const plot = charts.locator('.plot').first();
    await plot.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => asOfOf(page)).toBe('2020-12-31');
    await page.keyboard.press('Escape');
    await expect.poll(() => asOfOf(page)).toBe('2021-06-30');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect.poll(() => asOfOf(page)).toBe('2019-12-31');
    await page.close();
  });

  it('lists each reported total once in the gap table', async () => {
    const { page, charts } = await open('/?view=progress');
    await charts.locator('details.gaps > summary').click();
    const rows = await charts.locator('[data-testid=gaps] tbody tr').evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' ')));
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.filter((r) => r.startsWith('31/12/2020 · Xã đạt chuẩn NTM trở lên'))).toHaveLength(1);
    expect(rows.filter((r) => r.startsWith('31/12/2024 · Sản phẩm OCOP'))).toHaveLength(1);
    await page.close();
  });

  it('labels every target with its indicator and source; the 2020 targets are both for đạt chuẩn communes', async () => {
    const { page, charts } = await open('/?view=progress&asOf=2019-06-30');
    const titles = await charts.locator('svg title').allTextContents();
    const targets = titles.filter((x) => x.startsWith('Chỉ tiêu'));
    expect(targets.length).toBeGreaterThan(4);
    for (const x of targets) expect(x).toMatch(/^Chỉ tiêu \d{4} · [^:]+: .+\nNguồn: .+/);
    const in2020 = targets.filter((x) => x.startsWith('Chỉ tiêu 2020'));
    expect(in2020.map((x) => x.split(':')[0]).sort()).toEqual(['Chỉ tiêu 2020 · Xã đạt chuẩn NTM trở lên', 'Chỉ tiêu 2020 · Xã đạt chuẩn NTM trở lên']);
    expect(in2020.some((x) => x.includes('15 (Thủ tướng giao, 2016-2020)'))).toBe(true);
    const panelTargets = await page.locator('.indicator').filter({ hasText: 'Xã đạt chuẩn NTM trở lên' }).locator('[data-testid=target]').allTextContents();
    expect(panelTargets.some((x) => x.includes('Thủ tướng giao') && x.includes('VietNamNet'))).toBe(true);
    await page.close();
  });

  it('draws every NTM target’s star and number clear of the other stars, the reported totals and the chart’s edge, at desktop and phone width', async () => {
    for (const width of [1440, 390]) {
      const { page, charts } = await open('/?view=progress', width);
      const ntm = charts.locator('.plot svg').first();
      await ntm.scrollIntoViewIfNeeded();
      const boxes = (mark: string) =>
        ntm.locator(`g.${mark} > *`).evaluateAll((els) =>
          els.map((el) => {
            const r = el.getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom];
          }),
        );
      const [stars, numbers, reported] = [await boxes('ntm-target'), await boxes('ntm-target-value'), await boxes('ntm-reported')];
      const frame = (await ntm.boundingBox())!;
      const apart = (a: number[], b: number[]) => a[2] <= b[0] + 0.5 || b[2] <= a[0] + 0.5 || a[3] <= b[1] + 0.5 || b[3] <= a[1] + 0.5;
      const titles = await ntm.locator('g.ntm-target title').allTextContents();
      expect(stars).toHaveLength(titles.length);
      expect(numbers).toHaveLength(stars.length);
      expect(stars.length).toBeGreaterThanOrEqual(5);
      stars.forEach((a, i) => {
        for (const b of stars.slice(i + 1)) expect(apart(a, b), `stars ${i} at ${width}px`).toBe(true);
        for (const b of reported) expect(apart(a, b), `star ${i} and a reported total at ${width}px`).toBe(true);
      });
      numbers.forEach((n, i) => {
        for (const b of [...stars, ...reported]) expect(apart(n, b), `number ${i} at ${width}px`).toBe(true);
        expect(n[0] >= frame.x && n[2] <= frame.x + frame.width, `number ${i} inside the chart at ${width}px`).toBe(true);
      });
      await page.close();
    }
  });

  it('writes chart text at 11 px or more, with no two labels overlapping, and the districts on one scale', async () => {
    const { page, charts } = await open('/?view=progress');
    const texts = await charts.locator('svg text').evaluateAll((els) =>
      els
        .filter((el) => (el.textContent ?? '').trim() !== '' && el.getBoundingClientRect().width > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            svg: [...document.querySelectorAll('.plot svg')].indexOf(el.closest('svg')!),
            text: el.textContent,
            size: Number.parseFloat(getComputedStyle(el).fontSize),
            r: [r.left, r.top, r.right, r.bottom],
          };
        }),
    );
    expect(Math.min(...texts.map((x) => x.size))).toBeGreaterThanOrEqual(11);
    const clash = texts.flatMap((a, i) =>
      texts.slice(i + 1).filter((b) => a.svg === b.svg && a.r[0] < b.r[2] - 0.5 && b.r[0] < a.r[2] - 0.5 && a.r[1] < b.r[3] - 0.5 && b.r[1] < a.r[3] - 0.5),
    );
    expect(clash).toEqual([]);
    const yTops = await charts
      .locator('.multiple')
      .evaluateAll((figs) => figs.map((f) => [...f.querySelectorAll('[aria-label="y-axis tick label"] text')].map((t) => t.textContent).at(-1)));
    expect(new Set(yTops).size).toBe(1);
    await charts.getByLabel('Mỗi huyện một thang riêng').check();
    await expect
      .poll(
        async () =>
          new Set(
            await charts
              .locator('.multiple')
              .evaluateAll((figs) => figs.map((f) => [...f.querySelectorAll('[aria-label="y-axis tick label"] text')].map((t) => t.textContent).at(-1))),
          ).size,
      )
      .toBeGreaterThan(1);
    await page.screenshot({ path: join(ARTIFACTS, 'charts-1440.png'), fullPage: false });
    await page.close();
  });
});
