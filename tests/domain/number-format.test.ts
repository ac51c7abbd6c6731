import { describe, expect, it } from 'vitest';
import { boundIn, formatNumber, numberIn } from '../../server/messages/format.ts';
import { bound, both } from '../../server/messages/text.ts';

/**
 * How numbers are written, pinned: the interface's (formatNumber), and the API messages' (numberIn,
 * boundIn, both, bound), which write English as API clients parse it and Vietnamese as the interface.
 */
describe('numbers in words', () => {
  it.each([
    // n, interface vi, interface en, message vi, message en, bound vi
    [1234, '1.234', '1,234', '1.234', '1234', '1234'],
    [12345.678, '12.345,68', '12,345.68', '12.345,68', '12345.678', '12.345,68'],
    [0.5, '0,5', '0.5', '0,5', '0.5', '0,5'],
    [2010, '2.010', '2,010', '2.010', '2010', '2010'],
    [50000, '50.000', '50,000', '50.000', '50000', '50.000'],
    [-1234.5, '-1.234,5', '-1,234.5', '-1.234,5', '-1234.5', '-1234,5'],
  ] as const)('%s', (n, vi, en, messageVi, messageEn, boundVi) => {
    expect([formatNumber(n, 'vi'), formatNumber(n, 'en')]).toEqual([vi, en]);
    expect([numberIn('vi', n), numberIn('en', n)]).toEqual([messageVi, messageEn]);
    // A bound may be a year: grouped only from five digits on in Vietnamese (2010, never 2.010).
    expect([boundIn('vi', n), boundIn('en', n)]).toEqual([boundVi, messageEn]);
  });

  it('both() and bound() write each language over its own numbers', () => {
    expect(both(`at most ${2010} rows`, (f) => `tối đa ${f(2010)} dòng`)).toEqual({ en: 'at most 2010 rows', vi: 'tối đa 2.010 dòng' });
    expect(bound(`from ${2010} to ${50000}`, (f) => `từ ${f(2010)} đến ${f(50000)}`)).toEqual({ en: 'from 2010 to 50000', vi: 'từ 2010 đến 50.000' });
  });
});
