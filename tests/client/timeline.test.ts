import { describe, expect, it } from 'vitest';
import { nearestStop, timelineMarks, timelineStops } from '../../client/lib/timeline.ts';
import { ntmSeries, ocopSeries, reportedVsRecord, targetPoints } from '../../client/lib/series.ts';
import { apiRecord, committedProvince, testApp } from '../helpers/test-app.ts';

const calendar = committedProvince();

describe('timeline stops and marks', () => {
  it('stops at every month end from 2015 to today, the merger day and today', () => {
    const stops = timelineStops(calendar, '2026-11-24');
    expect(stops[0]).toBe('2015-01-31');
    expect(stops.at(-1)).toBe('2026-11-24');
    expect(stops).toContain('2021-06-30');
    expect(stops).toContain('2025-07-01');
    expect(stops).toContain('2024-02-29');
    expect(new Set(stops).size).toBe(stops.length);
    expect(timelineStops(calendar, '2026-11-24', ['2021-06-15'])).toContain('2021-06-15');
    expect(stops[nearestStop(stops, '2021-06-20')]).toBe('2021-06-30');
  });
});

describe('charts and marks from the real record', async () => {
  const { app } = testApp();
  const { record, timeline } = await apiRecord(app);

  it('marks each batch of recognitions, both unit changes and the seed milestones', () => {
    const marks = timelineMarks(timeline.recognitions, timeline.facts, timeline.targets, calendar);
    expect(marks.find((m) => m.date === '2015-12-31' && m.kind === 'batch')?.label.vi).toBe('Công nhận: 1 đạt chuẩn');
    expect(marks.filter((m) => m.kind === 'units').map((m) => m.date)).toEqual(['2020-01-01', '2025-07-01']);
    expect(marks.find((m) => m.date === '2021-06-30' && m.label.vi.includes('4 huyện chưa có xã NTM'))).toBeTruthy();
    expect(
      marks.some(
        (m) => m.kind === 'milestone' && m.label.vi === 'Tỉnh báo cáo: Xã đạt chuẩn NTM trở lên 21 (Báo cáo của tỉnh năm 2021 (tài liệu gốc của dự án))',
      ),
    ).toBe(true);
    expect(marks.every((m) => !/\(count\)|seed/i.test(m.label.vi))).toBe(true);
  });

  it('counts communes by status per year on the units of the time', () => {
    const series = ntmSeries(record);
    const at = (date: string, status: string) => series.find((p) => p.date === date && p.status === status)!.count;
    expect(at('2015-12-31', 'standard')).toBe(1);
    expect(at('2024-12-31', 'advanced')).toBe(4);
    expect(at('2025-06-30', 'standard') + at('2025-06-30', 'advanced')).toBe(23);
  });

  it('counts OCOP products by stars, with the upgrade of P.H.1.4 in 2022', () => {
    const series = ocopSeries(record.products, ['2021-12-31', '2022-12-31']);
    const four = (d: string) => series.find((p) => p.date === d && p.stars === '4')!.count;
    expect(four('2022-12-31') - four('2021-12-31')).toBe(2);
  });

  it('sets the reported totals beside our record on the same dates, with the gap', () => {
    const rows = reportedVsRecord(record, record.products, timeline.targets, ['ntm-standard-communes']);
    const y2020 = rows.find((r) => r.date === '2020-12-31' && r.reported === 21)!;
    expect(y2020).toMatchObject({ record: 12, gap: 9 });
    const y2015 = rows.find((r) => r.date === '2015-12-31')!;
    expect(y2015).toMatchObject({ reported: 1, record: 1, gap: 0 });
  });

  it('gives one row per reported total and date, with every source that reported it', () => {
    const rows = reportedVsRecord(record, record.products, timeline.targets, ['ntm-standard-communes', 'ntm-standard-or-basic-communes', 'ocop-products']);
    const keys = rows.map((r) => `${r.indicatorKey} ${r.date} ${r.reported}`);
    expect(keys.length).toBe(new Set(keys).size);
    expect(rows.find((r) => r.date === '2020-12-31' && r.indicatorKey === 'ntm-standard-communes')!.sources).toHaveLength(2);
    expect(rows.filter((r) => r.date === '2024-12-31' && r.indicatorKey === 'ocop-products')).toHaveLength(1);
  });

  it('draws the 2020 and 2025 targets, a share target as the count it means', () => {
    const points = targetPoints(timeline.targets, ['ntm-standard-communes', 'ntm-standard-or-basic-communes', 'ntm-standard-share', 'ocop-products'], 115);
    expect(points.filter((p) => p.indicatorKey === 'ntm-standard-communes' && p.year === 2020).map((p) => p.value)).toEqual([35, 15]);
    expect(points.filter((p) => p.indicatorKey === 'ntm-standard-or-basic-communes').map((p) => [p.year, p.value])).toEqual([[2022, 52]]);
    expect(points.find((p) => p.target.indicatorKey === 'ntm-standard-share' && p.year === 2025)).toMatchObject({
      indicatorKey: 'ntm-standard-communes',
      value: 25,
    });
    expect(points.filter((p) => p.indicatorKey === 'ocop-products' && p.year === 2025).every((p) => p.value === 90)).toBe(true);
  });
});
