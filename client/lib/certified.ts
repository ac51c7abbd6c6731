import type { IsoDate } from '../../server/domain/dates.ts';
import { ocopAsOf, type CertificateRecord } from '../../server/domain/ocop-as-of.ts';

/**
 * Products certified on a date and how many others were not (certified later, or expired), with
 * the same rule the API counts them by (server/domain/ocop-as-of.ts).
 */
export function splitCertified<T extends { properties: CertificateRecord }>(products: readonly T[], date: IsoDate): { certified: T[]; notCertified: number } {
  const certified = products.filter((p) => ocopAsOf(p.properties, date).certified);
  return { certified, notCertified: products.length - certified.length };
}
