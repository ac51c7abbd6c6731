import { describe, expect, it } from 'vitest';
import { getJson, testApp } from '../helpers/test-app.ts';

/** The facts the issue asks the data to reproduce, asserted through the API. */
describe('facts from the seed reports, through the API', () => {
  const { app } = testApp();

  it('as of 2015-12-31 exactly one commune is at đạt chuẩn or above: Thanh Chăn (huyện Điện Biên)', async () => {
    const { body } = await getJson(app, '/api/communes?asOf=2015-12-31');
    const ntm = body.features.filter((f: any) => ['standard', 'advanced', 'model'].includes(f.properties.ntmStatus));
    expect(ntm.map((f: any) => [f.properties.name, f.properties.districtName, f.properties.ntmStatus, f.properties.ntmYear])).toEqual([
      ['Thanh Chăn', 'Điện Biên', 'standard', 2015],
    ]);
  });

  it('as of 2021-06-30 the districts without an NTM commune are exactly Mường Chà, Điện Biên Đông, Tuần Giáo and Tủa Chùa', async () => {
    const stats = await getJson(app, '/api/stats?asOf=2021-06-30');
    expect(stats.body.districtsWithoutNtm.map((d: any) => d.name).sort()).toEqual(['Mường Chà', 'Tuần Giáo', 'Tủa Chùa', 'Điện Biên Đông'].sort());
    const districts = await getJson(app, '/api/districts?asOf=2021-06-30');
    const without = districts.body.features.filter((f: any) => !f.properties.hasNtmCommune).map((f: any) => f.properties.name);
    expect(without.sort()).toEqual(['Mường Chà', 'Tuần Giáo', 'Tủa Chùa', 'Điện Biên Đông'].sort());
  });

  it('Sín Thầu (Mường Nhé) is đạt chuẩn as of 2021-06-30', async () => {
    const { body } = await getJson(app, '/api/communes?asOf=2021-06-30&district=096');
    const sinThau = body.features.find((f: any) => f.properties.name === 'Sín Thầu');
    expect(sinThau.properties).toMatchObject({ districtName: 'Mường Nhé', ntmStatus: 'standard', ntmYear: 2020 });
    expect(sinThau.properties.sources.length).toBeGreaterThan(0);
  });

  it('Lay Nưa (TX Mường Lay) is nâng cao as of 2023-12-31, and đạt chuẩn before its advanced year', async () => {
    const late = await getJson(app, '/api/communes?asOf=2023-12-31&district=095');
    expect(late.body.features.find((f: any) => f.properties.name === 'Lay Nưa').properties).toMatchObject({ ntmStatus: 'advanced', ntmYear: 2022 });
    const early = await getJson(app, '/api/communes?asOf=2021-12-31&district=095');
    expect(early.body.features.find((f: any) => f.properties.name === 'Lay Nưa').properties).toMatchObject({ ntmStatus: 'standard', ntmYear: 2017 });
  });

  it('the OCOP products named in the seed reports are present with their producers and stars', async () => {
    const { body } = await getJson(app, '/api/products');
    const byName = new Map(body.features.map((f: any) => [f.properties.name, f.properties]));
    const expected: [string, string | null, number][] = [
      ['Mật ong hoa ban', 'HTX Ong mật Điện Biên', 4],
      ['Mật ong bánh tổ', 'HTX Ong mật Điện Biên', 4],
      ['Gạo Tâm Sáng – Séng cù', 'HTX dịch vụ tổng hợp Thanh Yên', 3],
      ['Gạo Tâm Sáng – Tám thơm', 'HTX dịch vụ tổng hợp Thanh Yên', 3],
      ['Gạo tám thơm Thiên Bản', 'Công ty TNHH thực phẩm Safe Green', 3],
      ['Rượu Mountain Queen', 'Hộ kinh doanh Đinh Thị Kim Oanh', 3],
      ['Thịt lợn khô', 'HTX Nông nghiệp CCO Điện Biên Đông', 3],
      ['Khoai sọ Phì Nhừ', 'HTX Nông nghiệp CCO Điện Biên Đông', 3],
      ['Bí xanh Tìa Dình', 'HTX Nông nghiệp CCO Điện Biên Đông', 3],
      ['Lạc đỏ Na Son', 'HTX Nông nghiệp CCO Điện Biên Đông', 3],
      ['Trà cây cao cổ thụ Tủa Chùa', 'Công ty TNHH Trà Phan Nhất', 3],
      ['Miến Hồng Phước', 'HTX Hồng Phước', 3],
      ['Bánh khẩu xén', 'HTX Lay Nưa', 3],
      ['Khoai sọ tím Tủa Chùa', "HTX H'Mông", 3],
    ];
    for (const [name, producer, stars] of expected) {
      expect(byName.get(name), name).toMatchObject({ producer, stars });
    }
    expect(byName.get('Mật ong hoa ban')).toMatchObject({ communeName: 'Sam Mứn', districtName: 'Điện Biên', location: 'commune' });
  });
});
