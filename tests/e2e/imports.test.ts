import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open.ts';
import { twoZoneTablesGeoPackage } from '../helpers/gdal.ts';
import { E2E_PASSWORD, logInAs, withUsers } from './accounts.ts';
import { ARTIFACTS, launchBrowser, type RunningServer, startServer, waitForMap, watchPage } from './harness.ts';

/**
 * The import page in Chromium: an NTM editor downloads the template, uploads a CSV with one bad
 * row and sees that row's error beside it (nothing written), then a corrected file, commits it,
 * and the map recolours the commune.
 */
let server: RunningServer;
let browser: Browser;
let dbPath = '';
beforeAll(async () => {
  server = await startServer({
    prepare: async (path) => {
      dbPath = path;
      await withUsers([
        { login: 'ntm1', role: 'editor', programmes: ['ntm'] },
        { login: 'admin1', role: 'admin' },
      ])(path);
    },
  });
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const header =
  'Bộ đơn vị hành chính (unitSet),Mã xã (communeCode),Mức đạt (status),Công nhận cho năm (yearFor),Số quyết định (decisionRef),Ngày quyết định (decisionDate)';

/** Chooses a file on the import page and gives the shared source of its rows. */
async function chooseFile(dialog: Locator, file: string, date: string, url: string) {
  await dialog.locator('input[type=file]').setInputFiles(file);
  await dialog.getByLabel(/Tên văn bản nguồn/).fill('Quyết định công nhận xã đạt chuẩn NTM năm 2024');
  await dialog.getByLabel(/Ngày văn bản/).fill(date);
  await dialog.getByLabel(/Đường dẫn/).fill(url);
}

/** Chooses a file on the import page, gives the shared source of its rows, and asks for the preview. */
async function preview(dialog: Locator, file: string, date: string, url: string) {
  await chooseFile(dialog, file, date, url);
  await dialog.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();
}

/** The import page of an admin (every kind), opened over the map. */
async function importPageOf(login: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watched = watchPage(page, server.origin);
  await page.goto(`${server.origin}/?view=progress&asOf=2025-06-30`);
  await waitForMap(page);
  await logInAs(page, login);
  await page.locator('.account-button.import').click();
  return { page, dialog: page.locator('dialog.wide'), ...watched };
}

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
    await preview(dialog, good, '2025-01-10', 'https://dienbien.gov.vn/qd-12');
    await dialog.locator('tr.import-create').waitFor();
    await dialog.getByRole('button', { name: /Ghi vào dữ liệu/ }).click();
    await dialog.locator('.import-result code').waitFor();
    expect(await dialog.locator('.import-result code').textContent()).toMatch(/^imp-/);
    await page.screenshot({ path: join(ARTIFACTS, 'import-committed.png') });
    await expect.poll(status, { timeout: 20_000 }).toBe('standard');
    expect(errors).toEqual([]);
  }, 120_000);

  it('names the unit sets a boundary import may replace by their dates, as the map does, not by their codes', async () => {
    const { dialog, errors } = await importPageOf('admin1');
    await dialog.locator('select').first().selectOption('boundaries');
    const options = dialog.locator('select[name=unitSet] option');
    await options.first().waitFor({ state: 'attached' });
    expect(await options.evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]))).toEqual([
      ['2019', 'đơn vị đến 31/12/2019'],
      ['2020', 'đơn vị 01/01/2020 – 30/06/2025'],
      ['2025', 'đơn vị từ 01/07/2025'],
    ]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('fits a phone: no field of the import page runs past the dialog’s edge, whichever kind is chosen', async () => {
    const { page, dialog } = await importPageOf('admin1');
    await page.setViewportSize({ width: 390, height: 844 });
    const overflowing = () =>
      dialog.evaluate((d) => {
        const right = d.getBoundingClientRect().right;
        return [...d.querySelectorAll('form select, form input, form fieldset, form textarea')]
          .filter((e) => e.getBoundingClientRect().right > right + 0.5)
          .map((e) => e.getAttribute('name') ?? e.tagName);
      });
    await dialog.locator('input[name=sourceTitle]').waitFor();
    expect(await overflowing()).toEqual([]);
    await dialog.locator('select').first().selectOption('boundaries');
    await dialog.locator('select[name=unitSet]').waitFor();
    expect(await overflowing()).toEqual([]);
    // The licence's terms (several lines) in the app's font like every other field, not the browser's monospace, whose Vietnamese marks stand apart.
    const font = (selector: string) => dialog.locator(selector).evaluate((e) => getComputedStyle(e).fontFamily);
    expect(await font('textarea[name=licenceTerms]')).toBe(await font('input[name=sourceTitle]'));
    await page.close();
  }, 60_000);

  it('keeps the file and its preview when the session ends before the commit: the login dialog opens, and after it the commit goes through', async () => {
    // The import page is the wide dialog (the login dialog opens over it later).
    const { page, dialog } = await importPageOf('ntm1');
    const dir = join(tmpdir(), `e2e-import-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'cong-nhan-het-phien.csv');
    writeFileSync(file, `\uFEFF${header}\n2020,03155,standard,2024,14/QĐ-UBND,2025-01-10\n`);
    await preview(dialog, file, '10/01/2025', 'https://dienbien.gov.vn/qd-14');
    await dialog.locator('tr.import-create').waitFor();

    // 31 minutes without a request, as the server's clock sees it.
    const db = openDatabase(dbPath);
    db.prepare('UPDATE sessions SET last_seen_at = last_seen_at - ?').run(31 * 60_000);
    db.close();
    await dialog.getByRole('button', { name: /Ghi vào dữ liệu/ }).click();
    const login = page.locator('form.login-form');
    await login.waitFor();
    expect(await login.locator('.session-ended').textContent()).toContain('ntm1');
    await page.screenshot({ path: join(ARTIFACTS, 'import-session-ended.png') });
    await login.locator('input[name=password]').fill(E2E_PASSWORD);
    await login.locator('button[type=submit]').click();
    await page.locator('.user-chip').waitFor({ timeout: 15_000 });
    // The preview is still there; committing it now works.
    await dialog.locator('tr.import-create').waitFor();
    await dialog.getByRole('button', { name: /Ghi vào dữ liệu/ }).click();
    await dialog.locator('.import-result code').waitFor();
    expect(await dialog.locator('.import-result code').textContent()).toMatch(/^imp-/);
  }, 120_000);

  it('closes when someone else logs in after the session ended: what was opened for one user is not left to the next', async () => {
    const { page, dialog } = await importPageOf('ntm1');
    await dialog.waitFor();
    const dir = join(tmpdir(), `e2e-import-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'cong-nhan-nguoi-khac.csv');
    writeFileSync(file, `\uFEFF${header}\n2020,03155,standard,2024,14/QĐ-UBND,2025-01-10\n`);

    const db = openDatabase(dbPath);
    db.prepare('UPDATE sessions SET last_seen_at = last_seen_at - ?').run(31 * 60_000);
    db.close();
    await preview(dialog, file, '10/01/2025', 'https://dienbien.gov.vn/qd-14');
    const login = page.locator('form.login-form');
    await login.waitFor();
    await login.locator('input[name=login]').fill('admin1');
    await login.locator('input[name=password]').fill(E2E_PASSWORD);
    await login.locator('button[type=submit]').click();
    await page.locator('.user-chip').waitFor({ timeout: 15_000 });
    await expect.poll(() => dialog.count()).toBe(0);
  }, 120_000);

  it('offers a GeoPackage’s tables when it holds several, and previews the one chosen', async () => {
    const { page, dialog, errors } = await importPageOf('admin1');
    await dialog.locator('select').first().selectOption('zones');
    const file = twoZoneTablesGeoPackage();
    await preview(dialog, file, '10/01/2025', 'https://dienbien.gov.vn/vung');
    // The server names the tables (400 choose_layer, error.layers); the page offers them.
    const layer = dialog.getByLabel('Lớp (bảng, shapefile) cần nhập');
    await layer.waitFor();
    expect(await layer.locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]))).toEqual([
      ['', '— chọn một lớp —'],
      ['vung_ca_phe', 'vung_ca_phe'],
      ['vung_che', 'vung_che'],
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'import-choose-layer.png') });
    await layer.selectOption('vung_che');
    await dialog.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();
    const summary = dialog.locator('.import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^tables\.gpkg \(geopackage, vung_che\): 1 /);
    expect(await dialog.locator('tr.import-create').textContent()).toContain('Vùng chè Shan tuyết Tủa Chùa');
    // Only the refusal that named the tables was an error.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 120_000);

  it('refuses text typed in a TCVN3 font saying how it reads, then converts it when the old font is chosen, showing it in the preview', async () => {
    const { dialog, errors } = await importPageOf('ntm1');
    const dir = join(tmpdir(), `e2e-import-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'cong-nhan-tcvn3.csv');
    // "Đạt 19/19 tiêu chí" typed with a .VnTime font, then saved as CSV UTF-8.
    writeFileSync(file, `\uFEFF${header},Ghi chú tiêu chí (criteriaText)\n2020,03232,standard,2024,15/QĐ-UBND,2025-01-10,§¹t 19/19 tiªu chÝ\n`);
    await preview(dialog, file, '10/01/2025', 'https://dienbien.gov.vn/qd-15');
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^dòng 2, cột criteriaText: "§¹t 19\/19 tiªu chÝ" được gõ bằng phông TCVN3 \(ABC\), không phải Unicode: đọc là "Đạt 19\/19 tiêu chí"\./,
    );
    await dialog.getByLabel(/Phông chữ cũ/).selectOption('TCVN3');
    await dialog.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();
    const row = dialog.locator('tr.import-create');
    await row.waitFor();
    expect(await row.textContent()).toContain('đã chuyển mã từ TCVN3 (ABC) sang Unicode: "§¹t 19/19 tiªu chÝ" → "Đạt 19/19 tiêu chí"');
    expect(await dialog.getByRole('button', { name: /Ghi vào dữ liệu/ }).isDisabled()).toBe(false);
    await dialog.page().screenshot({ path: join(ARTIFACTS, 'import-legacy-font.png') });
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 120_000);

  it('stores the English terms and the attribution given for a boundary licence', async () => {
    const { dialog, errors } = await importPageOf('admin1');
    await dialog.locator('select').first().selectOption('boundaries');
    await dialog.locator('select[name=unitSet]').selectOption('2025');
    // The set's own communes, keyed as the province's GIS staff would send them.
    const units = await (await fetch(`${server.origin}/api/units?set=2025`)).json();
    const features = units.features
      .filter((f: any) => f.properties.level === 'commune')
      .map((f: any) => ({ type: 'Feature', properties: { ma_xa: f.properties.code }, geometry: f.geometry }));
    const dir = join(tmpdir(), `e2e-import-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'ranh-gioi-2025.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    await chooseFile(dialog, file, '10/01/2025', 'https://sonnmt.dienbien.gov.vn/ranh-gioi');
    const licence = {
      title: 'Ranh giới hành chính chính thức (Sở NN&MT, 2025)',
      attribution: '© Sở Nông nghiệp và Môi trường tỉnh Điện Biên',
      vi: 'Được phép sử dụng và phân phối lại, ghi rõ nguồn.',
      en: 'Use and redistribution allowed with attribution.',
    };
    // Checked with the API's own schema before anything is sent: the Vietnamese terms are required.
    await dialog.getByLabel('Giấy phép: tên / chủ sở hữu dữ liệu').fill(licence.title);
    await dialog.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();
    const termsVi = dialog.getByLabel('Điều khoản sử dụng', { exact: true });
    await expect.poll(() => termsVi.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('.field-error').allTextContents()).toEqual(['Bắt buộc']);
    await dialog.getByLabel('Giấy phép: dòng ghi nguồn (để trống: dùng tên)').fill(licence.attribution);
    await termsVi.fill(licence.vi);
    await dialog.getByLabel('Điều khoản sử dụng bằng tiếng Anh (để trống: dùng bản tiếng Việt)').fill(licence.en);
    await dialog.getByLabel('Được phép phân phối lại').check();
    await dialog.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();
    await dialog.locator('.import-preview').waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: /Ghi vào dữ liệu/ }).click();
    await dialog.locator('.import-result code').waitFor({ timeout: 60_000 });
    const config = await (await fetch(`${server.origin}/api/config`)).json();
    expect(config.boundaries['2025']).toMatchObject({
      title: licence.title,
      attribution: licence.attribution,
      terms: { vi: licence.vi, en: licence.en },
      redistributable: true,
    });
    expect(errors).toEqual([]);
  }, 120_000);
});
