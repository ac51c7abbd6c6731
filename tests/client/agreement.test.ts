import { describe, expect, it } from 'vitest';
import { catalogData } from '../../server/catalog/data.ts';
import type { Collection } from '../../server/catalog/define.ts';
import { CATALOG } from '../../server/catalog/index.ts';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import { provinceStats } from '../../server/domain/stats.ts';
import { apiRecord, testApp } from '../helpers/test-app.ts';

/**
 * The client computes "as of" itself from the record the API sends once; the server computes it
 * from its database. They share the catalog's builders; this proves that the two ways in give
 * the same collections, for every collection of the catalog, and the same /api answers.
 */
describe('client and server agree on every layer', async () => {
  const { app, db } = testApp();
  const { record, timeline, get } = await apiRecord(app);
  const client = catalogData(record);
  const server = loadSnapshot(createStore(db));
  const dates = ['2015-12-31', '2018-06-30', '2019-12-31', '2020-12-31', '2021-06-30', '2023-12-31', '2025-06-30'];

  describe.each((CATALOG as readonly Collection[]).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const asOfs = c.time ? dates.filter((d) => d <= c.time!.range({ today: '2026-01-31', province: server.province }).max) : [undefined];
    it.each(asOfs.map((d) => [d ?? 'undated']))('built from the API’s record as from the database (%s)', (d) => {
      const params = d === 'undated' ? {} : { asOf: d };
      expect(c.build(client, params as never)).toEqual(c.build(server, params as never));
    });
  });

  it.each(dates.filter((d) => d >= '2020'))('the /api answers as of %s', async (asOf) => {
    const input2020 = client.on('2020');
    expect(CATALOG[0].build(client, { asOf })).toEqual(await get(`/api/communes?asOf=${asOf}`));
    expect(CATALOG[1].build(client, { asOf })).toEqual(await get(`/api/districts?asOf=${asOf}`));
    expect(provinceStats({ ...input2020, targets: timeline.targets }, asOf)).toEqual(await get(`/api/stats?asOf=${asOf}`));
  });

  it('on the new units', async () => {
    expect(CATALOG[2].build(client, { asOf: '2026-01-31' })).toEqual(await get('/api/units/merged-history?asOf=2026-01-31'));
  });
});
