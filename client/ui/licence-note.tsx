import { boundaryLicences } from '../state/data.ts';
import { licenceNote, theProvince } from '../state/province.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/**
 * The boundaries' and the base map's licences under the legend and on the start screen: the
 * province's notes (geodata/province.json) until official boundaries are imported, then each
 * imported set's own title and terms.
 */
export function LicenceNote() {
  const l = lang.value;
  const { boundaries, base } = theProvince().licences;
  const official = Object.entries(boundaryLicences.value ?? {}).filter(([, lic]) => lic.id !== boundaries.id);
  if (!official.length) return <p class="provenance">{licenceNote(l)}</p>;
  return (
    <p class="provenance">
      {official.map(([set, lic]) => (
        <span key={set}>
          {t('boundariesOf', l)} {set}: {lic.url ? <a href={lic.url}>{lic.title}</a> : lic.title} — {lic.terms[l]}{' '}
        </span>
      ))}
      {base.id === boundaries.id ? '' : `${base.note[l]}.`}
    </p>
  );
}
