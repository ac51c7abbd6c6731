import { describe, expect, it } from 'vitest';
import { certificateExpiry, ocopAsOf, productCountsFrom } from '../../server/domain/ocop-as-of.ts';

describe('OCOP as of a date', () => {
  it('a product certified in year Y counts from 31 December of Y; unknown years from the earliest source', () => {
    expect(productCountsFrom(2019, '2018-01-01')).toBe('2019-12-31');
    expect(productCountsFrom(null, '2025-01-01')).toBe('2025-01-01');
    const p = { countsFrom: '2019-12-31', expiryYear: null, ratings: [{ stars: 3 as const, year: 2019 }] };
    expect(ocopAsOf(p, '2019-12-30')).toEqual({ certified: false, expired: false, stars: null });
    expect(ocopAsOf(p, '2019-12-31')).toEqual({ certified: true, expired: false, stars: 3 });
  });

  it('an upgrade shows from its year', () => {
    const p = {
      countsFrom: '2021-12-31',
      expiryYear: null,
      ratings: [
        { stars: 3 as const, year: 2021 },
        { stars: 4 as const, year: 2022 },
      ],
    };
    expect(ocopAsOf(p, '2022-06-30').stars).toBe(3);
    expect(ocopAsOf(p, '2022-12-31').stars).toBe(4);
  });

  it('an expired certificate stops counting after its expiry year', () => {
    const p = { countsFrom: '2019-12-31', expiryYear: 2024, ratings: [{ stars: 3 as const, year: 2019 }] };
    expect(ocopAsOf(p, '2024-12-31').certified).toBe(true);
    expect(ocopAsOf(p, '2025-01-01').certified).toBe(false);
  });

  it('a rating without a year stands from the product start; a product without a rating has no stars', () => {
    expect(ocopAsOf({ countsFrom: '2020-12-31', expiryYear: null, ratings: [{ stars: 3, year: null }] }, '2021-01-01')).toEqual({
      certified: true,
      expired: false,
      stars: 3,
    });
    expect(ocopAsOf({ countsFrom: '2025-01-01', expiryYear: null, ratings: [] }, '2025-06-30')).toEqual({ certified: true, expired: false, stars: null });
    expect(ocopAsOf({ countsFrom: null, expiryYear: null, ratings: [] }, '2025-06-30').certified).toBe(false);
  });

  it('a certificate with a recorded decision counts from its date and lapses after its expiry until a renewal counts', () => {
    const decided = { ref: '123/QĐ-UBND', date: '2021-05-10' };
    const p = {
      countsFrom: '2021-05-10',
      expiryYear: null,
      ratings: [{ stars: 3 as const, year: 2021, decision: decided, expiresOn: certificateExpiry('2021-05-10') }],
    };
    expect(ocopAsOf(p, '2021-05-09').certified).toBe(false);
    expect(ocopAsOf(p, '2021-05-10')).toEqual({ certified: true, expired: false, stars: 3 });
    expect(ocopAsOf(p, '2024-05-09')).toEqual({ certified: true, expired: false, stars: 3 });
    expect(ocopAsOf(p, '2024-05-10')).toEqual({ certified: false, expired: true, stars: 3 });
    const renewed = {
      ...p,
      ratings: [
        ...p.ratings,
        { stars: 4 as const, year: 2024, decision: { ref: '9/QĐ-UBND', date: '2024-08-01' }, expiresOn: certificateExpiry('2024-08-01') },
      ],
    };
    expect(ocopAsOf(renewed, '2024-06-30').expired).toBe(true);
    expect(ocopAsOf(renewed, '2024-08-01')).toEqual({ certified: true, expired: false, stars: 4 });
  });

  it('a certificate lasts 36 months less a day, clamped at month ends', () => {
    expect(certificateExpiry('2021-05-10')).toBe('2024-05-09');
    expect(certificateExpiry('2021-01-01')).toBe('2023-12-31');
    expect(certificateExpiry('2021-03-31', 11)).toBe('2022-02-28');
    expect(certificateExpiry('2020-02-29', 12)).toBe('2021-02-28');
  });
});
