import { describe, expect, it } from 'vitest';
import { sinceText } from '../../client/lib/since.ts';

describe('the day a status counts from', () => {
  it('is the day when a recognition’s year is known, or its source names the day', () => {
    expect(sinceText('2015-12-31', false, ['2016-02-10'], 'vi')).toBe('31/12/2015');
    expect(sinceText('2021-08-06', true, ['2021-08-06', '2023'], 'vi')).toBe('06/08/2021');
  });

  it('is only the month or the year its source gives, never a first of January as if exact', () => {
    expect(sinceText('2025-01-01', true, ['2025'], 'vi')).toBe('năm 2025');
    expect(sinceText('2025-01-01', true, ['2025'], 'en')).toBe('2025');
    expect(sinceText('2021-01-01', true, ['2021 (approx.)'], 'en')).toBe('2021');
    expect(sinceText('2020-06-01', true, ['2020-06 (approx.)'], 'vi')).toBe('06/2020');
  });
});
