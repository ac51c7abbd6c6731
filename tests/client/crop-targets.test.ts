import { describe, expect, it } from 'vitest';
import { cropTargetsByZone } from '../../client/lib/crop-targets.ts';
import { apiRecord, testApp } from '../helpers/test-app.ts';

describe('crop-area targets beside the zones they are about', () => {
  it('puts province targets on the crop’s largest zone, district and commune ones on theirs', async () => {
    const { app } = testApp();
    const { record, timeline, get } = await apiRecord(app);
    const zones = (await get('/api/zones')).features;
    const byZone = cropTargetsByZone(zones, timeline.targets, record.units['2020']);
    const summary = Object.fromEntries([...byZone].map(([id, ts]) => [id, ts.map((t) => t.targetValue)]));
    expect(summary).toEqual({
      'ca-phe-arabica-dien-bien': [20000],
      'ca-phe-arabica-muong-ang': [5000],
      'mac-ca-dien-bien': [60000],
      'duoc-lieu-dien-bien': [4000],
      'dua-mat-pu-lau': [500],
    });
  });
});
