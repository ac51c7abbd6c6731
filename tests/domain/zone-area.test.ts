import { describe, expect, it } from 'vitest';
import { AREA_MISMATCH_FACTOR, approximateHa, areasDisagree } from '../../server/domain/zone-area.ts';
import { areaHa, areaKm2 } from '../../server/geo/measure.ts';
import { squareCoordinates } from '../helpers/shapes.ts';

describe('a zone’s stated area beside its drawn shape’s', () => {
  it('disagree beyond 1.5× either way, not at it', () => {
    expect(AREA_MISMATCH_FACTOR).toBe(1.5);
    expect(areasDisagree(120, 457)).toBe(true);
    expect(areasDisagree(457, 120)).toBe(true);
    expect(areasDisagree(100, 150)).toBe(false);
    expect(areasDisagree(150, 100)).toBe(false);
    expect(areasDisagree(100, 151)).toBe(true);
    expect(areasDisagree(151, 100)).toBe(true);
  });

  it('words a measured area as about so many hectares: whole from 10 ha, tenths below', () => {
    expect(approximateHa(457.38)).toBe(457);
    expect(approximateHa(9.96)).toBe(10);
    expect(approximateHa(3.04)).toBe(3);
    expect(approximateHa(3.06)).toBe(3.1);
  });

  it('measures in hectares with the one geodesic area the boundaries use (areaKm2)', () => {
    const shape = { type: 'Polygon' as const, coordinates: squareCoordinates(103.35, 21.95, 0.02) };
    // About 2.07 km × 2.22 km at 22° N.
    expect(areaHa(shape)).toBeGreaterThan(455);
    expect(areaHa(shape)).toBeLessThan(462);
    expect(areaHa(shape)).toBeCloseTo(areaKm2(shape) * 100, 2);
  });
});
