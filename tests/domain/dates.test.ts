import { describe, expect, it } from 'vitest';
import { readDateText } from '../../client/lib/date-text.ts';
import { isIsoDate, readDayFirst } from '../../server/domain/dates.ts';
import { CellError, date } from '../../server/imports/tables/cells.ts';

describe('dates written day first (dd/mm/yyyy), read once for the forms and the imports', () => {
  it('rewrites day first as YYYY-MM-DD, with the leading zeros', () => {
    expect(readDayFirst('04/01/2025')).toBe('2025-01-04');
    expect(readDayFirst('4/1/2025')).toBe('2025-01-04');
    expect(readDayFirst('4.1.2025')).toBe('2025-01-04');
    expect(readDayFirst('04-01-2025')).toBe('2025-01-04');
  });

  it('is null for anything else, and leaves the calendar to isIsoDate', () => {
    for (const s of ['2025-01-04', '01/04', '4/1/25', 'tháng 1/2025', ' 4/1/2025']) expect(readDayFirst(s)).toBeNull();
    expect(readDayFirst('31/02/2025')).toBe('2025-02-31');
    expect(isIsoDate(readDayFirst('31/02/2025')!)).toBe(false);
  });

  it('an imported cell: day first or ISO, a real day only', () => {
    expect(date(' 4.1.2025 ')).toBe('2025-01-04');
    expect(date('2025-01-04')).toBe('2025-01-04');
    expect(date(new Date(Date.UTC(2025, 0, 4)))).toBe('2025-01-04');
    expect(date('')).toBeNull();
    expect(() => date('31/02/2025')).toThrow(CellError);
    expect(() => date('2025-1-4')).toThrow(CellError);
  });

  it('a typed date: the same day-first reading, in Vietnamese only', () => {
    expect(readDateText('4-1-2025', 'vi')).toEqual({ ok: true, iso: '2025-01-04' });
    expect(readDateText('4-1-2025', 'en')).toEqual({ ok: false, reason: 'format' });
    expect(readDateText('31/02/2025', 'vi')).toEqual({ ok: false, reason: 'no-such-day' });
    expect(readDateText('01/01/0999', 'vi')).toEqual({ ok: false, reason: 'no-such-day' });
  });
});
