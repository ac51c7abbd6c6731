import { endOfYear, type IsoDate } from './dates.ts';
import type { OcopStars } from './ocop.ts';

/**
 * OCOP products follow the same "as of" convention as NTM recognitions:
 * - a certification in year Y counts from 31 December of Y (councils sit at year end); one
 *   whose decision date is recorded counts from that date; a product whose year is unknown
 *   counts from its earliest source's date;
 * - its stars as of D are those of the latest rating counting by D (an upgrade from 3 to 4
 *   stars shows from the upgrade); ratings without a year stand from the product's start;
 * - a certificate lasts until its stated expiry (36 months after the decision unless the source
 *   says otherwise, see `certificateExpiry`); past it the product is expired until a renewal
 *   (a new rating) counts; a product stated to have expired in year Y stops after 31 Dec of Y.
 */
export interface RatingRecord {
  stars: OcopStars;
  year: number | null;
  /** The certificate's decision, when recorded: the rating counts from its date. */
  decision?: { ref: string; date: IsoDate | null } | null;
  /** The last day the certificate is valid, when known. */
  expiresOn?: IsoDate | null;
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

/** The date a rating counts from. */
export function ratingCountsFrom(r: RatingRecord, productStart: IsoDate): IsoDate {
  return r.decision?.date ?? (r.year === null ? productStart : endOfYear(r.year));
}

/** How long an OCOP certificate lasts unless its source states an expiry. */
export const CERTIFICATE_MONTHS = 36;

/** The last valid day of a certificate decided on `decisionDate`: CERTIFICATE_MONTHS on, less a day. */
export function certificateExpiry(decisionDate: IsoDate, months = CERTIFICATE_MONTHS): IsoDate {
  const [y, m, d] = decisionDate.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // 31 Jan + 1 month rolls into March in Date; clamp to the month's last day instead.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export interface OcopStatus {
  /** Certified on the date: it counts in totals and is drawn. */
  certified: boolean;
  /** It had counted, but its certificate had lapsed by the date and no renewal counts yet. */
  expired: boolean;
  stars: OcopStars | null;
}

export function ocopAsOf(p: CertificateRecord, asOf: IsoDate): OcopStatus {
  if (p.countsFrom === null || p.countsFrom > asOf) return { certified: false, expired: false, stars: null };
  let best: RatingRecord | null = null;
  let bestFrom = '';
  for (const r of p.ratings) {
    const from = ratingCountsFrom(r, p.countsFrom);
    if (from > asOf) continue;
    if (best === null || from > bestFrom || (from === bestFrom && (r.year ?? 0) >= (best.year ?? 0))) {
      best = r;
      bestFrom = from;
    }
  }
  const lapsed = (p.expiryYear !== null && asOf > endOfYear(p.expiryYear)) || (best?.expiresOn != null && asOf > best.expiresOn);
  if (lapsed) return { certified: false, expired: true, stars: best?.stars ?? null };
  return { certified: true, expired: false, stars: best?.stars ?? null };
}
