import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authTestApp, errorOf } from '../helpers/auth.ts';
import { recognition, source } from '../helpers/edit-bodies.ts';
import { EDITING_STRINGS } from '../../client/ui/i18n-editing.ts';
import { STRINGS } from '../../client/ui/i18n.ts';
import { createAuth } from '../../server/auth/auth.ts';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/config.ts';
import { AUDIT_ENTITIES } from '../../server/catalog/audit.ts';
import { IMPORT_KIND_IDS } from '../../server/catalog/imports.ts';
import { PROGRAMMES, ROLES } from '../../server/domain/access.ts';
import { PRODUCER_TYPES } from '../../server/domain/ocop.ts';
import { editMessages } from '../../server/messages/edits.ts';
import { importMessages } from '../../server/messages/imports.ts';
import { requestMessages } from '../../server/messages/requests.ts';
import { shapeMessages } from '../../server/messages/shapes.ts';
import { ENTITY_VI, IMPORT_KIND_VI, PRODUCER_TYPE_VI, PROGRAMME_VI, ROLE_VI } from '../../server/messages/vocabulary.ts';
import { csv, importApp, RECOGNITION_HEADER, SOURCE } from '../imports/helpers.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

/**
 * The API answers in words in the language the request asks for (Accept-Language: vi → Vietnamese),
 * and in English otherwise, as GDAL, QGIS and scripts expect; the codes never change.
 */
const VI = { 'Accept-Language': 'vi' };

async function setup() {
  const t = authTestApp();
  await t.addUser('ntm-editor', 'editor', { programmes: ['ntm'] });
  await t.addUser('zones-editor', 'editor', { programmes: ['zones'] });
  return t;
}

/** The same request in English (no Accept-Language) and in Vietnamese. */
async function both(send: (headers: Record<string, string>) => Response | Promise<Response>) {
  const [en, vi] = [await errorOf(await send({})), await errorOf(await send(VI))];
  expect(vi.status).toBe(en.status);
  expect(vi.body.error.code).toBe(en.body.error.code);
  expect(Object.keys(vi.body.error.fields ?? {})).toEqual(Object.keys(en.body.error.fields ?? {}));
  return { en: en.body.error, vi: vi.body.error, status: en.status };
}

describe('error messages in the language asked for', () => {
  it('a write body: each field says what is wrong in Vietnamese, our own checks in our words, zod’s in plain words', async () => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    const { status: _s, ...noStatus } = recognition;
    const body = { ...noStatus, criteriaMet: 25, decision: { ref: '', date: '2099-01-01' }, source: { ...source, url: 'ftp://x' } };
    const { en, vi, status } = await both((h) => editor.request('POST', '/api/edits/recognitions', body, h));
    expect(status).toBe(400);
    expect(en.code).toBe('invalid_body');
    expect(en.fields).toEqual({
      status: 'required',
      'decision.ref': 'is required',
      'decision.date': 'cannot be after today',
      criteriaMet: 'must be at most 19',
      'source.url': 'must be a web address starting with http:// or https://',
    });
    expect(vi.fields).toEqual({
      status: 'bắt buộc',
      'decision.ref': 'bắt buộc',
      'decision.date': 'không được sau ngày hôm nay',
      criteriaMet: 'không được lớn hơn 19',
      'source.url': 'phải là địa chỉ web bắt đầu bằng http:// hoặc https://',
    });
    expect(en.message).toBe('status: required');
    expect(vi.message).toBe('status: bắt buộc');
  });

  it('a check against the data: a commune not in its unit set, and a drawn zone that crosses itself', async () => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    const unknown = await both((h) => editor.request('POST', '/api/edits/recognitions', { ...recognition, communeCode: '99999' }, h));
    expect(unknown.en.fields).toEqual({ communeCode: 'no commune-level unit 99999 in the 2020–2025 units' });
    expect(unknown.vi.fields).toEqual({ communeCode: 'không có đơn vị cấp xã mã 99999 trong bộ đơn vị 2020–2025' });

    const zones = await t.login('zones-editor');
    const bowtie = [
      [103.35, 21.95],
      [103.36, 21.96],
      [103.36, 21.95],
      [103.35, 21.96],
      [103.35, 21.95],
    ];
    const zone = { name: 'Vùng chè thử', crop: 'tea', geometry: { type: 'Polygon', coordinates: [bowtie] }, source };
    const crossing = await both((h) => zones.request('POST', '/api/edits/zones', zone, h));
    expect(crossing.status).toBe(400);
    expect(crossing.en.fields.geometry).toBe('polygon 1 crosses itself (1 self-intersection)');
    expect(crossing.vi.fields.geometry).toBe('đa giác 1 tự cắt chính nó (1 chỗ tự cắt)');
  });

  it('a query parameter', async () => {
    const t = await setup();
    const { en, vi, status } = await both((h) => t.app.request('/api/communes?asOf=2099-01-01', { headers: h }));
    expect(status).toBe(400);
    expect(en.code).toBe('invalid_parameter');
    expect(en.message).toBe('asOf must be between 2010-01-01 and 2025-06-30 (the last day of the 2020–2025 units), got 2099-01-01');
    expect(vi.message).toBe('asOf phải từ 2010-01-01 đến 2025-06-30 (ngày cuối của bộ đơn vị 2020–2025), nhận được 2099-01-01');
    const unknown = await both((h) => t.app.request('/api/communes?asof=2024-01-01', { headers: h }));
    expect(unknown.en.code).toBe('unknown_parameter');
    expect(unknown.vi.message).toMatch(/^không có tham số "asof"; địa chỉ này nhận /);
  });

  it('a login refused, and a write without one', async () => {
    const t = await setup();
    const login = (h: Record<string, string>) =>
      t.app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...h },
        body: JSON.stringify({ login: 'ntm-editor', password: 'not the password at all' }),
      });
    const failed = await both(login);
    expect(failed).toMatchObject({ status: 401, en: { code: 'login_failed', message: 'Wrong login or password, or the account is disabled' } });
    expect(failed.vi.message).toBe('Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khoá');
    const anonymous = await both((h) =>
      t.app.request('/api/edits/recognitions', { method: 'POST', headers: { 'Content-Type': 'application/json', ...h }, body: JSON.stringify(recognition) }),
    );
    expect(anonymous).toMatchObject({ status: 401, en: { code: 'unauthenticated' } });
    expect(anonymous.vi.message).toBe('POST /api/edits/recognitions cần đăng nhập (POST /api/session) hoặc một API token');
  });

  it('a revert refused: the changes in the way, as the audit log numbers them, in the reader’s words', async () => {
    const t = await setup();
    await t.addUser('admin', 'admin');
    const editor = await t.login('ntm-editor');
    const created = await (await editor.request('POST', '/api/edits/recognitions', recognition)).json();
    await editor.request('PUT', `/api/edits/recognitions/${created.id}`, { ...recognition, criteriaMet: 18, reason: 'sai số tiêu chí' });
    const admin = await t.login('admin');
    const [correction, creation] = (await (await admin.request('GET', '/api/audit')).json()).entries;
    const revert = (id: number) => (h: Record<string, string>) => admin.request('POST', `/api/audit/${id}/revert`, { reason: 'nhập nhầm' }, h);
    const changedAgain = await both(revert(creation.id));
    expect(changedAgain).toMatchObject({ status: 409, en: { code: 'conflict' } });
    expect(changedAgain.en.message).toBe(
      `recognition ${created.id} was changed again after change ${creation.id} (by change ${correction.id}); revert those first`,
    );
    expect(changedAgain.vi.message).toBe(
      `công nhận NTM ${created.id} đã được sửa tiếp sau thay đổi #${creation.id} (bởi thay đổi #${correction.id}); hãy hoàn tác các thay đổi đó trước`,
    );
    const { id: by } = await (await admin.request('POST', `/api/audit/${correction.id}/revert`, { reason: 'nhập nhầm' })).json();
    const again = await both(revert(correction.id));
    expect(again.vi.message).toBe(`thay đổi #${correction.id} đã được hoàn tác bởi thay đổi #${by}`);
  });

  it('chooses by Accept-Language as browsers send it; anything but Vietnamese is English', async () => {
    const t = await setup();
    const message = async (lang: string) =>
      (await (await t.app.request('/api/communes?asof=x', { headers: { 'Accept-Language': lang } })).json()).error.message;
    expect(await message('vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7')).toMatch(/^không có tham số/);
    expect(await message('en-US,en;q=0.9,vi;q=0.8')).toMatch(/^unknown parameter/);
    expect(await message('fr-FR')).toMatch(/^unknown parameter/);
    expect(await message('vi;q=0')).toMatch(/^unknown parameter/);
    const res = await t.app.request('/api/communes?asof=x', { headers: VI });
    expect(res.headers.get('Vary')).toContain('Accept-Language');
  });
});

describe('an import preview’s issues in the language asked for', () => {
  it('cells, codes and zod’s checks of a table’s rows; the kept preview answers each reader in theirs', async () => {
    const t = importApp();
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const file = csv([
      RECOGNITION_HEADER,
      ['2020', '03208', 'đạt chuẩn', 2024, '13/QĐ-UBND', '31/02/2025'],
      ['2020', '99999', 'standard', 2024, '14/QĐ-UBND', '2025-01-10'],
      ['2020', '03205', 'standard', 1999, '15/QĐ-UBND', '2025-01-10'],
    ]);
    const upload = (h: Record<string, string>) => editor.upload('ntm-recognitions', 'cong-nhan.csv', file, { source: JSON.stringify(SOURCE) }, h);
    const en = await (await upload({})).json();
    const vi = await (await upload(VI)).json();
    expect(en.errors).toEqual([
      { row: 2, column: 'decisionDate', message: '"31/02/2025" is not a date; write YYYY-MM-DD or DD/MM/YYYY' },
      { row: 3, column: 'communeCode', message: 'no commune-level unit 99999 in the 2020–2025 units' },
      { row: 4, column: 'yearFor', message: 'must be at least 2010' },
    ]);
    expect(vi.errors).toEqual([
      { row: 2, column: 'decisionDate', message: '"31/02/2025" không phải là ngày; hãy viết YYYY-MM-DD hoặc DD/MM/YYYY' },
      { row: 3, column: 'communeCode', message: 'không có đơn vị cấp xã mã 99999 trong bộ đơn vị 2020–2025' },
      { row: 4, column: 'yearFor', message: 'không được nhỏ hơn 2010' },
    ]);
    // The preview is kept in both languages: read again, it answers in the reader's.
    const again = await (await editor.get(`/api/imports/${en.id}`, VI)).json();
    expect(again.errors).toEqual(vi.errors);
  });

  it('a zone’s shape that crosses itself, and one outside the province', async () => {
    const t = importApp();
    const editor = await t.user('zones1', 'editor', ['zones']);
    const feature = (name: string, ring: number[][]) => ({
      type: 'Feature',
      properties: { name, crop: 'tea' },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
    const bowtie = [
      [103.35, 21.95],
      [103.36, 21.96],
      [103.36, 21.95],
      [103.35, 21.96],
      [103.35, 21.95],
    ];
    const hanoi = [
      [105.8, 21.0],
      [105.81, 21.0],
      [105.81, 21.01],
      [105.8, 21.0],
    ];
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [feature('Vùng A', bowtie), feature('Vùng B', hanoi)] }));
    const upload = async (h: Record<string, string>) =>
      (await (await editor.upload('zones', 'vung.geojson', bytes, { source: JSON.stringify(SOURCE) }, h)).json()).errors;
    expect(await upload({})).toEqual([
      { row: 1, column: 'geometry', message: 'polygon 1 crosses itself (1 self-intersection)' },
      { row: 2, column: 'geometry', message: 'only 0 % of the shape lies in the province (at least 95 % is required)' },
    ]);
    expect(await upload(VI)).toEqual([
      { row: 1, column: 'geometry', message: 'đa giác 1 tự cắt chính nó (1 chỗ tự cắt)' },
      { row: 2, column: 'geometry', message: 'chỉ 0 % diện tích hình nằm trong tỉnh (cần ít nhất 95 %)' },
    ]);
  });

  it('a commit the editor refuses names the row’s record in the reader’s language, its unit set as the interface calls it', async () => {
    const t = importApp();
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const file = csv([RECOGNITION_HEADER, ['2020', '03205', 'standard', 2024, '5/QĐ-UBND', '2025-01-10']]);
    const preview = await (await editor.upload('ntm-recognitions', 'cong-nhan.csv', file, { source: JSON.stringify(SOURCE) })).json();
    expect(preview.canCommit).toBe(true);
    // The editor's rights narrow to another commune between the preview and the commit.
    const { accounts } = createAuth(t.db, DEFAULT_AUTH_CONFIG);
    await accounts.update(accounts.byLogin('ntm1')!.id, { units: [{ set: '2020', code: '03208' }] }, COMMAND_LINE);
    const commit = (h: Record<string, string>) => t.app.request(`/api/imports/${preview.id}/commit`, { method: 'POST', headers: { ...editor.headers, ...h } });
    const { en, vi, status } = await both(commit);
    expect(status).toBe(409);
    expect(en.code).toBe('import_refused');
    expect(en.message).toMatch(/^row 2 — Xã Na Son \(03205, the 2020–2025 units\): recognition “Met \(NTM commune\)” for 2024 — was refused: /);
    expect(vi.message).toBe(
      'dòng 2 — Xã Na Son (03205, bộ đơn vị 2020–2025): công nhận “đạt chuẩn” năm 2024 — bị từ chối: ntm1 (Biên tập) không được sửa dữ liệu Nông thôn mới ở đơn vị 03205 của bộ đơn vị 2020–2025; hãy xem trước tệp lại',
    );
  });

  it('an import the role does not allow: the role, the kind and the programme as the interface names them', async () => {
    const t = importApp();
    const editor = await t.user('zones1', 'editor', ['zones']);
    const file = csv([RECOGNITION_HEADER, ['2020', '03205', 'standard', 2024, '5/QĐ-UBND', '2025-01-10']]);
    const { en, vi, status } = await both((h) => editor.upload('ntm-recognitions', 'cong-nhan.csv', file, { source: JSON.stringify(SOURCE) }, h));
    expect(status).toBe(403);
    expect(en.message).toBe('zones1 (editor) may not import ntm-recognitions: it needs the editor role with the ntm programme');
    expect(vi.message).toBe('zones1 (Biên tập) không được nhập “Công nhận xã NTM”: cần vai trò Biên tập với lĩnh vực Nông thôn mới');
  });

  it('a file over the row limit: the limit in Vietnamese numbers', async () => {
    const t = importApp({ maxRows: 1500 });
    const editor = await t.user('ntm1', 'editor', ['ntm']);
    const rows = Array.from({ length: 1501 }, (_, i) => ['2020', '03205', 'standard', 2024, `${i}/QĐ-UBND`, '2025-01-10']);
    const file = csv([RECOGNITION_HEADER, ...rows]);
    const { en, vi } = await both((h) => editor.upload('ntm-recognitions', 'lon.csv', file, { source: JSON.stringify(SOURCE) }, h));
    expect(en).toEqual({ code: 'too_many_rows', message: 'lon.csv holds more than 1500 rows; at most 1500 are accepted in one import' });
    expect(vi.message).toBe('lon.csv có hơn 1.500 dòng; mỗi lần nhập chỉ nhận tối đa 1.500 dòng');
  });
});

describe('the message catalog', () => {
  it('names roles, programmes, producer types and import kinds with the interface’s words', () => {
    for (const role of ROLES) expect(ROLE_VI[role]).toBe(STRINGS[`role_${role}`].vi);
    for (const programme of PROGRAMMES) expect(PROGRAMME_VI[programme]).toBe(STRINGS[`programme_${programme}`].vi);
    for (const type of PRODUCER_TYPES) expect(PRODUCER_TYPE_VI[type]).toBe(STRINGS[`producerType_${type}`].vi);
    for (const entity of AUDIT_ENTITIES) expect(ENTITY_VI[entity]).toBe(EDITING_STRINGS[`entity_${entity}`].vi);
    for (const kind of IMPORT_KIND_IDS) {
      const ui = STRINGS[`importKind_${kind.replace('-', '_')}` as keyof typeof STRINGS].vi;
      expect(ui.startsWith(`${IMPORT_KIND_VI[kind]} (`)).toBe(true);
    }
  });

  it('words a busy check and the map tiles as a Vietnamese reader says them', () => {
    expect(importMessages.checksBusy(3).vi).toBe('Có 3 tệp đang được kiểm tra hoặc đang chờ; tệp này chưa được đọc, hãy thử lại sau một phút');
    expect(requestMessages.noTiledCollection('communes', 'zones').vi).toBe('không có lớp ô bản đồ (tile) communes; các lớp có là zones');
    expect(shapeMessages.partsOverlap(0, 2).vi).toMatch(/^đa giác 1 và 3 chồng lên nhau: /);
    expect(editMessages.stillListed('product', 'mat-ong', [{ entity: 'zone', id: 'vung-che' }]).vi).toBe(
      'sản phẩm OCOP mat-ong vẫn có trong vùng nguyên liệu vung-che: hãy sửa các mục đó trước',
    );
  });

  it('is written in Unicode NFC, as every name and text of the product', () => {
    const dir = join(import.meta.dirname, '..', '..', 'server', 'messages');
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(modules.length).toBeGreaterThan(5);
    for (const module of modules) {
      const text = readFileSync(join(dir, module), 'utf8');
      expect(text, module).toBe(text.normalize('NFC'));
    }
  });
});
