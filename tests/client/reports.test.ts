import { describe, expect, it } from 'vitest';
import { latestReport } from '../../client/lib/reports.ts';
import { committedProvince, getJson, testApp } from '../helpers/test-app.ts';

const periods = committedProvince().unitSets;

describe('the province’s reported totals beside the record', () => {
  it('reads a count of old-unit communes reported after the merger as of their last day', async () => {
    const { app } = testApp();
    const { targets } = (await getJson(app, '/api/timeline')).body;
    expect(latestReport(targets, 'ntm-standard-communes', '2025-06-30', periods)?.actualValue).toBe(26);
    expect(latestReport(targets, 'ntm-standard-communes', '2021-06-30', periods)).toMatchObject({ actualValue: 21, actualDate: '2020-12-31' });
    expect(latestReport(targets, 'ntm-standard-communes', '2015-06-30', periods)).toBeNull();
    expect(latestReport(targets, 'ocop-products', '2025-06-30', periods)?.actualValue).toBe(109);
  });
});
