import { describe, expect, it } from 'vitest';
import { provinceStats } from '../../server/domain/stats.ts';
import { communeCollection } from '../../server/geo/communes.ts';
import { districtCollection } from '../../server/geo/districts.ts';
import { layerInputFor } from '../../server/geo/layer-input.ts';
import { newUnitCollection } from '../../server/geo/new-units.ts';
import { apiRecord, testApp } from '../helpers/test-app.ts';

/**
 * The client computes "as of" itself from the record the API sends once; the server computes it
 * from its database. They share the builders; this proves that the two ways in give the same map.
 */
describe('client and server agree on every layer', async () => {
  const { app } = testApp();
  const { record, timeline, get } = await apiRecord(app);
  const input2020 = layerInputFor('2020', record);

  it.each(['2015-12-31', '2018-06-30', '2020-12-31', '2021-06-30', '2023-12-31', '2025-06-30'])('as of %s', async (asOf) => {
    expect(communeCollection(input2020, asOf)).toEqual(await get(`/api/communes?asOf=${asOf}`));
    expect(districtCollection(input2020, asOf)).toEqual(await get(`/api/districts?asOf=${asOf}`));
    const stats = await get(`/api/stats?asOf=${asOf}`);
    expect(provinceStats({ ...input2020, targets: timeline.targets }, asOf)).toEqual(stats);
  });

  it('on the new units', async () => {
    const mine = newUnitCollection(layerInputFor('2025', record), input2020, record.crosswalk, '2026-01-31');
    expect(mine).toEqual(await get('/api/units/merged-history?asOf=2026-01-31'));
  });
});
