import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildGeodata } from '../../scripts/geodata/build.ts';
import { readInputs, sharedDir } from '../../scripts/geodata/inputs.ts';
import { COMMUNES_PER_DISTRICT_2020 } from '../../scripts/geodata/province.ts';
import { committedGeodata, GEODATA_DIR } from '../helpers/test-app.ts';

/** Checks on the committed geodata/, which the database is seeded from. */
describe('committed geodata', () => {
  const data = committedGeodata();
  const units = (set: string, level: string) => data.units.filter((u) => u.properties.unitSet === set && u.properties.level === level);

  it('has 130 communes in 10 districts for 2019, 129 in 10 for 2020–2025, 45 (42 xã, 3 phường) for 2025', () => {
    expect(units('2019', 'commune')).toHaveLength(130);
    expect(units('2019', 'district')).toHaveLength(10);
    expect(units('2020', 'commune')).toHaveLength(129);
    expect(units('2020', 'district')).toHaveLength(10);
    const set2025 = units('2025', 'commune');
    expect(set2025).toHaveLength(45);
    expect(set2025.filter((u) => u.properties.type === 'Xã')).toHaveLength(42);
    expect(set2025.filter((u) => u.properties.type === 'Phường')).toHaveLength(3);
    for (const [district, n] of Object.entries(COMMUNES_PER_DISTRICT_2020)) {
      expect(
        units('2020', 'commune').filter((c) => c.properties.districtCode === district),
        district,
      ).toHaveLength(n);
    }
  });

  it('keeps codes as strings with leading zeros, and every name in NFC', () => {
    for (const u of data.units) {
      expect(u.properties.code).toMatch(u.properties.level === 'district' ? /^\d{3}$/ : /^\d{5}$/);
      expect(u.properties.name).toBe(u.properties.name.normalize('NFC'));
    }
    for (const p of data.products) expect(p.properties.name).toBe(p.properties.name.normalize('NFC'));
    for (const s of data.sources) expect(s.title).toBe(s.title.normalize('NFC'));
  });

  it('crosswalks every 2020 commune to exactly one 2025 unit, and every 2019 commune to 2020', () => {
    const to2025 = data.crosswalk.filter((x) => x.fromSet === '2020' && x.toSet === '2025');
    expect(new Set(to2025.map((x) => x.fromCode)).size).toBe(129);
    expect(to2025).toHaveLength(129);
    expect(new Set(to2025.map((x) => x.toCode)).size).toBe(45);
    const to2020 = data.crosswalk.filter((x) => x.fromSet === '2019');
    expect(to2020).toHaveLength(130);
    expect(to2020.find((x) => x.fromCode === '03144')?.toCode).toBe('03145');
  });

  it('dissolves each 2025 unit from its whole former communes: areas equal their sums', () => {
    const old = new Map(units('2020', 'commune').map((u) => [u.properties.code, u]));
    for (const u of units('2025', 'commune')) {
      const sum = u.properties.formerCodes!.reduce((s, c) => s + area(old.get(c)!.geometry), 0);
      expect(Math.abs(area(u.geometry) - sum) / sum, u.properties.code).toBeLessThan(1e-4);
    }
  });

  it('gives every shown record at least one source', () => {
    for (const r of data.recognitions) expect(r.citations.length, r.id).toBeGreaterThan(0);
    for (const p of data.products) expect(p.properties.citations.length, p.id as string).toBeGreaterThan(0);
    for (const z of data.zones) expect(z.properties.facts.length, z.properties.id).toBeGreaterThan(0);
  });

  it('never sets a target for đạt chuẩn + cơ bản đạt chuẩn below one for đạt chuẩn alone in the same year', () => {
    const targets = (key: string) => data.targets.filter((t) => t.indicatorKey === key && t.targetValue !== null && t.scope === 'province');
    for (const wide of targets('ntm-standard-or-basic-communes')) {
      for (const narrow of targets('ntm-standard-communes').filter((t) => t.targetYear === wide.targetYear)) {
        expect(wide.targetValue!, `${wide.id} vs ${narrow.id}`).toBeGreaterThanOrEqual(narrow.targetValue!);
      }
    }
    const assigned = data.targets.find((t) => /PM-assigned/.test(t.targetText ?? ''));
    expect(assigned).toMatchObject({ indicatorKey: 'ntm-standard-communes', targetValue: 15, targetYear: 2020, actualValue: null });
  });

  it('shows no researcher join keys (code=…) in notes', () => {
    const notes = [...data.recognitions, ...data.facts].flatMap((r) => r.citations.map((c) => c.note));
    expect(notes.filter((n) => /code=/.test(n))).toEqual([]);
  });

  it('records what it could not resolve instead of dropping it', () => {
    const report = JSON.parse(readFileSync(join(GEODATA_DIR, 'build-report.json'), 'utf8'));
    expect(report.counts).toMatchObject({ communes2019: 130, communes2020: 129, communes2025: 45 });
    expect(report.unresolved.every((u: { where: string }) => /^[a-z_]+\.csv:\d+$/.test(u.where))).toBe(true);
  });
});

/** Rebuilding from ../shared must reproduce the committed files byte for byte. */
describe.runIf(existsSync(join(sharedDir(), 'data', 'research')))('geodata is reproducible from the gathered material', () => {
  it('rebuilds every committed file unchanged', () => {
    const files = buildGeodata(readInputs());
    for (const [path, content] of Object.entries(files)) {
      expect(content, path).toBe(readFileSync(join(GEODATA_DIR, path), 'utf8'));
    }
  });
});
