import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../client/lib/search-index.ts';
import { searchEntries } from '../../client/lib/search.ts';
import { getJson, testApp } from '../helpers/test-app.ts';

describe('search over the real layers', async () => {
  const { app } = testApp();
  const [communes, districts, products, zones] = await Promise.all(['/api/communes', '/api/districts', '/api/products', '/api/zones'].map(async (p) => (await getJson(app, p)).body));
  const index = buildSearchIndex({ communes, districts, products, zones });

  it('finds without diacritics or case, places first', () => {
    expect(searchEntries(index, 'muong cha')[0]).toMatchObject({ kind: 'district', name: 'Mường Chà', target: { kind: 'district', id: '097' } });
    expect(searchEntries(index, 'tua chua')[0]).toMatchObject({ kind: 'district', name: 'Tủa Chùa' });
    expect(searchEntries(index, 'Thanh Chan')[0]).toMatchObject({ kind: 'commune', name: 'Thanh Chăn', target: { id: '03337' } });
    expect(searchEntries(index, 'THANH CHĂN')[0].name).toBe('Thanh Chăn');
  });

  it('finds products, producers and zones', () => {
    const honey = searchEntries(index, 'mat ong');
    expect(honey.map((r) => r.name)).toEqual(expect.arrayContaining(['Mật ong hoa ban', 'Mật ong bánh tổ']));
    expect(searchEntries(index, 'ong mat dien bien')[0]).toMatchObject({ kind: 'producer', name: 'HTX Ong mật Điện Biên', target: { kind: 'product' } });
    expect(searchEntries(index, 'shan tuyet').some((r) => r.kind === 'zone' && r.target.id === 'che-shan-tuyet-tua-chua')).toBe(true);
  });

  it('answers to the press spelling of a commune too', () => {
    expect(searchEntries(index, 'noong het')[0]).toMatchObject({ kind: 'commune', name: 'Noọng Hẹt' });
    expect(searchEntries(index, 'Sá Tổng')[0]).toMatchObject({ kind: 'commune', name: 'Xá Tổng' });
  });

  it('returns nothing for a blank query and bounds the list', () => {
    expect(searchEntries(index, '   ')).toEqual([]);
    expect(searchEntries(index, 'a', 5).length).toBeLessThanOrEqual(5);
  });
});
