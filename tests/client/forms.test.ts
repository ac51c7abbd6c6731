import { describe, expect, it, vi } from 'vitest';
import type { ProductProperties } from '../../server/catalog/properties.ts';
import type { RecognitionRecord } from '../../server/catalog/records.ts';
import { productInput, recognitionInput, zoneInput } from '../../server/catalog/writes.ts';
import { ApiRequestError } from '../../client/api.ts';
import { addRenewal, checkProduct, emptyCertificate, expiryOf, productBody, productDraft } from '../../client/ui/forms/product-logic.ts';
import {
  checkCorrection,
  checkRecord,
  checkRetraction,
  recognitionBody,
  recognitionDraft,
  sameYearWarnings,
  suggestedYearFor,
} from '../../client/ui/forms/recognition-logic.ts';
import { emptySource, sourceBody } from '../../client/ui/forms/source-logic.ts';
import { checkTarget, targetBody, targetDraft } from '../../client/ui/forms/target-logic.ts';
import { serverErrors, validate } from '../../client/ui/forms/validate.ts';
import { areaWarning, checkDeletion, checkZone, polygonFromGeoJson, vertexCount, zoneBody, zoneDraft } from '../../client/ui/forms/zone-logic.ts';
import { squareCoordinates } from '../helpers/shapes.ts';
import { actionLabel, changedFields, entityLabel } from '../../client/ui/history/describe.ts';
import { EDITING_STRINGS } from '../../client/ui/i18n-editing.ts';
import { AUDIT_KINDS, actorName } from '../../server/catalog/audit.ts';
import { loginBodySchema, newTokenSchema, userPatchSchema } from '../../server/domain/accounts.ts';
import { fieldMessages as F } from '../../server/messages/fields.ts';
import { fieldTexts, WRITE_PARSE } from '../../server/messages/issues.ts';

/** The editing forms' logic, pure: drafts → bodies checked with the server's own write schemas. */
const source = { ...emptySource(), title: 'Quyết định 123/QĐ-UBND', date: '2025-01-10', url: 'https://ntm.dienbien.gov.vn/qd' };

describe('validation with the server’s write schemas', () => {
  it('keys errors by field path as the server’s error.fields does, in the user’s language', () => {
    const checked = validate(recognitionInput, recognitionBody({ ...recognitionDraft('2020', '03205'), criteriaMet: '25' }), 'vi');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      criteriaMet: 'Không được lớn hơn 19',
      'source.title': 'Bắt buộc',
      'source.date': 'Cần một ngày (ngày/tháng/năm)',
      'source.url': 'Cần đường dẫn hoặc tệp PDF của văn bản',
    });
    const en = validate(recognitionInput, recognitionBody({ ...recognitionDraft('2020', '03205'), yearFor: 'abc', source }), 'en');
    expect(en).toEqual({ ok: false, errors: { yearFor: 'Must be a number' } });
  });

  it('words the account forms’ checks from the message catalog in the reader’s language, never zod’s or the browser’s English', () => {
    expect(validate(loginBodySchema, { login: '', password: '' }, 'vi')).toEqual({ ok: false, errors: { login: 'Bắt buộc', password: 'Bắt buộc' } });
    expect(validate(newTokenSchema, { name: 'QGIS', expiresInDays: 0 }, 'vi')).toEqual({ ok: false, errors: { expiresInDays: 'Không được nhỏ hơn 1' } });
    // A patch that changes nothing: the schema's own refinement, in our words.
    expect(validate(userPatchSchema, {}, 'vi')).toEqual({
      ok: false,
      errors: { body: 'Chưa có gì để thay đổi: hãy sửa họ tên, vai trò, lĩnh vực, đơn vị, trạng thái khoá hoặc mật khẩu' },
    });
    expect(validate(userPatchSchema, {}, 'en')).toEqual({
      ok: false,
      errors: { body: 'Name the fields to change: name, role, programmes, units, disabled or password' },
    });
    // positive(): 0 itself is refused, so the bound is said as "more than".
    const zone = zoneBody({ ...zoneDraft(), name: 'Vùng chè', crop: 'tea', areaHa: '0', source });
    expect(validate(zoneInput, zone, 'vi')).toMatchObject({ ok: false, errors: { areaHa: 'Phải lớn hơn 0' } });
    expect(validate(zoneInput, zone, 'en')).toMatchObject({ ok: false, errors: { areaHa: 'Must be more than 0' } });
  });

  it('refuses a decision or source after today and a year after this one, by the browser’s clock when the form is checked', () => {
    vi.useFakeTimers({ now: new Date('2025-07-01T20:00:00Z') }); // 2 July, 03:00 in the province
    try {
      const d = {
        ...recognitionDraft('2020', '03205'),
        status: 'standard',
        yearFor: '2025',
        decisionRef: '5/QĐ-UBND',
        decisionDate: '2025-07-02',
        source: { ...source, date: '2025-07-02' },
      };
      expect(checkRecord(d, 'en').ok).toBe(true);
      expect(checkRecord({ ...d, decisionDate: '2025-07-03', yearFor: '2026', source: { ...source, date: '2099-01-01' } }, 'vi')).toEqual({
        ok: false,
        errors: { yearFor: 'Không được sau năm hiện tại', 'decision.date': 'Không được sau ngày hôm nay', 'source.date': 'Không được sau ngày hôm nay' },
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the server’s field errors (worded in the language the request asked for) and names the refusal', () => {
    const err = new ApiRequestError(400, 'invalid_body', 'source.url: …', {
      'source.url': F.webLink.vi,
      communeCode: 'không có xã 99999 trong bộ đơn vị 2020–2025',
    });
    expect(serverErrors(err, 'vi').fields).toEqual({
      'source.url': 'Phải là địa chỉ web bắt đầu bằng http:// hoặc https://',
      communeCode: 'Không có xã 99999 trong bộ đơn vị 2020–2025',
    });
    expect(serverErrors(err, 'vi').message).toBe('Hãy sửa các ô được đánh dấu.');
    expect(serverErrors(new ApiRequestError(403, 'forbidden', 'lan may not edit ocop'), 'vi').message).toBe(
      'Tài khoản không có quyền này: lan may not edit ocop',
    );
    expect(serverErrors(new ApiRequestError(401, 'unauthenticated', 'POST /api/edits/recognitions needs a login'), 'en').message).toBe(
      'Not saved: your session has ended. Log in again — what you typed stays here — then save again',
    );
  });

  it.each(['vi', 'en'] as const)('words each issue as the API does (in %s), but for a typed date and a unit picked from a list', (l) => {
    const body = recognitionBody({ ...recognitionDraft('2020', ''), yearFor: 'abc', criteriaMet: '25', source: { ...source, url: 'ftp://x' } });
    const parsed = recognitionInput.safeParse(body, WRITE_PARSE);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const api = Object.fromEntries(Object.entries(fieldTexts(parsed.error)).map(([path, text]) => [path, text[l]]));
    const checked = validate(recognitionInput, body, l);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(Object.keys(api).sort());
    for (const [path, message] of Object.entries(checked.errors)) {
      if (path === 'communeCode') expect(message).toBe(EDITING_STRINGS.errCommune[l]);
      else expect(message.toLowerCase()).toBe(api[path].toLowerCase());
    }
    expect(checked.errors['source.url']).toBe(`${F.webLink[l].charAt(0).toUpperCase()}${F.webLink[l].slice(1)}`);
  });

  it('accepts a link or an uploaded PDF as the source, and refuses javascript: links', () => {
    expect(sourceBody({ ...source, url: '  ' })).toMatchObject({ url: null, fileId: null });
    expect(checkRecord({ ...recognitionDraft('2020', '03205'), source: { ...source, url: '', fileId: 7, fileName: 'qd.pdf' } }, 'vi').ok).toBe(true);
    const js = checkRecord({ ...recognitionDraft('2020', '03205'), source: { ...source, url: 'javascript:alert(1)' } }, 'en');
    expect(js).toEqual({ ok: false, errors: { 'source.url': 'Must be a web address starting with http:// or https://' } });
  });
});

describe('the NTM recognition form', () => {
  const existing: RecognitionRecord = {
    id: '03205-standard-2024',
    unitSet: '2020',
    communeCode: '03205',
    status: 'standard',
    yearFor: 2024,
    countsFrom: '2024-12-31',
    decision: { ref: '123/QĐ-UBND', date: '2025-01-10' },
    criteriaMet: 19,
    criteriaText: null,
    disputed: false,
    disputeNote: null,
    recordedAs: null,
    retracted: null,
    sources: [],
  };

  it('turns the typed draft into the body of POST /api/edits/recognitions', () => {
    const d = {
      ...recognitionDraft('2025', '03328'),
      status: 'advanced',
      yearFor: '2024',
      decisionRef: '5/QĐ-UBND',
      decisionDate: '2025-01-05',
      criteriaMet: '',
      source,
    };
    const checked = checkRecord(d, 'vi');
    expect(checked).toEqual({
      ok: true,
      value: {
        unitSet: '2025',
        communeCode: '03328',
        status: 'advanced',
        yearFor: 2024,
        decision: { ref: '5/QĐ-UBND', date: '2025-01-05' },
        criteriaMet: null,
        criteriaText: null,
        source: { ...sourceBody(source) },
      },
    });
    // No decision at all is allowed (the source may not name it); half a decision is not.
    expect(recognitionBody({ ...d, decisionRef: '', decisionDate: '' }).decision).toBeNull();
    expect(checkRecord({ ...d, decisionDate: '' }, 'vi')).toEqual({ ok: false, errors: { 'decision.date': 'Cần một ngày (ngày/tháng/năm)' } });
  });

  it('fills a correction from the recognition and needs a reason; a retraction needs a reason and a source', () => {
    const d = recognitionDraft('2020', '03205', existing);
    expect(d).toMatchObject({ status: 'standard', yearFor: '2024', decisionRef: '123/QĐ-UBND', decisionDate: '2025-01-10', criteriaMet: '19' });
    expect(checkCorrection({ ...d, source }, 'vi')).toEqual({ ok: false, errors: { reason: 'Bắt buộc' } });
    expect(checkCorrection({ ...d, source, reason: 'ghi nhầm năm' }, 'vi').ok).toBe(true);
    expect(checkRetraction(d, 'vi')).toEqual({
      ok: false,
      errors: {
        reason: 'Bắt buộc',
        'source.title': 'Bắt buộc',
        'source.date': 'Cần một ngày (ngày/tháng/năm)',
        'source.url': 'Cần đường dẫn hoặc tệp PDF của văn bản',
      },
    });
  });

  it('warns, naming the one on record with its decision and source, when a draft gives the commune a second status for a year', () => {
    const sourced = {
      ...existing,
      sources: [{ title: 'Quyết định công nhận xã đạt chuẩn NTM năm 2024', ref: '', date: '2025-01-10', confidence: 'high' as const, url: null, note: '' }],
    };
    const basic = { ...recognitionDraft('2020', '03205'), status: 'basic', yearFor: '2024' };
    const [warning, ...more] = sameYearWarnings(basic, [sourced], null);
    expect(more).toEqual([]);
    expect(warning.vi).toBe(
      'xã đã có công nhận năm 2024: “đạt chuẩn”, quyết định 123/QĐ-UBND (nguồn: Quyết định công nhận xã đạt chuẩn NTM năm 2024); thao tác này thêm lần công nhận thứ hai cho cùng năm — nếu là đính chính, hãy sửa bản ghi đó thay vì thêm mới',
    );
    expect(warning.en).toMatch(/^the commune already has a recognition for 2024: “Met \(NTM commune\)”, decision 123\/QĐ-UBND \(source: Quyết định/);
    // Correcting that very record, another year, another commune, or a retracted record: nothing to warn of.
    expect(sameYearWarnings(basic, [sourced], sourced.id)).toEqual([]);
    expect(sameYearWarnings({ ...basic, yearFor: '2023' }, [sourced], null)).toEqual([]);
    expect(sameYearWarnings({ ...basic, yearFor: '' }, [sourced], null)).toEqual([]);
    expect(sameYearWarnings({ ...basic, communeCode: '03206' }, [sourced], null)).toEqual([]);
    expect(sameYearWarnings(basic, [{ ...sourced, retracted: { at: '2025-02-01', reason: 'nhầm' } }], null)).toEqual([]);
  });

  it('suggests the year before the decision as the year it is for', () => {
    expect(suggestedYearFor('2025-01-10')).toBe('2024');
    expect(suggestedYearFor('2025-01')).toBe('');
  });
});

describe('the OCOP product form', () => {
  it('prefills the expiry 36 months after the decision and says it is the default; a stated one wins', () => {
    expect(expiryOf({ ...emptyCertificate(), decisionDate: '2020-03-01' })).toEqual({ date: '2023-02-28', isDefault: true });
    expect(expiryOf({ ...emptyCertificate(), decisionDate: '2021-01-31' })).toEqual({ date: '2024-01-30', isDefault: true });
    expect(expiryOf(emptyCertificate())).toEqual({ date: null, isDefault: true });
    expect(expiryOf({ ...emptyCertificate(), decisionDate: '2020-03-01', statedExpiry: '2022-12-31' })).toEqual({ date: '2022-12-31', isDefault: false });
  });

  it('sends no expiry when the source states none (the server applies the same 36-month rule), and each renewal as a further certificate', () => {
    let d = { ...productDraft(undefined, '03205'), name: 'Chè Shan tuyết', producerName: 'HTX Chè', producerType: 'cooperative', group: 'II', source };
    d = { ...d, certificates: [{ stars: '3', decisionRef: '1/QĐ', decisionDate: '2020-03-01', statedExpiry: '' }] };
    d = addRenewal(d);
    expect(d.certificates[1].stars).toBe('3');
    d.certificates[1] = { stars: '4', decisionRef: '2/QĐ', decisionDate: '2023-04-15', statedExpiry: '2026-12-31' };
    const body = productBody(d);
    expect(body.place).toEqual({ kind: 'commune', communeCode: '03205' });
    expect(body.certificates).toEqual([
      { stars: 3, decision: { ref: '1/QĐ', date: '2020-03-01' }, expiresOn: null },
      { stars: 4, decision: { ref: '2/QĐ', date: '2023-04-15' }, expiresOn: '2026-12-31' },
    ]);
    expect(productInput.safeParse(body).success).toBe(true);
    expect(checkProduct(d, false, 'vi').ok).toBe(true);
    expect(checkProduct(d, true, 'vi')).toEqual({ ok: false, errors: { reason: 'Bắt buộc' } });
  });

  it('needs a point when placed on the map, and a commune when placed in one', () => {
    const d = { ...productDraft(), name: 'Mật ong', producerName: 'Hộ ông A', source };
    d.certificates = [{ stars: '3', decisionRef: '1/QĐ', decisionDate: '2022-01-01', statedExpiry: '' }];
    const noPoint = checkProduct({ ...d, placeKind: 'point' }, false, 'vi');
    expect(noPoint.ok).toBe(false);
    expect(Object.keys((noPoint as { errors: object }).errors)).toEqual(['place.point']);
    expect(checkProduct({ ...d, placeKind: 'point', point: [103.1, 21.4] }, false, 'vi').ok).toBe(true);
    expect(checkProduct(d, false, 'vi')).toEqual({ ok: false, errors: { 'place.communeCode': 'Chọn một xã' } });
  });

  it('fills an edit from the product: a marker away from its commune’s label point was picked on the map; stated expiries kept', () => {
    const props = {
      name: 'Gạo Điện Biên',
      producer: 'HTX Noong Nhai',
      producerType: 'cooperative',
      group: 'I',
      location: 'commune',
      communeCode: '03205',
      districtCode: '100',
      ratings: [
        { stars: 3, year: 2020, yearText: null, inferred: false, decision: { ref: '1/QĐ', date: '2020-03-01' }, expiresOn: '2023-02-28' },
        { stars: 4, year: 2023, yearText: null, inferred: false, decision: { ref: '2/QĐ', date: '2023-04-15' }, expiresOn: '2025-12-31' },
      ],
    } as unknown as ProductProperties;
    const picked = productDraft({ properties: props, point: [103.01, 21.3], communePoint: [103, 21.3] });
    expect(picked).toMatchObject({ placeKind: 'point', point: [103.01, 21.3], producerType: 'cooperative' });
    expect(picked.certificates.map((c) => c.statedExpiry)).toEqual(['', '2025-12-31']);
    expect(productDraft({ properties: props, point: [103, 21.3], communePoint: [103, 21.3] }).placeKind).toBe('commune');
  });
});

describe('the zone form', () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [103.0, 21.3],
        [103.02, 21.3],
        [103.02, 21.32],
        [103.0, 21.3],
      ],
    ],
  };

  it('sends the drawn or uploaded shape, or the communes whose extent the zone is', () => {
    const d = { ...zoneDraft(undefined, '03205'), name: 'Vùng chè', areaHa: '120,5', year: '2024', source };
    expect(d.shapeKind).toBe('communes');
    expect(zoneBody(d)).toMatchObject({ areaHa: 120.5, year: '2024', geometry: null, communeCodes: ['03205'] });
    expect(checkZone(d, false, 'vi', 'no shape').ok).toBe(true);
    const drawn = { ...d, shapeKind: 'draw' as const, geometry: square };
    expect(zoneBody(drawn)).toMatchObject({ geometry: square, communeCodes: [] });
    expect(zoneInput.safeParse(zoneBody(drawn)).success).toBe(true);
    expect(checkZone({ ...drawn, geometry: null }, false, 'vi', 'no shape')).toEqual({ ok: false, errors: { geometry: 'no shape' } });
    expect(checkZone({ ...d, year: '24' }, true, 'en', 'no shape')).toEqual({
      ok: false,
      errors: { year: 'Must be a year, e.g. 2024', reason: 'Is required' },
    });
    // A deletion says why and on which source, like any edit.
    expect(checkDeletion({ ...d, reason: '', source }, 'vi')).toEqual({ ok: false, errors: { reason: 'Bắt buộc' } });
    expect(checkDeletion({ ...d, reason: 'Trùng với vùng khác', source: emptySource() }, 'vi').ok).toBe(false);
    expect(checkDeletion({ ...d, reason: 'Trùng với vùng khác', source }, 'vi')).toMatchObject({
      ok: true,
      value: { reason: 'Trùng với vùng khác', source: { title: source.title } },
    });
  });

  it('warns, with both figures, while the stated area and the drawn shape’s measured area differ by more than 1.5×', () => {
    // A square 0.02° across at 22° N: about 459 ha.
    const drawn = { ...zoneDraft(), shapeKind: 'draw' as const, geometry: { type: 'Polygon' as const, coordinates: squareCoordinates(103.35, 21.95, 0.02) } };
    const warning = areaWarning({ ...drawn, areaHa: '120' });
    expect(warning?.vi).toBe(
      'diện tích ghi, 120 ha, và diện tích đo trên hình vẽ, khoảng 459 ha, chênh nhau quá 1,5 lần: số liệu ghi được giữ nguyên như nguồn nêu; hãy kiểm tra lại số liệu hoặc hình vẽ',
    );
    expect(warning?.en).toMatch(/^the stated area, 120 ha, and the area the drawn shape measures, about 459 ha, differ by more than 1.5×/);
    expect(areaWarning({ ...drawn, areaHa: '1200' })?.en).toMatch(/stated area, 1200 ha/);
    expect(areaWarning({ ...drawn, areaHa: '400' })).toBeNull();
    // No figure, one the form refuses, no shape yet, or the extent of communes (which measures no crop): nothing to compare.
    expect(areaWarning({ ...drawn, areaHa: '' })).toBeNull();
    expect(areaWarning({ ...drawn, areaHa: 'abc' })).toBeNull();
    expect(areaWarning({ ...drawn, areaHa: '120', geometry: null })).toBeNull();
    expect(areaWarning({ ...drawn, areaHa: '120', shapeKind: 'communes', communeCodes: ['03205'] })).toBeNull();
  });

  it('reads polygons from a GeoJSON file and refuses files that are not lon/lat', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: square },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [103, 21] } },
      ],
    };
    expect(polygonFromGeoJson(JSON.stringify(fc))).toEqual({ ok: true, geometry: square });
    const two = polygonFromGeoJson(JSON.stringify({ type: 'GeometryCollection', geometries: [square, square] }));
    expect(two.ok && two.geometry.type).toBe('MultiPolygon');
    // Corners as drawn: the closing position of each ring is not counted again.
    expect(two.ok && vertexCount(two.geometry)).toBe(6);
    expect(polygonFromGeoJson('{"type":')).toEqual({ ok: false, problem: 'notJson' });
    expect(polygonFromGeoJson(JSON.stringify({ type: 'Point', coordinates: [103, 21] }))).toEqual({ ok: false, problem: 'noPolygon' });
    const vn2000 = {
      type: 'Polygon',
      coordinates: [
        [
          [500000, 2360000],
          [501000, 2360000],
          [501000, 2361000],
          [500000, 2360000],
        ],
      ],
    };
    expect(polygonFromGeoJson(JSON.stringify(vn2000))).toEqual({ ok: false, problem: 'notLonLat' });
  });
});

describe('the target form', () => {
  it('needs a target or a reported total, and numbers where numbers go', () => {
    const d = { ...targetDraft(undefined, 'ocop-products', 'Tỉnh Điện Biên'), indicator: 'Sản phẩm OCOP', source };
    expect(checkTarget(d, false, 'vi')).toEqual({ ok: false, errors: { target: 'Cần chỉ tiêu hoặc số báo cáo' } });
    const ok = { ...d, actual: '150 sản phẩm', actualValue: '150', actualDate: '2025-06-01' };
    expect(targetBody(ok)).toMatchObject({ indicatorKey: 'ocop-products', actualValue: 150, targetValue: null, target: null });
    expect(checkTarget(ok, false, 'vi').ok).toBe(true);
    expect(checkTarget({ ...ok, targetYear: '20x5' }, false, 'en')).toEqual({ ok: false, errors: { targetYear: 'Must be a number' } });
  });
});

describe('history in words', () => {
  it('says what changed, field by field, before → after', () => {
    const before = { status: 'standard', yearFor: 2024, decision: { ref: '123/QĐ-UBND', date: '2025-01-10' }, criteriaMet: 19, retracted: null };
    const after = { ...before, status: 'advanced' };
    expect(changedFields('recognition', before, after, 'vi')).toEqual([{ label: 'Mức đạt chuẩn NTM', before: 'Đạt chuẩn', after: 'Nâng cao' }]);
    expect(changedFields('recognition', null, before, 'vi')).toEqual([
      { label: 'Mức đạt chuẩn NTM', before: null, after: 'Đạt chuẩn' },
      { label: 'Công nhận cho năm', before: null, after: '2024' },
      { label: 'Quyết định', before: null, after: '123/QĐ-UBND, 10/01/2025' },
      { label: 'Số tiêu chí đạt', before: null, after: '19/19' },
    ]);
    expect(changedFields('zone', { crop: 'tea', areaHa: 120 }, { crop: 'coffee', areaHa: 120 }, 'en')).toEqual([
      { label: 'Crop', before: 'Tea', after: 'Coffee' },
    ]);
    expect(actionLabel('revert', 'vi')).toBe('Hoàn tác');
  });

  it('dates a retraction by the province’s clock (Vietnam), not by UTC', () => {
    const before = { status: 'standard', yearFor: 2024, retracted: null };
    const after = { ...before, retracted: { at: '2026-11-27T23:03:00.000Z', reason: 'Nhập nhầm' } };
    expect(changedFields('recognition', before, after, 'vi')).toEqual([{ label: 'Đã thu hồi', before: null, after: '28/11/2026 — Nhập nhầm' }]);
  });

  it.each(AUDIT_KINDS.flatMap((e) => (['vi', 'en'] as const).map((l) => [e, l] as const)))('names the record kind %s in %s', (entity, l) => {
    const key = `entity_${entity}`;
    expect(Object.hasOwn(EDITING_STRINGS, key), key).toBe(true);
    expect(entityLabel(entity, l)).toBe(EDITING_STRINGS[key as keyof typeof EDITING_STRINGS][l]);
  });

  it('describes a change to an account as the users page shows it, and a revoked token', () => {
    const before = {
      login: 'lan',
      name: 'Lan',
      role: 'viewer',
      programmes: [],
      units: [],
      disabled: false,
      passwordChangedAt: '2025-07-01T08:00:00.000Z',
      activeSessions: 1,
    };
    const after = { ...before, role: 'editor', programmes: ['ntm', 'ocop'], units: [{ set: '2020', code: '095' }], disabled: true, activeSessions: 0 };
    expect(changedFields('account', before, after, 'vi')).toEqual([
      { label: 'Vai trò', before: 'Chỉ xem', after: 'Biên tập' },
      { label: 'Lĩnh vực được cập nhật', before: null, after: 'Nông thôn mới, OCOP' },
      { label: 'Giới hạn đơn vị', before: null, after: '2020:095' },
      { label: 'Trạng thái', before: 'Đang hoạt động', after: 'Đã khoá' },
      { label: 'Phiên', before: '1', after: '0' },
    ]);
    expect(changedFields('account', before, { ...before, passwordChangedAt: '2025-07-02T09:30:00.000Z', activeSessions: 0 }, 'en').map((f) => f.label)).toEqual(
      ['Password set', 'Sessions'],
    );
    const token = { name: 'qgis', user: 'lan', revokedAt: null };
    expect(changedFields('api_token', token, { ...token, revokedAt: '2025-07-01T08:00:00.000Z' }, 'en')).toEqual([
      { label: 'Revoked', before: null, after: expect.stringContaining('2025') },
    ]);
  });

  it('shows a refused revert as the server words it, in the language the request asked for', () => {
    const vi = 'công nhận NTM 03205-standard-2024 đã được sửa tiếp sau thay đổi #1 (bởi thay đổi #2, #3); hãy hoàn tác các thay đổi đó trước';
    expect(serverErrors(new ApiRequestError(409, 'conflict', vi), 'vi').message).toBe(`Không thực hiện được vì có xung đột: ${vi}`);
  });
  it('describes a created token with its expiry, a login lockout and its end (the audit log’s account events)', () => {
    const token = {
      id: 3,
      name: 'qgis',
      prefix: 'dbm_abcdef',
      user: 'lan',
      createdAt: '2025-07-01T08:00:00.000Z',
      expiresAt: '2025-12-27T20:00:00.000Z',
      revokedAt: null,
    };
    expect(changedFields('api_token', null, token, 'vi')).toEqual([
      { label: 'Tên đăng nhập', before: null, after: 'lan' },
      { label: 'Tên gợi nhớ', before: null, after: 'qgis' },
      // The province's date (28 December at 03:00 in Vietnam), not the UTC one.
      { label: 'Hết hạn', before: null, after: '28/12/2025' },
    ]);
    const lockout = { user: 'lan', failures: 10, lockedUntil: '2025-07-01T08:15:00.000Z', address: '198.51.100.7' };
    expect(changedFields('lockout', null, lockout, 'en')).toEqual([
      { label: 'Login', before: null, after: 'lan' },
      { label: 'Failed logins', before: null, after: '10' },
      { label: 'Locked until', before: null, after: expect.stringContaining('15:15') },
      { label: 'Address', before: null, after: '198.51.100.7' },
    ]);
    expect(changedFields('lockout', { user: 'lan', failures: 3, lockedUntil: null }, null, 'vi')).toEqual([
      { label: 'Tên đăng nhập', before: 'lan', after: null },
      { label: 'Số lần đăng nhập sai', before: '3', after: null },
    ]);
    expect(entityLabel('lockout', 'vi')).toBe('tạm khoá đăng nhập');
  });

  it('names who made a change: a user by their login, the command line and the login throttle in the reader’s language', () => {
    expect(actorName({ userId: 7, userLogin: 'lan' }, 'vi')).toBe('lan');
    expect(actorName({ userId: null, userLogin: 'command line' }, 'vi')).toBe('dòng lệnh (npm run user)');
    expect(actorName({ userId: null, userLogin: 'login throttle' }, 'vi')).toBe('bộ giới hạn đăng nhập');
    expect(actorName({ userId: null, userLogin: 'login throttle' }, 'en')).toBe('login throttle');
  });
});

describe('history names', () => {
  it('names the units and products a change holds, when the record knows them', () => {
    const names = { unit: (c: string) => (c === '03205' ? 'Xã Na Son (03205)' : c), product: (id: string) => (id === 'che' ? 'Chè Shan tuyết' : id) };
    expect(changedFields('zone', null, { communeCodes: ['03205', '99999'], productLinks: [{ id: 'che' }] }, 'vi', names)).toEqual([
      { label: 'Địa bàn', before: null, after: 'Xã Na Son (03205), 99999' },
      { label: 'Sản phẩm và chủ thể phụ thuộc', before: null, after: 'Chè Shan tuyết' },
    ]);
  });
});
