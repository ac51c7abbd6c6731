import { describe, expect, it } from 'vitest';
import { warningView } from '../../server/catalog/warnings.ts';
import { authTestApp } from '../helpers/auth.ts';
import { recognition, source } from '../helpers/edit-bodies.ts';
import { squareCoordinates as square } from '../helpers/shapes.ts';

/**
 * A write the data allows but a person should look at twice — a second NTM recognition for a commune's
 * year, a zone's stated area its drawn shape contradicts — is saved, and the answer says so, as the forms
 * and the import preview do: the edit API in `warnings` ({ code, message } in the request's language),
 * the OGC API (QGIS) in the X-Data-Warnings header (codes) and the answer feature's `warnings` member.
 */

const VI = { 'Accept-Language': 'vi' };
/** A square 0.01° across at 22° N: about 115 ha. */
const drawn = { type: 'Polygon', coordinates: square(103.35, 21.95, 0.01) };
const zone = (areaHa: number) => ({ name: 'Vùng chè Sín Chải', crop: 'tea', areaHa, year: '2025', geometry: drawn, source, reason: null });
const areaEn = /^the stated area, 10 ha, and the area the drawn shape measures, about 11\d ha, differ by more than 1\.5×: /;
const areaVi = /^diện tích ghi, 10 ha, và diện tích đo trên hình vẽ, khoảng 11\d ha, chênh nhau quá 1,5 lần: /;

async function setup() {
  const t = authTestApp();
  await t.addUser('ntm-editor', 'editor', { programmes: ['ntm'] });
  await t.addUser('zone-editor', 'editor', { programmes: ['zones'] });
  return t;
}

describe('the edit API’s warnings', () => {
  it('names the recognition on record when a second one is given for the commune’s year, in English or Vietnamese', async () => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    const first = await editor.request('POST', '/api/edits/recognitions', recognition);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    expect(firstBody.warnings).toEqual([]);

    const second = await editor.request('POST', '/api/edits/recognitions', {
      ...recognition,
      status: 'advanced',
      decision: { ref: '7/QĐ-UBND', date: '2025-02-01' },
    });
    expect(second.status).toBe(201);
    const secondBody = await second.json();
    expect(secondBody).toMatchObject({ communeCode: '03205', status: 'advanced', yearFor: 2024 });
    expect(secondBody.warnings).toEqual([
      {
        code: 'same_year_recognition',
        message: expect.stringMatching(
          /^the commune already has a recognition for 2024: “.+”, decision 123\/QĐ-UBND \(source: Báo cáo của Văn phòng Điều phối NTM tỉnh\)/,
        ),
      },
    ]);
    expect(warningView.array().safeParse(secondBody.warnings).success).toBe(true);

    // A correction, in Vietnamese: the record corrected does not count against itself; the first one does.
    const corrected = await editor.request(
      'PUT',
      `/api/edits/recognitions/${secondBody.id}`,
      { ...recognition, status: 'advanced', reason: 'sửa tiêu chí' },
      VI,
    );
    expect(corrected.status).toBe(200);
    expect((await corrected.json()).warnings).toEqual([
      { code: 'same_year_recognition', message: expect.stringMatching(/^xã đã có công nhận năm 2024: “.+”, quyết định 123\/QĐ-UBND \(nguồn: /) },
    ]);
    // Another year: nothing to warn of.
    const otherYear = await editor.request('POST', '/api/edits/recognitions', {
      ...recognition,
      yearFor: 2023,
      decision: { ref: '9/QĐ-UBND', date: '2024-01-10' },
    });
    expect((await otherYear.json()).warnings).toEqual([]);
    const retracted = await editor.request('POST', `/api/edits/recognitions/${secondBody.id}/retraction`, { reason: 'trùng', source });
    expect(retracted.status).toBe(200);
    expect((await retracted.json()).warnings).toEqual([]);
  });

  it('gives both figures when a zone’s stated area and its drawn shape disagree, on adding and on editing, in either language', async () => {
    const t = await setup();
    const editor = await t.login('zone-editor');
    const created = await editor.request('POST', '/api/edits/zones', zone(10));
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.areaHa).toBe(10);
    expect(body.warnings).toEqual([{ code: 'area_mismatch', message: expect.stringMatching(areaEn) }]);

    const vi = await editor.request('PUT', `/api/edits/zones/${body.id}`, { ...zone(10), reason: 'đo lại' }, VI);
    expect(vi.status).toBe(200);
    expect((await vi.json()).warnings).toEqual([{ code: 'area_mismatch', message: expect.stringMatching(areaVi) }]);

    const agreeing = await editor.request('PUT', `/api/edits/zones/${body.id}`, { ...zone(110), reason: 'đo lại' });
    expect((await agreeing.json()).warnings).toEqual([]);
    // A zone that is the extent of its communes measures no crop area: nothing is compared.
    const communes = await editor.request('POST', '/api/edits/zones', { ...zone(10), name: 'Vùng chè xã', geometry: null, communeCodes: ['03205'] });
    expect(communes.status).toBe(201);
    expect((await communes.json()).warnings).toEqual([]);
  });
});

describe('the OGC API’s warnings (QGIS)', () => {
  async function qgis() {
    const t = await setup();
    const gis = await t.addUser('gis', 'editor', { programmes: ['zones'] });
    const { token } = t.auth.tokens.issue(gis.id, 'QGIS', 30);
    const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      t.app.request(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/geo+json', ...headers },
        body: JSON.stringify(body),
      });
    return send;
  }
  const properties = (areaHa: number) => ({
    name: 'Vùng chè Sín Chải',
    crop: 'tea',
    areaHa,
    year: '2025',
    sourceTitle: 'Bản đồ vùng chè do Phòng Nông nghiệp huyện Tủa Chùa đo đạc',
    sourceDate: '2025-06-01',
    sourceUrl: 'https://tuachua.dienbien.gov.vn/vung-che',
  });

  it('names the codes in X-Data-Warnings and words them in the feature answered, on POST, PUT and PATCH', async () => {
    const send = await qgis();
    const created = await send('POST', '/ogc/collections/zones/items', { type: 'Feature', properties: properties(10), geometry: drawn });
    expect(created.status).toBe(201);
    expect(created.headers.get('X-Data-Warnings')).toBe('area_mismatch');
    const feature = await created.json();
    expect(feature).toMatchObject({ type: 'Feature', properties: { areaHa: 10 } });
    expect(feature.warnings).toEqual([{ code: 'area_mismatch', message: expect.stringMatching(areaEn) }]);
    const path = new URL(created.headers.get('Location')!).pathname;

    const replaced = await send('PUT', path, { type: 'Feature', properties: { ...properties(10), editReason: 'đo lại' }, geometry: drawn }, VI);
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('X-Data-Warnings')).toBe('area_mismatch');
    expect((await replaced.json()).warnings).toEqual([{ code: 'area_mismatch', message: expect.stringMatching(areaVi) }]);

    const patched = await send('PATCH', path, { type: 'Feature', properties: { ...properties(110), editReason: 'đo lại' }, geometry: null });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('X-Data-Warnings')).toBeNull();
    expect((await patched.json()).warnings).toEqual([]);
  });
});
