import { boundaryLicences } from '../state/data.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/**
 * The boundaries' licence under the legend and on the start screen: GADM's note until the
 * province imports official boundaries, then each imported set's own title and terms.
 */
export function LicenceNote() {
  const l = lang.value;
  const official = Object.entries(boundaryLicences.value ?? {}).filter(([, lic]) => lic.id !== 'gadm');
  if (!official.length) return <p class="provenance">{t('licenceNote', l)}</p>;
  return (
    <p class="provenance">
      {official.map(([set, lic]) => (
        <span key={set}>
          {t('boundariesOf', l)} {set}: {lic.url ? <a href={lic.url}>{lic.title}</a> : lic.title} — {lic.terms[l]}{' '}
        </span>
      ))}
      {t('neighboursNote', l)}
    </p>
  );
}
