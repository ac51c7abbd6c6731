import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSession, waitForMap, watchPage } from './harness.ts';

/**
 * Print and image in Chromium: the print layout printed to PDF with the print media (its text read
 * back with poppler's pdftotext, its page size with pdfinfo, its map's resolution with pdfimages),
 * and the saved PNG (size, and not blank). The layouts and the image go to tests/artifacts/.
 */
const session = browserSession();

function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdfimages', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} not found: install Debian's poppler-utils (.ci/run does)`);
    throw e;
  }
}

async function open(path: string, viewport = { width: 1440, height: 900 }) {
  const page = await session.browser().newPage({ viewport });
  const watched = watchPage(page, session.server().origin);
  await page.goto(`${session.server().origin}${path}`);
  await waitForMap(page);
  return { page, watched };
}

/** Opens the print view; with `ready`, waits for its map (changing the paper first spares drawing it twice). */
async function openPrint(page: Page, ready = true) {
  await page.click('.map-tool:has-text("In"), .map-tool:has-text("Print")');
  if (ready) await page.waitForSelector('.print-sheet[data-ready]', { timeout: 120_000 });
}

/** Prints the layout to a PDF in tests/artifacts and returns its text, page facts and images. */
async function printToPdf(page: Page, name: string, sheetPx: { width: number; height: number }) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize(sheetPx);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const file = join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return { text: poppler('pdftotext', [file, '-']), info: poppler('pdfinfo', [file]), images: poppler('pdfimages', ['-list', file]) };
}

/** Widths of the images embedded in a PDF (pdfimages -list). */
const imageWidths = (list: string) =>
  list
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => Number(line.trim().split(/\s+/)[3]));

describe('printing the map', { timeout: 240_000 }, () => {
  it('prints A4 landscape to one page with the title, date, units, legend, scale, sources and the map at print resolution', async () => {
    const { page, watched } = await open('/?view=progress&asOf=2021-06-30');
    await openPrint(page);
    const sheet = page.locator('.print-sheet');
    expect(await sheet.getAttribute('data-paper')).toBe('a4-landscape');
    expect(await page.locator('.print-view[role=dialog][aria-modal=true]').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'print-view.png') });

    // The print button waits for the map, then asks the browser to print.
    await page.evaluate(() => {
      window.print = () => {
        (window as any).printed = true;
      };
    });
    await page.click('.print-now');
    await expect.poll(() => page.evaluate(() => (window as any).printed)).toBe(true);

    const { text, info, images } = await printToPdf(page, 'print-a4-landscape', { width: 1123, height: 794 });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    for (const s of [
      'Tiến độ NTM — tỉnh Điện Biên',
      'Tính đến 30/06/2021',
      'Đơn vị hành chính 01/01/2020 – 30/06/2025',
      'Chú giải',
      'Xã theo mức đạt chuẩn nông thôn mới',
      'Cơ bản đạt chuẩn',
      'Nguồn mâu thuẫn (viền gạch)',
      'Tỷ lệ 1 :',
      'Nguồn và giấy phép',
      'GADM 4.1',
      'OpenStreetMap',
    ])
      expect(text).toContain(s);
    // The map is embedded at about three device pixels per CSS pixel (≈ 290 dpi).
    expect(Math.max(...imageWidths(images))).toBeGreaterThan(2000);
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('prints A3 portrait in English with a title of the user’s own', async () => {
    const { page } = await open('/?view=investors&lang=en');
    await openPrint(page, false);
    await page.selectOption('.print-controls select', 'a3');
    await page.check('.print-orientation input[value=portrait]');
    await page.fill('.print-title-field input', 'Investment briefing — raw-material zones');
    await page.waitForSelector('.print-sheet[data-paper="a3-portrait"][data-ready]', { timeout: 120_000 });
    const { text, info } = await printToPdf(page, 'print-a3-portrait', { width: 1123, height: 1587 });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 119[01]\.\d+ pts \(A3\)/);
    for (const s of [
      'Investment briefing — raw-material zones',
      'As of 30 Jun 2025',
      'Legend',
      'OCOP products',
      'Raw-material zones',
      'Tea',
      'Sources and licences',
    ])
      expect(text).toContain(s);
    await page.close();
  });
});

describe('saving the map as PNG', { timeout: 180_000 }, () => {
  it('saves the map at twice its size with its title and legend, not blank', async () => {
    const { page, watched } = await open('/?view=progress', { width: 1400, height: 900 });
    const map = await page.locator('.map').boundingBox();
    const downloading = page.waitForEvent('download', { timeout: 90_000 });
    await page.click('.map-tool:has-text("PNG")');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('ban-do-dien-bien-2025-06-30.png');
    const file = join(ARTIFACTS, 'map-2x.png');
    copyFileSync((await download.path())!, file);
    const png = PNG.sync.read(readFileSync(file));
    expect([png.width, png.height]).toEqual([Math.round(map!.width) * 2, Math.round(map!.height) * 2]);

    // Not blank: the luminance varies, and the map's status colours are there.
    let sum = 0;
    let sumSq = 0;
    const colours = new Set<number>();
    const n = png.width * png.height;
    for (let i = 0; i < png.data.length; i += 4) {
      const y = 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
      sum += y;
      sumSq += y * y;
      colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    }
    expect(sumSq / n - (sum / n) ** 2).toBeGreaterThan(200);
    expect(colours.size).toBeGreaterThan(500);
    // The title box's dark text in the top-left corner.
    let dark = 0;
    for (let y = 24; y < 80; y++) for (let x = 24; x < 500; x++) if (png.data[(y * png.width + x) * 4] < 80) dark++;
    expect(dark).toBeGreaterThan(300);
    await expect.poll(() => page.locator('.map-tools [role=status]').textContent()).toContain('ban-do-dien-bien-2025-06-30.png');
    expect(watched.errors).toEqual([]);
    await page.close();
  });
});
