import { boundaryLicences } from '../state/data.ts';
import { boundaryLicenceGroups, licenceNote, theProvince } from '../state/province.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/**
 * The boundaries' and the base map's licences under the legend and on the start screen: the
 * province's notes (geodata/province.json) until official boundaries are imported, then each
 * imported set's own title and terms, and the province's note for the sets still on its boundaries.
 */
export function LicenceNote() {
  const l = lang.value;
  const { boundaries, base } = theProvince().licences;
  const groups = boundaryLicenceGroups(boundaryLicences.value ?? {}, boundaries);
  if (groups.every((g) => g.licence.id === boundaries.id)) return <p class="provenance">{licenceNote(l)}</p>;
  return (
    <p class="provenance">
      {groups.map(({ sets, licence: lic }) => (
        <span key={sets.join()}>
          {t('boundariesOf', l)} {sets.join(', ')}:{' '}
          {lic.id === boundaries.id ? (
            `${lic.note[l]}.`
          ) : (
            <>
              {lic.url ? <a href={lic.url}>{lic.title}</a> : lic.title} — {lic.terms[l]}
            </>
          )}{' '}
        </span>
      ))}
      {base.id === boundaries.id ? '' : `${base.note[l]}.`}
    </p>
  );
}
