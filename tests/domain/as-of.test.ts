import { describe, expect, it } from 'vitest';
import { recognitionCountsFrom, statusAsOf, type Recognition } from '../../server/domain/as-of.ts';
import { isIsoDate, sourceDateStart } from '../../server/domain/dates.ts';
import { countStatuses, ntmCount, statusesAsOf } from '../../server/domain/ntm-summary.ts';
import { isNtmCommune, statusRank } from '../../server/domain/ntm-status.ts';

const rec = (status: Recognition['status'], yearFor: number | null, countsFrom = yearFor ? `${yearFor}-12-31` : null): Recognition => ({
  status,
  yearFor,
  countsFrom,
});

describe('the as-of rule', () => {
  it('a recognition for year Y counts from 31 December of Y, not from its decision date', () => {
    expect(recognitionCountsFrom(2017, '2016-05-01')).toBe('2017-12-31');
    expect(statusAsOf([rec('standard', 2017)], '2017-12-30').status).toBe('none');
    expect(statusAsOf([rec('standard', 2017)], '2017-12-31').status).toBe('standard');
  });

  it('a recognition whose year is unknown counts from its earliest source date', () => {
    expect(recognitionCountsFrom(null, '2025-01-01')).toBe('2025-01-01');
    expect(recognitionCountsFrom(null, null)).toBeNull();
    const unknownYear = rec('standard', null, '2025-01-01');
    expect(statusAsOf([unknownYear], '2024-12-31').status).toBe('none');
    expect(statusAsOf([unknownYear], '2025-06-30')).toEqual({ status: 'standard', recognition: unknownYear });
    expect(statusAsOf([rec('standard', null, null)], '2030-01-01').status).toBe('none');
  });

  it('takes the highest-ranked status; a later, lower recognition never demotes', () => {
    const advanced = rec('advanced', 2022);
    const laterBasic = rec('basic', 2024);
    expect(statusAsOf([rec('standard', 2017), advanced, laterBasic], '2025-06-30')).toEqual({ status: 'advanced', recognition: advanced });
  });

  it('of two recognitions at the same status, the earlier one gives the year', () => {
    const first = rec('standard', 2020);
    expect(statusAsOf([rec('standard', 2022), first], '2023-12-31').recognition).toBe(first);
  });

  it('summarises communes by status, none for communes without a recognition', () => {
    const recs = [
      { ...rec('standard', 2015), communeCode: 'a' },
      { ...rec('basic', 2019), communeCode: 'b' },
      { ...rec('advanced', 2022), communeCode: 'b' },
    ];
    const statuses = statusesAsOf(recs, '2020-12-31');
    const units = ['a', 'b', 'c'].map((code) => ({ code, type: 'Xã' }));
    const counts = countStatuses(units, statuses);
    expect(counts).toEqual({ total: 3, urban: 0, none: 1, basic: 1, standard: 1, advanced: 0, model: 0 });
    expect(ntmCount(counts)).toBe(1);
    expect(ntmCount(countStatuses(units, statusesAsOf(recs, '2022-12-31')))).toBe(2);
    // Wards and townships are not assessed: counted apart, never as "no recognition".
    expect(countStatuses([...units, { code: 'p', type: 'Phường' }, { code: 't', type: 'Thị trấn' }], statuses)).toMatchObject({ total: 3, urban: 2, none: 1 });
  });

  it('ranks statuses and says which are NTM communes', () => {
    expect(['none', 'basic', 'standard', 'advanced', 'model'].map((s) => statusRank(s as never))).toEqual([0, 1, 2, 3, 4]);
    expect(isNtmCommune('basic')).toBe(false);
    expect(isNtmCommune('standard')).toBe(true);
    expect(isNtmCommune('model')).toBe(true);
  });
});

describe('dates', () => {
  it.each([
    ['2021-06-30', true],
    ['2024-02-29', true],
    ['2021-02-29', false],
    ['2021-13-01', false],
    ['2021-6-30', false],
    ['20210630', false],
    ['', false],
  ])('isIsoDate(%s) is %s', (text, ok) => expect(isIsoDate(text)).toBe(ok));

  it.each([
    ['2019-04-02', '2019-04-02'],
    ['2023-11 (ceremony 5/11)', '2023-11-01'],
    ['2016 (undated page; reports 2016 targets)', '2016-01-01'],
    ['~2014', '2014-01-01'],
    ['2025-09/11', '2025-09-01'],
    ['undated (ceremony 26/5, year not shown)', null],
    ['council meeting 11/4 (year not printed in excerpt; context indicates 2024)', null],
    ['', null],
  ])('sourceDateStart(%s) = %s', (text, expected) => expect(sourceDateStart(text)).toBe(expected));
});
