import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NATIONAL_YEARS, nationalManifest, nationalStatuses, nationalUnitProperties } from '../../server/catalog/collections/national.ts';
import { FULL_SCALE, countsAt, synthesize } from '../../scripts/national/synthesize.ts';

const SCALE = 0.05;
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('synthetic national dataset', () => {
  const data = synthesize({ seed: 7, scale: SCALE });

  it('is the same for the same seed and scale, and different for another seed', () => {
    expect(digest(synthesize({ seed: 7, scale: SCALE }))).toBe(digest(data));
    expect(digest(synthesize({ seed: 8, scale: SCALE }).communes)).not.toBe(digest(data.communes));
  });

  it('has the counts of its scale, and the full scale has the country’s', () => {
    expect(countsAt(1)).toEqual(FULL_SCALE);
    expect(FULL_SCALE).toEqual({ provinces: 63, districts: 700, communes: 10_600, units2025: 3_321 });
    const counts = countsAt(SCALE);
    expect(data.manifest.counts).toEqual(counts);
    expect(data.provinces.features).toHaveLength(counts.provinces);
    expect(data.districts.features).toHaveLength(counts.districts);
    expect(data.communes.features).toHaveLength(counts.communes);
    expect(data.units2025.features).toHaveLength(counts.units2025);
    expect(() => countsAt(0)).toThrow();
  });

  it('says it is synthetic in its manifest, collections, names and every feature', () => {
    expect(nationalManifest.parse(data.manifest).synthetic).toBe(true);
    expect(data.manifest.notice.en).toMatch(/SYNTHETIC/);
    for (const fc of [data.provinces, data.districts, data.communes, data.units2025]) {
      expect(fc.synthetic).toBe(true);
      for (const f of fc.features) {
        const p = nationalUnitProperties.parse(f.properties);
        expect(p.synthetic).toBe(true);
        expect(p.name).toMatch(/\(giả lập\)$/);
        expect(f.id).toBe(p.id);
      }
    }
  });

  it('nests communes in districts in provinces, and merges every commune into exactly one unit of 2025 in its province', () => {
    const districtProvince = new Map(data.districts.features.map((d) => [d.properties.districtCode, d.properties.provinceCode]));
    const unitProvince = new Map(data.units2025.features.map((u) => [u.properties.code, u.properties.provinceCode]));
    const merged = new Map<string, number>();
    for (const c of data.communes.features) {
      expect(districtProvince.get(c.properties.districtCode)).toBe(c.properties.provinceCode);
      expect(unitProvince.get(c.properties.unit2025Code!)).toBe(c.properties.provinceCode);
      merged.set(c.properties.unit2025Code!, (merged.get(c.properties.unit2025Code!) ?? 0) + 1);
    }
    for (const u of data.units2025.features) expect(merged.get(u.properties.code)).toBe(u.properties.formerCommunes);
    expect(new Set(data.communes.features.map((c) => c.properties.code)).size).toBe(data.communes.features.length);
  });

  it('draws closed rings, outer ones counter-clockwise, and districts cover the area of their communes', () => {
    const ringArea = (ring: number[][]) => ring.slice(1).reduce((a, q, i) => a + (ring[i]![0]! * q[1]! - q[0]! * ring[i]![1]!), 0) / 2;
    const area = (g: { type: string; coordinates: unknown }) => {
      const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
      return polys.reduce((a, p) => a + p.reduce((b, r) => b + ringArea(r), 0), 0);
    };
    for (const fc of [data.provinces, data.districts, data.communes, data.units2025]) {
      for (const f of fc.features) {
        const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
        for (const poly of polys) {
          for (const ring of poly) expect(ring[0]).toEqual(ring.at(-1));
          expect(ringArea(poly[0]!)).toBeGreaterThan(0);
        }
      }
    }
    const total = (fc: typeof data.communes | typeof data.districts) => fc.features.reduce((a, f) => a + area(f.geometry), 0);
    expect(total(data.districts)).toBeCloseTo(total(data.communes), 3);
    expect(total(data.units2025)).toBeCloseTo(total(data.communes), 3);
  });

  it('gives each commune and unit a status per year that never goes down, a unit the lowest of its former communes', () => {
    const s = nationalStatuses.parse(data.statuses);
    expect(s.years).toEqual([...NATIONAL_YEARS]);
    const communes = s.ranks['national-communes-2020']!;
    expect(Object.keys(communes)).toHaveLength(data.communes.features.length);
    for (const digits of Object.values(communes)) {
      expect(digits).toHaveLength(NATIONAL_YEARS.length);
      expect([...digits].sort().join('')).toBe(digits);
    }
    const units = s.ranks['national-units-2025']!;
    for (const u of data.units2025.features) {
      const former = data.communes.features.filter((c) => c.properties.unit2025Code === u.properties.code);
      const lowest = NATIONAL_YEARS.map((_, y) => Math.min(...former.map((c) => Number(communes[String(c.id)]![y])))).join('');
      expect(units[String(u.id)]).toBe(lowest);
    }
    // Progress over the years: more communes at đạt chuẩn or above in 2025 than in 2020.
    const atLeastStandard = (y: number) => Object.values(communes).filter((d) => Number(d[y]) >= 2).length;
    expect(atLeastStandard(5)).toBeGreaterThan(atLeastStandard(0));
  });
});
