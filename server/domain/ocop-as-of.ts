import { endOfYear, type IsoDate } from './dates.ts';
import type { OcopStars } from './ocop.ts';

/**
 * OCOP products follow the same "as of" convention as NTM recognitions:
 * - a certification in year Y counts from 31 December of Y (councils sit at year end);
 *   a product whose year is unknown counts from its earliest source's date;
 * - a certificate stated to have expired in year Y stops counting after 31 December of Y;
 * - its stars as of D are those of the latest rating counting by D (an upgrade from 3 to 4
 *   stars shows from the year of the upgrade); ratings without a year stand from the product's start.
 */
export interface RatingRecord {
  stars: OcopStars;
  year: number | null;
}

export interface CertificateRecord {
  /** When the product first counts; null if it can never be dated. */
  countsFrom: IsoDate | null;
  expiryYear: number | null;
  ratings: readonly RatingRecord[];
}

export function productCountsFrom(certifiedBy: number | null, earliestSourceDate: IsoDate | null): IsoDate | null {
  return certifiedBy !== null ? endOfYear(certifiedBy) : earliestSourceDate;
}

export function ocopAsOf(p: CertificateRecord, asOf: IsoDate): { certified: boolean; stars: OcopStars | null } {
  const certified = p.countsFrom !== null && p.countsFrom <= asOf && (p.expiryYear === null || asOf <= endOfYear(p.expiryYear));
  if (!certified) return { certified, stars: null };
  let best: RatingRecord | null = null;
  for (const r of p.ratings) {
    const from = r.year === null ? p.countsFrom! : endOfYear(r.year);
    if (from > asOf) continue;
    if (best === null || (r.year ?? 0) > (best.year ?? 0)) best = r;
  }
  return { certified, stars: best?.stars ?? null };
}
