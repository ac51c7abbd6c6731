import { describe, expect, it } from 'vitest';
import { getJson } from '../helpers/test-app.ts';
import { csv, editorReq, importHarness } from './helpers.ts';

/** OCOP rows as the province's staff fill the template: each row its own source, groups by their Vietnamese names. */
const header = [
  'name',
  'producerName',
  'producerType',
  'group',
  'stars',
  'decisionRef',
  'decisionDate',
  'communeCode',
  'sourceTitle',
  'sourceDate',
  'sourceUrl',
];
const TITLE = 'Quyết định công nhận sản phẩm OCOP tỉnh Điện Biên';
const URL = 'https://dienbien.gov.vn/ocop';

async function imported(rows: (string | number)[][]) {
  const h = importHarness();
  const preview = await h.importer.preview(editorReq(), { kind: 'ocop-products', fileName: 'ocop.csv', bytes: csv([header, ...rows]), source: null });
  expect(preview.errors).toEqual([]);
  h.importer.commit(editorReq(), preview.id);
  const products = (await getJson(h.app, '/api/products?skipGeometry=true')).body.features;
  return { h, preview, product: products.find((f: any) => f.properties.name === rows[0][0]).properties };
}

/** The date of the source each of a product's certificates cites, oldest certificate first. */
function ratingSourceDates(h: ReturnType<typeof importHarness>, name: string) {
  const ids = h.db.prepare('SELECT source_ids FROM ocop_ratings r JOIN ocop_products p ON p.id = r.product_id WHERE p.name = ? ORDER BY seq').pluck().all(name);
  return (ids as string[]).map((x) => h.db.prepare('SELECT date_text FROM sources WHERE id = ?').pluck().get(JSON.parse(x)[0]));
}

describe('an OCOP product’s certificate rows keep their own sources', () => {
  it('two rows citing a source of the same title and link but other dates cite two sources, each dated as its row', async () => {
    const { h, product } = await imported([
      ['Mật ong bạc hà Tủa Chùa', 'HTX Ong mật Tủa Chùa', 'HTX', 'I', 3, '45/QĐ-UBND', '2024-05-15', '03136', TITLE, '20/05/2024', URL],
      ['Mật ong bạc hà Tủa Chùa', 'HTX Ong mật Tủa Chùa', 'HTX', 'I', 4, '88/QĐ-UBND', '2025-05-28', '03136', TITLE, '01/06/2025', URL],
    ]);
    expect(product.sources.map((s: any) => s.date).sort()).toEqual(['2024-05-20', '2025-06-01']);
    expect(ratingSourceDates(h, product.name)).toEqual(['2024-05-20', '2025-06-01']);
  });

  it('a renewal imported later leaves the earlier certificate citing its own source', async () => {
    const first = [['Mật ong bạc hà Tủa Chùa', 'HTX Ong mật Tủa Chùa', 'HTX', 'I', 3, '45/QĐ-UBND', '2024-05-15', '03136', TITLE, '20/05/2024', URL]];
    const { h } = await imported(first);
    const renewal = await h.importer.preview(editorReq(), {
      kind: 'ocop-products',
      fileName: 'ocop-2025.csv',
      bytes: csv([header, ['Mật ong bạc hà Tủa Chùa', 'HTX Ong mật Tủa Chùa', 'HTX', 'I', 4, '88/QĐ-UBND', '2025-05-28', '03136', TITLE, '01/06/2025', URL]]),
      source: null,
    });
    expect(renewal.errors).toEqual([]);
    h.importer.commit(editorReq(), renewal.id);
    expect(ratingSourceDates(h, 'Mật ong bạc hà Tủa Chùa')).toEqual(['2024-05-20', '2025-06-01']);
  });

  it('reads a group written by its Vietnamese or English name, as the template’s guide promises', async () => {
    const { product } = await imported([
      ['Trà shan tuyết Phình Sáng', 'HTX Chè Phình Sáng', 'HTX', 'Đồ uống', 4, '12/QĐ-UBND', '2024-05-15', '03136', TITLE, '20/05/2024', URL],
    ]);
    expect(product.group).toBe('II');
    const food = await imported([
      ['Gạo tám Điện Biên', 'HTX Gạo Thanh Xương', 'HTX', 'thuc pham', 3, '13/QĐ-UBND', '2024-05-15', '03136', TITLE, '20/05/2024', URL],
    ]);
    expect(food.product.group).toBe('I');
  });
});
