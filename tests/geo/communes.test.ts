import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import { communeCollection } from '../../server/geo/communes.ts';
import { seededDatabase } from '../helpers/test-app.ts';

const communes = () => loadSnapshot(createStore(seededDatabase())).on('2020');

describe('communes as of a date', () => {
  it('gives a commune whose status and products are unchanged the same feature, and any other a new one, each as built afresh', () => {
    const input = communes();
    const [before, sameStatuses, later] = ['2016-02-01', '2016-02-10', '2023-01-01'].map((d) => communeCollection(input, d));
    expect(sameStatuses!.features.every((f, i) => f === before!.features[i])).toBe(true);
    const changed = later!.features.filter((f, i) => f !== before!.features[i]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(later!.features.length);
    for (const f of changed) expect(f.properties).not.toEqual(before!.features.find((g) => g.id === f.id)!.properties);
    // Back and forth, and filtered: the same content as a build from data loaded afresh.
    for (const [date, district] of [
      ['2023-01-01', undefined],
      ['2016-02-01', undefined],
      ['2019-12-31', undefined],
      ['2019-12-31', later!.features[0]!.properties.districtCode ?? undefined],
    ] as const) {
      expect(JSON.stringify(communeCollection(input, date, district))).toBe(JSON.stringify(communeCollection(communes(), date, district)));
    }
    expect(before!.asOf).toBe('2016-02-01');
    expect(sameStatuses!.asOf).toBe('2016-02-10');
  });
});
