import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInAs, withUsers } from './accounts.ts';
import { ARTIFACTS, launchBrowser, type RunningServer, startServer, waitForMap, watchPage } from './harness.ts';

/**
 * The import page in Chromium: an NTM editor downloads the template, uploads a CSV with one bad
 * row and sees that row's error beside it (nothing written), then a corrected file, commits it,
 * and the map recolours the commune.
 */
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ prepare: withUsers([{ login: 'ntm1', role: 'editor', programmes: ['ntm'] }]) });
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const header =
  'Bộ đơn vị hành chính (unitSet),Mã xã (communeCode),Mức đạt (status),Công nhận cho năm (yearFor),Số quyết định (decisionRef),Ngày quyết định (decisionDate)';

describe('the import page', () => {
  it('shows a bad row’s error beside it, then commits a clean file and the map follows', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { errors } = watchPage(page, server.origin);
    await page.goto(`${server.origin}/?view=progress&asOf=2025-06-30`);
    await waitForMap(page);
    const status = () =>
      page.evaluate(() => {
        const map = (window as unknown as { ntmMap: { getFeatureState(f: { source: string; id: string }): Record<string, unknown> } }).ntmMap;
        return map.getFeatureState({ source: 'communes', id: '03205' }).ntmStatus;
      });
    expect(await status()).toBe('none');
    await logInAs(page, 'ntm1');
    await page.locator('.account-button.import').click();
    const dialog = page.locator('dialog');
    await expect.poll(() => dialog.locator('.import-templates a').count()).toBe(2);
    // An NTM editor is offered only what they may import: no zones, boundaries or OCOP products to end in a 403.
    expect(
      await dialog
        .locator('select')
        .first()
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['ntm-recognitions']);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('.import-templates a', { hasText: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('mau-nhap-cong-nhan-ntm.csv');

    const dir = join(tmpdir(), `e2e-import-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const bad = join(dir, 'cong-nhan.csv');
    writeFileSync(bad, `\uFEFF${header}\n2020,03205,standard,2024,12/QĐ-UBND,2025-01-10\n2020,99999,standard,2024,13/QĐ-UBND,2025-01-10\n`);
    await dialog.locator('input[type=file]').setInputFiles(bad);
    await dialog.getByLabel(/Tên văn bản nguồn/).fill('Quyết định công nhận xã đạt chuẩn NTM năm 2024');
    // Typed as Vietnamese staff write it: 10 January 2025.
    await dialog.getByLabel(/Ngày văn bản/).fill('10/01/2025');
    await dialog.getByLabel(/Đường dẫn/).fill('https://dienbien.gov.vn/qd-12');
    await page.screenshot({ path: join(ARTIFACTS, 'import-form.png') });
    await dialog.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();
    const shared = dialog.locator('.import-shared-source');
    await shared.waitFor();
    expect(await shared.textContent()).toBe(
      'Nguồn chung gắn cho các dòng không ghi nguồn: Quyết định công nhận xã đạt chuẩn NTM năm 2024 (10/01/2025) — https://dienbien.gov.vn/qd-12',
    );
    const errorRow = dialog.locator('tr.import-error');
    await errorRow.waitFor();
    await expect.poll(() => errorRow.textContent()).toContain('không có đơn vị cấp xã mã 99999 trong bộ đơn vị 2020–2025');
    expect(await errorRow.locator('td').first().textContent()).toBe('3');
    expect(await dialog.getByRole('button', { name: /Ghi vào dữ liệu/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'import-preview-errors.png') });

    await dialog.getByRole('button', { name: /Chọn tệp khác/ }).click();
    const good = join(dir, 'cong-nhan-sua.csv');
    writeFileSync(good, `\uFEFF${header}\n2020,03205,standard,2024,12/QĐ-UBND,2025-01-10\n`);
    await dialog.locator('input[type=file]').setInputFiles(good);
    await dialog.getByLabel(/Tên văn bản nguồn/).fill('Quyết định công nhận xã đạt chuẩn NTM năm 2024');
    await dialog.getByLabel(/Ngày văn bản/).fill('2025-01-10');
    await dialog.getByLabel(/Đường dẫn/).fill('https://dienbien.gov.vn/qd-12');
    await dialog.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();
    await dialog.locator('tr.import-create').waitFor();
    await dialog.getByRole('button', { name: /Ghi vào dữ liệu/ }).click();
    await dialog.locator('.import-result code').waitFor();
    expect(await dialog.locator('.import-result code').textContent()).toMatch(/^imp-/);
    await page.screenshot({ path: join(ARTIFACTS, 'import-committed.png') });
    await expect.poll(status, { timeout: 20_000 }).toBe('standard');
    expect(errors).toEqual([]);
  }, 120_000);
});
