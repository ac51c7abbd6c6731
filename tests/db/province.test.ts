import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { provinceRecord } from '../../server/catalog/province.ts';
import { closeDatabase } from '../../server/db/open.ts';
import { provinceQueries } from '../../server/db/province.ts';
import { readGeodata } from '../../server/db/seed.ts';
import { prepareDatabase } from '../../server/db/startup.ts';
import { committedGeodata, committedProvince, GEODATA_DIR } from '../helpers/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'ntm-province-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the province record', () => {
  it('is seeded with the data, and added on start to a database seeded before it was data', () => {
    const path = join(dir, 'app.db');
    const first = prepareDatabase(path, committedGeodata);
    expect([first.seeded, first.provinceAdded]).toEqual([true, false]);
    expect(provinceQueries(first.db).get()).toEqual(committedProvince());
    // A database from before: no province in meta.
    first.db.prepare("DELETE FROM meta WHERE key = 'province'").run();
    expect(() => provinceQueries(first.db).get()).toThrow(/no province record/);
    closeDatabase(first.db);

    const again = prepareDatabase(path, () => readGeodata(GEODATA_DIR));
    expect([again.seeded, again.provinceAdded]).toEqual([false, true]);
    expect(provinceQueries(again.db).get()).toEqual(committedProvince());
    closeDatabase(again.db);
  });

  it('refuses unit-set periods with a gap, a programme before the national one, and a timeline before the programme', () => {
    const p = committedProvince();
    const gap = { ...p, unitSets: { ...p.unitSets, '2020': { ...p.unitSets['2020'], from: '2020-01-02' } } };
    expect(provinceRecord.safeParse(gap).error?.issues[0]).toMatchObject({ path: ['unitSets', '2020', 'from'] });
    expect(provinceRecord.safeParse({ ...p, timelineStart: '2009-12-31' }).error?.issues[0]).toMatchObject({ path: ['timelineStart'] });
    expect(provinceRecord.safeParse({ ...p, programmeStart: '2009-01-01', timelineStart: '2009-01-01' }).error?.issues[0]).toMatchObject({
      path: ['programmeStart'],
    });
    expect(provinceRecord.safeParse({ ...p, localCrs: 'EPSG:4326' }).success).toBe(false);
    expect(provinceRecord.safeParse({ ...p, bounds: [103.7, 20.85, 102.05, 22.6] }).success).toBe(false);
  });
});
