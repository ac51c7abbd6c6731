import { describe, expect, it } from 'vitest';
import { CARRIED_SOURCE_NOTE } from '../../server/catalog/collections/zones.ts';
import { authTestApp } from '../helpers/auth.ts';

/**
 * What QGIS sends when it edits the zones layer of the OGC API (Part 4): OPTIONS to learn the
 * methods, then POST, PUT and PATCH with the user's API token (a deletion needs a source, which a DELETE
 * cannot carry: that is done in the app). Every change lands in the
 * audit log with its source; without credentials the answer is 401 in the JSON envelope.
 */
const square = (lon: number, lat: number, d = 0.01) => ({
  type: 'Polygon',
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
const feature = (properties: Record<string, unknown>, geometry: unknown = square(103.35, 21.95)) => ({ type: 'Feature', properties, geometry });
const source = {
  sourceTitle: 'Bản đồ vùng chè do Phòng Nông nghiệp huyện Tủa Chùa đo đạc',
  sourceDate: '2025-06-01',
  sourceUrl: 'https://tuachua.dienbien.gov.vn/vung-che',
};

async function qgis() {
  const t = authTestApp();
  const gis = await t.addUser('gis', 'editor', { programmes: ['zones'] });
  const { token } = t.auth.tokens.issue(gis.id, 'QGIS', 30);
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/geo+json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
  return { ...t, send, token };
}

describe('OGC API – Features Part 4 on zones', () => {
  it('answers OPTIONS with the methods each path allows: writes on zones, reads elsewhere', async () => {
    const { app } = await qgis();
    expect((await app.request('/ogc/collections/zones/items', { method: 'OPTIONS' })).headers.get('Allow')).toBe('GET, HEAD, OPTIONS, POST');
    expect((await app.request('/ogc/collections/zones/items/che-shan-tuyet-tua-chua', { method: 'OPTIONS' })).headers.get('Allow')).toBe(
      'GET, HEAD, OPTIONS, PUT, PATCH',
    );
    expect((await app.request('/ogc/collections/communes-2020/items', { method: 'OPTIONS' })).headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('creates (201 + Location), replaces and patches a zone with a token, refuses DELETE (405); each change is in the audit log', async () => {
    const t = await qgis();
    const created = await t.send(
      'POST',
      '/ogc/collections/zones/items',
      feature({ name: 'Vùng chè Sín Chải', crop: 'tea', areaHa: 85, year: '2025', ...source }),
    );
    expect(created.status).toBe(201);
    const location = created.headers.get('Location')!;
    expect(location).toMatch(/\/ogc\/collections\/zones\/items\/vung-che-sin-chai$/);
    const body = await created.json();
    expect(body.properties).toMatchObject({ name: 'Vùng chè Sín Chải', extent: 'surveyed', sourceTitle: source.sourceTitle });
    const path = new URL(location).pathname;
    expect((await t.app.request(path)).status).toBe(200);

    const replaced = await t.send(
      'PUT',
      path,
      feature({ name: 'Vùng chè Sín Chải', crop: 'tea', areaHa: 90, year: '2025', ...source, editReason: 'đo lại' }, square(103.352, 21.951)),
    );
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).properties.areaHa).toBe(90);
    // Changed attributes name their own source; without one the edit is refused, naming the attribute.
    const unsourced = await t.send('PATCH', path, { type: 'Feature', properties: { areaHa: 900 }, geometry: null });
    expect(unsourced.status).toBe(400);
    expect((await unsourced.json()).error).toMatchObject({ code: 'invalid_body', fields: { sourceTitle: expect.stringMatching(/document it comes from/) } });
    const survey = { sourceTitle: 'Biên bản đo lại vùng chè Sín Chải', sourceDate: '2025-06-20', sourceUrl: 'https://example.org/do-lai' };
    const patched = await t.send('PATCH', path, { type: 'Feature', properties: { areaHa: 95, ...survey }, geometry: null });
    expect(patched.status).toBe(200);
    expect((await patched.json()).properties).toMatchObject({ areaHa: 95, name: 'Vùng chè Sín Chải', sourceTitle: survey.sourceTitle });
    // QGIS sends a redrawn shape alone: it keeps the zone's source, which says it was not restated.
    const redrawn = await t.send('PATCH', path, { type: 'Feature', properties: {}, geometry: square(103.353, 21.952) });
    expect(redrawn.status).toBe(200);
    const zoneId = path.split('/').pop()!;
    expect((await redrawn.json()).properties.sourceTitle).toBe(survey.sourceTitle);
    const stored = t.db.prepare('SELECT note FROM zone_facts WHERE zone_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(zoneId);
    expect(stored).toBe(CARRIED_SOURCE_NOTE);
    const deleted = await t.send('DELETE', path);
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('Allow')).toBe('GET, HEAD, OPTIONS, PUT, PATCH');
    expect((await deleted.json()).error.message).toMatch(/delete the feature in the app/);
    expect((await t.app.request(path)).status).toBe(200);

    const admin = await t.addUser('admin', 'admin');
    const { token } = t.auth.tokens.issue(admin.id, 'audit', 1);
    const audit = await (await t.app.request('/api/audit?entity=zone', { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(audit.entries.map((e: { action: string; userLogin: string }) => [e.action, e.userLogin])).toEqual([
      ['update', 'gis'],
      ['update', 'gis'],
      ['update', 'gis'],
      ['create', 'gis'],
    ]);
    expect(audit.entries[2].reason).toBe('đo lại');
  });

  it('takes a geometry in VN-2000 (Content-Crs EPSG:9205) and stores it in CRS84', async () => {
    const t = await qgis();
    // About 103.35° E, 21.95° N in VN-2000 / TM-3 103-00 (cs2cs): a 1 km square.
    const [x, y] = [536180, 2427560];
    const vn2000 = {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 1000, y],
          [x + 1000, y + 1000],
          [x, y + 1000],
          [x, y],
        ],
      ],
    };
    const res = await t.send(
      'POST',
      '/ogc/collections/zones/items',
      feature({ name: 'Vùng thử VN-2000', crop: 'tea', areaHa: 100, year: '2025', ...source }, vn2000),
      {
        'Content-Crs': '<http://www.opengis.net/def/crs/EPSG/0/9205>',
      },
    );
    expect(res.status).toBe(201);
    const [lon, lat] = (await res.json()).geometry.coordinates[0][0];
    expect(lon).toBeCloseTo(103.35, 1);
    expect(lat).toBeCloseTo(21.95, 1);
  });

  it('takes a year sent as a whole number, as GIS clients write it, like an import does; refuses one that is no year', async () => {
    const t = await qgis();
    const created = await t.send(
      'POST',
      '/ogc/collections/zones/items',
      feature({ name: 'Vùng chè Sáng Nhè', crop: 'tea', areaHa: 40, year: 2025, ...source }),
    );
    expect(created.status).toBe(201);
    expect((await created.json()).properties.year).toBe('2025');
    const bad = await t.send(
      'POST',
      '/ogc/collections/zones/items',
      feature({ name: 'Vùng chè Sáng Nhè 2', crop: 'tea', areaHa: 40, year: 2025.5, ...source }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual({ year: 'must be a year, e.g. 2024' });
  });

  it('refuses a shape whose ring has no area (400 naming the ring), as the editor does', async () => {
    const t = await qgis();
    const line = {
      type: 'Polygon',
      coordinates: [
        [
          [103.35, 21.95],
          [103.36, 21.95],
          [103.37, 21.95],
          [103.35, 21.95],
        ],
      ],
    };
    const flat = await t.send('POST', '/ogc/collections/zones/items', feature({ name: 'Vùng chè phẳng', crop: 'tea', areaHa: 5, ...source }, line));
    expect(flat.status).toBe(400);
    expect((await flat.json()).error).toMatchObject({
      code: 'invalid_body',
      fields: { geometry: expect.stringMatching(/^polygon 1, ring 1: the ring has no area/) },
    });
  });

  it('needs credentials (401), the zones programme (403) and a source (400 naming the field); read-only collections answer 405', async () => {
    const t = await qgis();
    const body = JSON.stringify(feature({ name: 'Vùng X', crop: 'tea', areaHa: 10, year: '2025', ...source }));
    const anonymous = await t.app.request('/ogc/collections/zones/items', { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body });
    expect(anonymous.status).toBe(401);
    expect(Object.keys((await anonymous.json()).error).sort()).toEqual(['code', 'message']);
    const ntm = await t.addUser('ntm', 'editor', { programmes: ['ntm'] });
    const { token } = t.auth.tokens.issue(ntm.id, 'QGIS', 30);
    expect(
      (
        await t.app.request('/ogc/collections/zones/items', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/geo+json' },
          body,
        })
      ).status,
    ).toBe(403);
    const noSource = await t.send('POST', '/ogc/collections/zones/items', feature({ name: 'Vùng X', crop: 'tea', areaHa: 10, year: '2025' }));
    expect(noSource.status).toBe(400);
    expect((await noSource.json()).error.fields).toHaveProperty('source.title');
    const readOnly = await t.send('POST', '/ogc/collections/communes-2020/items', feature({ name: 'x' }));
    expect(readOnly.status).toBe(405);
    expect(readOnly.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });
});
