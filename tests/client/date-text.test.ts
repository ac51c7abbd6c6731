import { describe, expect, it } from 'vitest';
import { readDateText, showDateText } from '../../client/lib/date-text.ts';

describe('dates typed by staff', () => {
  it('reads day first in Vietnamese: 04/01/2025 is 4 January', () => {
    expect(readDateText('04/01/2025', 'vi')).toEqual({ ok: true, iso: '2025-01-04' });
    expect(readDateText(' 4/1/2025 ', 'vi')).toEqual({ ok: true, iso: '2025-01-04' });
    expect(readDateText('4.1.2025', 'vi')).toEqual({ ok: true, iso: '2025-01-04' });
  });

  it('reads ISO in both languages, and nothing ambiguous in English', () => {
    expect(readDateText('2025-01-04', 'vi')).toEqual({ ok: true, iso: '2025-01-04' });
    expect(readDateText('2025-1-4', 'en')).toEqual({ ok: true, iso: '2025-01-04' });
    expect(readDateText('04/01/2025', 'en')).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses what is not a date, and days the calendar has not', () => {
    expect(readDateText('tháng 1', 'vi')).toEqual({ ok: false, reason: 'format' });
    expect(readDateText('01/04', 'vi')).toEqual({ ok: false, reason: 'format' });
    expect(readDateText('31/02/2025', 'vi')).toEqual({ ok: false, reason: 'no-such-day' });
    expect(readDateText('29/02/2024', 'vi')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(readDateText('2025-13-01', 'en')).toEqual({ ok: false, reason: 'no-such-day' });
  });

  it('empty is the empty date', () => expect(readDateText('  ', 'vi')).toEqual({ ok: true, iso: '' }));

  it('shows ISO as dd/mm/yyyy in Vietnamese and as ISO in English', () => {
    expect(showDateText('2025-01-04', 'vi')).toBe('04/01/2025');
    expect(showDateText('2025-01-04', 'en')).toBe('2025-01-04');
    expect(showDateText('', 'vi')).toBe('');
  });
});
