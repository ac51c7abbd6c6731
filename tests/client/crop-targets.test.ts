import { describe, expect, it } from 'vitest';
import { cropTargetsByZone } from '../../client/lib/crop-targets.ts';
import { cropTargetTitle } from '../../client/ui/cards/crop-target-title.ts';
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

describe('a crop-area target’s heading', () => {
  it('names the year, or says long-term in words that read in each language', () => {
    expect(cropTargetTitle({ targetYear: 2030, target: '20,000' }, 'en')).toBe('Target 2030: 20,000 ha');
    expect(cropTargetTitle({ targetYear: null, target: '60,000' }, 'en')).toBe('Long-term target: 60,000 ha');
    expect(cropTargetTitle({ targetYear: null, target: '60,000' }, 'vi')).toBe('Mục tiêu dài hạn: 60.000 ha');
  });
});
