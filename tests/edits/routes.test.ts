import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { auditResponse, historyResponse } from '../../server/catalog/audit.ts';
import { authTestApp, errorOf } from '../helpers/auth.ts';
import { recognition, source } from '../helpers/edit-bodies.ts';
import { squareCoordinates as square } from '../helpers/shapes.ts';

/** The edit routes over HTTP: who may write what, CSRF, body validation beside each field, history, revert, source files. */

async function setup() {
  const t = authTestApp();
  await t.addUser('admin', 'admin');
  await t.addUser('ntm-editor', 'editor', { programmes: ['ntm'] });
  await t.addUser('ocop-editor', 'editor', { programmes: ['ocop'] });
  await t.addUser('tua-chua-editor', 'editor', { programmes: ['ntm'], units: [{ set: '2020', code: '098' }] });
  await t.addUser('viewer', 'viewer');
  return t;
}
const status = async (t: Awaited<ReturnType<typeof setup>>, code: string, asOf = '2025-06-30') =>
  (await (await t.app.request(`/api/communes?asOf=${asOf}`)).json()).features.find((f: { id: string }) => f.id === code).properties.ntmStatus;

describe('edit routes', () => {
  it('an NTM editor records a recognition; the map data, the unit’s history and the audit log follow at once', async () => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    expect(await status(t, '03205')).toBe('none');
    const res = await editor.request('POST', '/api/edits/recognitions', recognition);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(await status(t, '03205')).toBe('standard');
    const history = await (await t.app.request('/api/history?unitSet=2020&unitCode=03205')).json();
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]).toMatchObject({ action: 'create', entity: 'recognition', entityId: created.id });
    expect(history.entries[0]).not.toHaveProperty('userLogin');
    // Nor in the records it shows, nor in the map's data: who made a change is for admins.
    expect(JSON.stringify(history)).not.toContain('ntm-editor');
    expect(await (await t.app.request('/api/communes?asOf=2025-06-30')).text()).not.toContain('ntm-editor');
    // A code names a unit only within its set.
    expect(await errorOf(await t.app.request('/api/history?unitCode=03205'))).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter' } } });
    // Logins stay with admins: filtering anyone's history by who made the changes would tell whether a login edited the unit.
    expect(await errorOf(await t.app.request('/api/history?unitSet=2020&unitCode=03205&user=editor1'))).toMatchObject({
      status: 400,
      body: { error: { code: 'unknown_parameter' } },
    });
    // Each entry carries the source it cites, so a card shows it without another request.
    expect(history.entries[0].source).toEqual({ title: source.title, date: source.date, url: source.url });
    expect(historyResponse.safeParse(history).success).toBe(true);
    const admin = await t.login('admin');
    const audit = await (await admin.request('GET', '/api/audit?entity=recognition')).json();
    expect(audit.entries[0]).toMatchObject({ userLogin: 'ntm-editor', action: 'create', source: { title: source.title } });
    expect(auditResponse.safeParse(audit).success).toBe(true);
    // Nor in a change logged before edits stopped naming their editor in the record.
    t.db
      .prepare(`INSERT INTO audit_log (at, user_login, action, entity, entity_id, after)
        VALUES ('2026-01-01T00:00:00Z', 'old.editor', 'create', 'recognition', 'old-1', ?)`)
      .run(JSON.stringify({ citations: [{ sourceId: 1, origin: 'edit by old.editor' }] }));
    const old = await (await t.app.request('/api/history?entity=recognition&entityId=old-1')).json();
    expect(old.entries[0].after.citations[0].origin).toBe('edit');
    expect(JSON.stringify(old)).not.toContain('old.editor');
  });

  it('deletes a zone only with a reason and a source (400 naming source), and the deletion cites it', async () => {
    const t = await setup();
    const admin = await t.login('admin');
    const path = '/api/edits/zones/che-shan-tuyet-tua-chua';
    const bare = await admin.request('DELETE', path, { reason: 'Trùng với vùng khác' });
    expect(await errorOf(bare)).toMatchObject({ status: 400, body: { error: { code: 'invalid_body', fields: { source: expect.any(String) } } } });
    const ids = async () => (await (await t.app.request('/api/zones?skipGeometry=true')).json()).features.map((f: { id: string }) => f.id);
    expect(await ids()).toContain('che-shan-tuyet-tua-chua');
    expect((await admin.request('DELETE', path, { reason: 'Trùng với vùng khác', source })).status).toBe(204);
    expect(await ids()).not.toContain('che-shan-tuyet-tua-chua');
    const [entry] = (await (await admin.request('GET', '/api/audit?entity=zone')).json()).entries;
    expect(entry).toMatchObject({ action: 'delete', entityId: 'che-shan-tuyet-tua-chua', source: { title: source.title } });
  });

  it('refuses a zone whose MultiPolygon parts overlap, or nest, with a 400 naming the parts; parts touching at a corner are saved', async () => {
    const t = await setup();
    const admin = await t.login('admin');
    const zone = (...parts: Position[][][]) => ({
      name: 'Vùng chè hai mảnh',
      crop: 'tea',
      areaHa: 120,
      year: '2025',
      geometry: { type: 'MultiPolygon', coordinates: parts },
      source,
      reason: null,
    });
    const count = async () => (await (await t.app.request('/api/zones?skipGeometry=true')).json()).features.length;
    const before = await count();
    const crossing = await errorOf(await admin.request('POST', '/api/edits/zones', zone(square(103.35, 21.95, 0.02), square(103.36, 21.96, 0.02))));
    expect(crossing).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_body', fields: { geometry: expect.stringMatching(/^polygons 1 and 2 overlap/) } } },
    });
    const nested = await errorOf(await admin.request('POST', '/api/edits/zones', zone(square(103.355, 21.955, 0.005), square(103.35, 21.95, 0.02))));
    expect(nested).toMatchObject({ status: 400, body: { error: { fields: { geometry: expect.stringMatching(/^polygon 1 lies inside polygon 2/) } } } });
    expect(await count()).toBe(before);
    const corner = await admin.request('POST', '/api/edits/zones', zone(square(103.35, 21.95, 0.02), square(103.37, 21.97, 0.02)));
    expect(corner.status).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a zone with a ring of no area (corners on one line) with a 400 naming the ring, in the language asked for', async () => {
    const t = await setup();
    const admin = await t.login('admin');
    const line: Position[] = [
      [103.35, 21.95],
      [103.36, 21.96],
      [103.37, 21.97],
      [103.35, 21.95],
    ];
    const zone = {
      name: 'Vùng chè thẳng hàng',
      crop: 'tea',
      areaHa: 12,
      year: '2025',
      geometry: { type: 'Polygon', coordinates: [line] },
      source,
      reason: null,
    };
    const english = await errorOf(await admin.request('POST', '/api/edits/zones', zone));
    expect(english).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_body', fields: { geometry: 'polygon 1, ring 1: the ring has no area (all its corners lie on one line)' } } },
    });
    const vietnamese = await errorOf(await admin.request('POST', '/api/edits/zones', zone, { 'Accept-Language': 'vi' }));
    expect(vietnamese.body.error.fields.geometry).toBe('đa giác 1, vòng 1: vòng không có diện tích (mọi đỉnh nằm trên một đường thẳng)');
  });

  it('refuses anonymous (401), viewers and other programmes (403), units outside the scope (403), and a missing CSRF token (403)', async () => {
    const t = await setup();
    expect(
      (await t.app.request('/api/edits/recognitions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(recognition) }))
        .status,
    ).toBe(401);
    expect((await (await t.login('viewer')).request('POST', '/api/edits/recognitions', recognition)).status).toBe(403);
    expect((await (await t.login('ocop-editor')).request('POST', '/api/edits/recognitions', recognition)).status).toBe(403);
    const scoped = await t.login('tua-chua-editor');
    const outside = await errorOf(await scoped.request('POST', '/api/edits/recognitions', recognition));
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('03205');
    // Sín Chải (03247) lies in Tủa Chùa (098): the district scope covers it.
    expect((await scoped.request('POST', '/api/edits/recognitions', { ...recognition, communeCode: '03247' })).status).toBe(201);
    const noCsrf = await scoped.request('POST', '/api/edits/recognitions', recognition, { 'X-CSRF-Token': 'wrong' });
    expect(noCsrf.status).toBe(403);
    expect(await status(t, '03205')).toBe('none');
  });

  it('answers a bad body with a 400 naming each wrong field, and a source without link or document is refused', async () => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    const bad = await errorOf(
      await editor.request('POST', '/api/edits/recognitions', { ...recognition, status: 'excellent', criteriaMet: 25, source: { ...source, url: null } }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['criteriaMet', 'source.url', 'status']);
    const unit = await errorOf(await editor.request('POST', '/api/edits/recognitions', { ...recognition, communeCode: '99999' }));
    expect(unit.body.error.fields).toEqual({ communeCode: 'no commune-level unit 99999 in the 2020–2025 units' });
  });

  it('lets an admin revert a change, itself logged; others may not', async () => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    await editor.request('POST', '/api/edits/recognitions', recognition);
    const admin = await t.login('admin');
    const [entry] = (await (await admin.request('GET', '/api/audit')).json()).entries;
    expect((await editor.request('POST', `/api/audit/${entry.id}/revert`, { reason: 'entered by mistake' })).status).toBe(403);
    const reverted = await admin.request('POST', `/api/audit/${entry.id}/revert`, { reason: 'entered by mistake' });
    expect(reverted.status).toBe(201);
    const revert = await reverted.json();
    expect(revert).toMatchObject({ action: 'revert', reverts: entry.id, userLogin: 'admin', revertedBy: null });
    expect(await status(t, '03205')).toBe('none');
    // The reverted change names its revert, in the audit log and in the public history, even when the revert is not listed.
    const [listed] = (await (await admin.request('GET', `/api/audit?before=${revert.id}&limit=1`)).json()).entries;
    expect(listed).toMatchObject({ id: entry.id, revertedBy: revert.id });
    const history = (await (await t.app.request('/api/history?unitSet=2020&unitCode=03205')).json()).entries;
    expect(history.find((e: { id: number }) => e.id === entry.id).revertedBy).toBe(revert.id);
  });

  it('keeps uploaded PDFs as sources and serves them only as downloads; anything else is refused', async () => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    const form = (bytes: string, name: string) => {
      const f = new FormData();
      f.set('file', new File([bytes], name, { type: 'application/pdf' }));
      return f;
    };
    const upload = (body: FormData) =>
      t.app.request('/api/source-files', { method: 'POST', body, headers: { Cookie: editor.cookie!, 'X-CSRF-Token': editor.csrfToken! } });
    expect((await upload(form('<html><script>alert(1)</script>', 'x.pdf'))).status).toBe(415);
    const ok = await upload(form('%PDF-1.4 quyết định', 'Quyết định 123.pdf'));
    expect(ok.status).toBe(201);
    const { id } = await ok.json();
    const res = await editor.request('POST', '/api/edits/recognitions', { ...recognition, source: { ...source, url: null, fileId: id } });
    expect(res.status).toBe(201);
    const file = await t.app.request(`/api/source-files/${id}`);
    expect(file.headers.get('Content-Type')).toBe('application/pdf');
    expect(file.headers.get('Content-Disposition')).toMatch(/^attachment;/);
    expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const props = (await (await t.app.request('/api/communes/03205')).json()).properties;
    expect(props.sources[0].url).toBe(`/api/source-files/${id}`);
    const history = await (await t.app.request('/api/history?unitSet=2020&unitCode=03205')).json();
    expect(history.entries[0].source).toEqual({ title: source.title, date: source.date, url: `/api/source-files/${id}` });
  });
});

describe('dates after today, and fields left out', () => {
  // The app's clock says 2025-07-01 08:00 UTC: 15:00 on 1 July in the province.
  it.each([
    ['decision.date', { ...recognition, decision: { ref: '123/QĐ-UBND', date: '2025-07-02' } }],
    ['source.date', { ...recognition, source: { ...source, date: '2025-07-02' } }],
    ['decision.date', { ...recognition, decision: { ref: '123/QĐ-UBND', date: '2099-03-10' } }],
    ['source.date', { ...recognition, source: { ...source, date: '2099-01-01' } }],
    ['yearFor', { ...recognition, yearFor: 2026 }],
  ])('refuses %s after today by the app’s clock (400 naming it), and writes nothing', async (field, body) => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    const res = await editor.request('POST', '/api/edits/recognitions', body);
    const { status: code, body: error } = await errorOf(res);
    expect(code).toBe(400);
    expect(error.error.code).toBe('invalid_body');
    expect(error.error.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: cannot be after (today|the current year)$`));
    expect(Object.keys(error.error.fields)).toEqual([field]);
    expect(await status(t, '03205')).toBe('none');
  });

  it('today in the province is accepted, though it is still yesterday in UTC', async () => {
    const t = await setup();
    t.advance(15 * 3600_000); // 2025-07-01 23:00 UTC: 2 July 06:00 in the province
    const editor = await t.login('ntm-editor');
    const today = { ...recognition, yearFor: 2025, decision: { ref: '9/QĐ-UBND', date: '2025-07-02' }, source: { ...source, date: '2025-07-02' } };
    expect((await editor.request('POST', '/api/edits/recognitions', today)).status).toBe(201);
  });

  it('a product’s certificate decision cannot be dated after today either', async () => {
    const t = await setup();
    const editor = await t.login('ocop-editor');
    const product = {
      name: 'Chè Shan tuyết thử',
      producer: { name: 'HTX Thử' },
      group: 'I',
      place: { kind: 'district', districtCode: '098' },
      certificates: [{ stars: 3, decision: { ref: '1/QĐ-UBND', date: '2025-08-01' } }],
      source,
    };
    expect(await errorOf(await editor.request('POST', '/api/edits/products', product))).toMatchObject({
      status: 400,
      body: { error: { message: 'certificates.0.decision.date: cannot be after today' } },
    });
  });

  it('optional fields may be left out (they are null); required ones left out say "required", plainly', async () => {
    const t = await setup();
    const editor = await t.login('ntm-editor');
    const { criteriaMet: _m, criteriaText: _t, ...bare } = recognition;
    const { fileId: _f, ...sourceWithoutFile } = source;
    const res = await editor.request('POST', '/api/edits/recognitions', { ...bare, source: sourceWithoutFile });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ criteriaMet: null, criteriaText: null });
    const { status: _s, ...noStatus } = recognition;
    expect(await errorOf(await editor.request('POST', '/api/edits/recognitions', noStatus))).toMatchObject({
      status: 400,
      body: { error: { message: 'status: required', fields: { status: 'required' } } },
    });
    expect(await errorOf(await editor.request('POST', '/api/edits/recognitions', { ...recognition, criteriaMet: 'all' }))).toMatchObject({
      status: 400,
      body: { error: { message: 'criteriaMet: must be a number' } },
    });
    const { source: _src, ...noSource } = recognition;
    expect((await errorOf(await editor.request('POST', '/api/edits/recognitions', noSource))).body.error.message).toBe('source: required');
  });

  it('a target may leave out what it does not report', async () => {
    const t = await setup();
    const admin = await t.login('admin');
    const res = await admin.request('POST', '/api/edits/targets', {
      indicator: 'Số xã đạt chuẩn NTM',
      indicatorKey: 'xa-ntm-thu',
      scope: 'tỉnh',
      target: '60 xã',
      source,
    });
    expect(res.status).toBe(201);
  });
});
