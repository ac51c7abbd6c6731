import type { ProductProperties } from '../../../server/catalog/properties.ts';
import { ocopAsOf, ratingCountsFrom } from '../../../server/domain/ocop-as-of.ts';
import { asOf, lang } from '../../state/ui-state.ts';
import { formatDate, t } from '../i18n.ts';

/**
 * An OCOP product's certificate as of the map's date: valid until its expiry, or expired (shown
 * grey and hollow on the map, and left out of every count) until a renewal counts.
 */
export function CertificateStatus({ product: p }: { product: ProductProperties }) {
  const l = lang.value;
  const date = asOf.value;
  const s = ocopAsOf(p, date);
  if (!p.countsFrom) return null;
  const start = p.countsFrom;
  const current = p.ratings
    .filter((r) => ratingCountsFrom(r, start) <= date)
    .sort((a, b) => ratingCountsFrom(a, start).localeCompare(ratingCountsFrom(b, start)))
    .at(-1);
  const until = current?.expiresOn ?? null;
  if (s.expired) {
    return (
      <div class="certificate-status expired" data-testid="certificate-status">
        <p>
          <span class="expired-badge">{t('expiredShort', l)}</span>{' '}
          {until ? `${t('expiredOn', l)} ${formatDate(until, l)}` : p.expiryYear ? `${t('expiredOn', l)} ${p.expiryYear}` : ''}
        </p>
        <p class="caveat">{t('expiredNote', l)}</p>
      </div>
    );
  }
  if (!s.certified || !until) return null;
  return (
    <p class="certificate-status muted" data-testid="certificate-status">
      {t('validUntil', l)} {formatDate(until, l)}
      {current?.decision ? ` · ${current.decision.ref}` : ''}
    </p>
  );
}
