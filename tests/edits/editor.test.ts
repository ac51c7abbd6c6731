import { verbatim } from '../../server/messages/text.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { recognitionInput, productInput, zoneInput } from '../../server/catalog/writes.ts';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import { type Authorize, createEditor, type Editor, type EditRequest } from '../../server/edits/index.ts';
import { ApiError } from '../../server/http/errors.ts';
import { recognition } from '../helpers/edit-bodies.ts';
import { getJson, testApp } from '../helpers/test-app.ts';

const source = { title: 'Quyết định công nhận xã đạt chuẩn NTM năm 2024', date: '2025-01-15', url: 'https://diendien.gov.vn/qd-123', fileId: null };
const allow: Authorize = () => {};
const editor = (login = 'editor1'): EditRequest => ({ actor: { userId: 1, login }, authorize: allow });

let app: ReturnType<typeof testApp>['app'];
let db: ReturnType<typeof testApp>['db'];
let edits: Editor;
beforeEach(() => {
  ({ app, db } = testApp());
  const store = createStore(db);
  edits = createEditor(
    db,
    () => loadSnapshot(store),
    () => new Date('2026-11-27T08:00:00Z'),
  );
});

const commune = async (code: string, asOf: string) =>
  (await getJson(app, `/api/communes?asOf=${asOf}`)).body.features.find((f: any) => f.id === code).properties;
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('NTM recognitions', () => {
  // Mường Phăng (03205) has no recognition in the seeded record.
  const input = recognitionInput.parse({ ...recognition, source });

  it('records one: the API shows it from 31 December of its year, with its source, and the audit log has it', async () => {
    expect((await commune('03205', '2025-06-30')).ntmStatus).toBe('none');
    const r = edits.ntm.record(editor(), input);
    expect(r.countsFrom).toBe('2024-12-31');
    const after = await commune('03205', '2025-06-30');
    expect(after.ntmStatus).toBe('standard');
    expect(after.decision).toEqual({ ref: '123/QĐ-UBND', date: '2025-01-10' });
    expect(after.sources[0]).toMatchObject({ title: source.title, url: source.url });
    expect((await commune('03205', '2024-12-30')).ntmStatus).toBe('none');
    const [entry] = edits.audit.list({ entity: 'recognition', entityId: r.id, limit: 10 });
    expect(entry).toMatchObject({ action: 'create', userLogin: 'editor1', unitSet: '2020', unitCode: '03205', before: null });
  });

  it('corrects one (the earlier version stays in the log) and retracts one (it stops counting, its history stays)', async () => {
    const r = edits.ntm.record(editor(), input);
    edits.ntm.correct(editor(), r.id, { ...input, yearFor: 2023, reason: 'The decision was for 2023' });
    expect((await commune('03205', '2023-12-31')).ntmYear).toBe(2023);
    edits.ntm.retract(editor(), r.id, { reason: 'Decision annulled by the provincial council', source: { ...source, confidence: 'high', note: '' } });
    expect((await commune('03205', '2025-06-30')).ntmStatus).toBe('none');
    const history = edits.audit.list({ entity: 'recognition', entityId: r.id, limit: 10 }).map((e) => e.action);
    expect(history).toEqual(['retract', 'update', 'create']);
    const detail = (await getJson(app, '/api/communes/03205')).body.properties.recognitions;
    expect(detail.map((x: any) => [x.id, x.retracted?.reason])).toEqual([[r.id, 'Decision annulled by the provincial council']]);
  });

  it('refuses a unit that is not in its set, and a decision dated before the year it is for', () => {
    expect(() => edits.ntm.record(editor(), { ...input, communeCode: '03144' })).toThrow(/no commune-level unit 03144 in the 2020–2025 units/);
    expect(() => edits.ntm.record(editor(), { ...input, decision: { ref: '1/QĐ', date: '2023-05-01' } })).toThrow(/decision\.date/);
  });

  it('refuses a ward or township: NTM assesses rural communes (xã) only, and the map shows them apart', async () => {
    expect(() => edits.ntm.record(editor(), { ...input, communeCode: '03124' })).toThrow(
      expect.objectContaining({ status: 400, fields: { communeCode: expect.stringMatching(/Phường Noong Bua is not a rural commune/) } }),
    );
    expect((await commune('03124', '2025-06-30')).ntmStatus).toBe('urban');
    expect((await commune('03205', '2025-06-30')).ntmStatus).toBe('none');
  });

  it('writes nothing when the actor may not edit the unit', () => {
    const before = count('ntm_recognitions');
    const denied: Authorize = (_p, _unitSets, unit) => {
      if (unit?.code === '03205') throw new ApiError(403, 'forbidden', verbatim('not your unit'));
    };
    expect(() => edits.ntm.record({ ...editor(), authorize: denied }, input)).toThrow(/not your unit/);
    expect(count('ntm_recognitions')).toBe(before);
    expect(count('audit_log')).toBe(0);
  });

  it('reverts a change and refuses to revert over a newer change', async () => {
    const original = await commune('03205', '2025-06-30');
    const r = edits.ntm.record(editor(), input);
    const correction = edits.ntm.correct(editor(), r.id, { ...input, yearFor: 2023, reason: 'typo' });
    const [update, create] = edits.audit.list({ entity: 'recognition', entityId: correction.id, limit: 10 });
    expect(() => edits.revert.change(editor('admin'), create.id, 'undo')).toThrow(/changed again after change/);
    edits.revert.change(editor('admin'), update.id, 'wrong correction');
    expect((await commune('03205', '2025-06-30')).ntmYear).toBe(2024);
    expect(() => edits.revert.change(editor('admin'), update.id, 'again')).toThrow(/already reverted/);
    const [revertOfUpdate] = edits.audit.list({ entity: 'recognition', entityId: r.id, limit: 1 });
    edits.revert.change(editor('admin'), revertOfUpdate.id, 'redo');
    expect((await commune('03205', '2025-06-30')).ntmYear).toBe(2023);
    expect(edits.audit.list({ entity: 'recognition', entityId: r.id, limit: 10 }).map((e) => e.action)).toEqual(['revert', 'revert', 'update', 'create']);
    expect(original.ntmStatus).toBe('none');
  });

  it('keeps the audit log append-only', () => {
    edits.ntm.record(editor(), input);
    expect(() => db.prepare("UPDATE audit_log SET user_login = 'someone'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('OCOP products', () => {
  const input = productInput.parse({
    name: 'Mật ong rừng Sen Thượng',
    producer: { name: 'HTX Mật ong Sen Thượng', type: 'cooperative' },
    group: 'I',
    place: { kind: 'commune', communeCode: '03155' },
    certificates: [{ stars: 3, decision: { ref: '45/QĐ-UBND', date: '2021-03-01' }, expiresOn: null }],
    source,
    reason: null,
  });

  it('adds one; its certificate lasts 36 months unless stated, and counts stop when it lapses', async () => {
    const p = edits.ocop.save(editor(), null, input);
    expect(p.ratings[0].expiresOn).toBe('2024-02-29');
    const stats = async (asOf: string) => (await getJson(app, `/api/stats?asOf=${asOf}`)).body.ocop.total;
    const seededThen = (await getJson(app, '/api/products')).body.features.length;
    expect(seededThen).toBeGreaterThan(48);
    const withIt = await stats('2023-06-30');
    const renewed = edits.ocop.save(editor(), p.id, {
      ...input,
      reason: 'renewed with 4 stars',
      certificates: [...input.certificates, { stars: 4, decision: { ref: '9/QĐ-UBND', date: '2024-06-01' }, expiresOn: null }],
    });
    expect(renewed.stars).toBe(4);
    // Between the lapse (1 Mar 2024) and the renewal (1 Jun 2024) it does not count.
    const lapsed = await stats('2024-04-30');
    const back = await stats('2024-06-30');
    expect(back - lapsed).toBe(1);
    expect(withIt).toBeGreaterThan(0);
  });

  it('a certificate restated with no expiry keeps the expiry and sources it had, not the 36-month default', () => {
    const stated = { ...input.certificates[0], expiresOn: '2025-01-01' };
    const p = edits.ocop.save(editor(), null, { ...input, certificates: [stated] });
    const restated = edits.ocop.save(editor(), p.id, {
      ...input,
      name: 'Mật ong rừng Sen Thượng (đóng chai)',
      source: { ...input.source, title: 'Danh sách sản phẩm OCOP của huyện' },
      reason: 'the bottled product',
    });
    expect(restated.ratings[0].sourceIds).toEqual(p.ratings[0].sourceIds);
    expect(restated.ratings[0].expiresOn).toBe('2025-01-01');
  });

  it('moved to another commune: the change is in the history of both communes', () => {
    const p = edits.ocop.save(editor(), null, input);
    const moved = edits.ocop.save(editor(), p.id, { ...input, place: { kind: 'commune', communeCode: '03205' }, reason: 'made in Mường Phăng' });
    const history = (code: string) => edits.audit.list({ unitSet: '2020', unitCode: code, limit: 10 }).map((e) => e.id);
    const [move] = edits.audit.list({ entity: 'product', entityId: moved.id, limit: 1 });
    expect(move.action).toBe('update');
    expect(history('03155')).toContain(move.id);
    expect(history('03205')).toContain(move.id);
  });

  it('a product a zone lists cannot be removed by a revert of its creation: 409 naming the zone, nothing written', () => {
    const p = edits.ocop.save(editor(), null, input);
    const z = edits.zones.save(
      editor(),
      null,
      zoneInput.parse({
        name: 'Vùng mật ong',
        crop: 'honey',
        areaHa: 10,
        year: '2025',
        geometry: null,
        communeCodes: ['03155'],
        productIds: [p.id],
        source,
        reason: null,
      }),
    );
    const [created] = edits.audit.list({ entity: 'product', entityId: p.id, limit: 1 });
    const logged = count('audit_log');
    expect(() => edits.revert.change(editor(), created.id, 'entered by mistake')).toThrow(
      expect.objectContaining({ status: 409, message: expect.stringContaining(`zone ${z.id}`) }),
    );
    expect(count('audit_log')).toBe(logged);
    expect(edits.context.products.get(p.id)).not.toBeNull();
  });

  it('a product cannot change the type of a producer it shares with others; it may fill in an unknown one', () => {
    const a = edits.ocop.save(editor(), null, input);
    const other = { ...input, name: 'Mật ong bạc hà Sen Thượng' };
    expect(() => edits.ocop.save(editor(), null, { ...other, producer: { name: 'HTX Mật ong Sen Thượng', type: 'household' } })).toThrow(
      expect.objectContaining({ status: 400, fields: { 'producer.type': expect.stringMatching(/recorded as cooperative/) } }),
    );
    const b = edits.ocop.save(editor(), null, { ...other, producer: { name: 'htx mật ong sen thượng', type: null } });
    expect(b.producerId).toBe(a.producerId);
    expect(edits.context.products.producer(a.producerId!)?.type).toBe('cooperative');
  });

  it('needs a reason to edit, and a place in the province', () => {
    const p = edits.ocop.save(editor(), null, input);
    expect(() => edits.ocop.save(editor(), p.id, input)).toThrow(/reason/);
    expect(() => edits.ocop.save(editor(), null, { ...input, place: { kind: 'point', point: [105.8, 21.0] } })).toThrow(/lies in no commune/);
  });
});

describe('zones', () => {
  const square = (lon: number, lat: number, d = 0.01) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  });
  const input = (geometry: unknown) => zoneInput.parse({ name: 'Vùng chè Tủa Thàng', crop: 'tea', areaHa: 120, year: '2025', geometry, source, reason: null });

  it('takes a surveyed shape in the province, and names the communes it covers', async () => {
    const z = edits.zones.save(editor(), null, input(square(103.35, 21.95)));
    expect(z.extent).toBe('surveyed');
    expect(z.communeCodes.length).toBeGreaterThan(0);
    const zones = (await getJson(app, '/api/zones?crop=tea')).body.features.map((f: any) => f.id);
    expect(zones).toContain(z.id);
  });

  it('spanning several communes: each commune’s history lists it, not only the first one’s', () => {
    const z = edits.zones.save(editor(), null, input(square(103.3, 21.9, 0.15)));
    expect(z.communeCodes.length).toBeGreaterThan(1);
    const [entry] = edits.audit.list({ entity: 'zone', entityId: z.id, limit: 1 });
    for (const code of z.communeCodes) expect(edits.audit.list({ unitSet: '2020', unitCode: code, limit: 10 }).map((e) => e.id)).toContain(entry.id);
    expect(edits.audit.list({ unitSet: '2019', unitCode: z.communeCodes[0], limit: 10 })).toEqual([]);
  });

  it('refuses a shape outside the province, one crossing itself, and coordinates that are not lon/lat', () => {
    expect(() => edits.zones.save(editor(), null, input(square(105.8, 21.0)))).toThrow(/lies in the province/);
    expect(() =>
      edits.zones.save(
        editor(),
        null,
        input({
          type: 'Polygon',
          coordinates: [
            [
              [103.3, 21.9],
              [103.4, 22.0],
              [103.4, 21.9],
              [103.3, 22.0],
              [103.3, 21.9],
            ],
          ],
        }),
      ),
    ).toThrow(/crosses itself/);
    expect(() => edits.zones.save(editor(), null, input(square(420000, 2420000, 100)))).toThrow(/VN-2000/);
  });
});
