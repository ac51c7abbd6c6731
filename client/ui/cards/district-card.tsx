import { setLabel } from '../../state/province.ts';
import { UNIT_NTM_STATUSES } from '../../../server/domain/ntm-status.ts';
import type { UnitSet } from '../../../server/domain/unit-sets.ts';
import { capitalised, unitTypeLabel } from '../../../server/domain/unit-types.ts';
import { districtDetail } from '../../../server/geo/unit-details.ts';
import { products, zones } from '../../state/data.ts';
import { inputFor, oldAsOf } from '../../state/derived.ts';
import { lang } from '../../state/ui-state.ts';
import { splitCertified } from '../../lib/certified.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { countOf, formatDate, statusLabel, t } from '../i18n.ts';
import { RecordHistory } from '../history/record-history.tsx';
import { SourceList } from '../sources.tsx';
import { CardFrame, Goto } from './card-frame.tsx';
import { ProductsAndZones } from './products-and-zones.tsx';
import { StatusBadge } from './status-badge.tsx';

/** A district: its communes by status (a small table), those closest to the next status, products, zones. */
export function DistrictCard({ code, set }: { code: string; set: Exclude<UnitSet, '2025'> }) {
  const l = lang.value;
  const input = inputFor(set);
  const full = input ? districtDetail(input, code, oldAsOf.value)?.properties : null;
  if (!input || !full) return null;
  // Wards and townships get a row of their own, when the district has any: they are not "without recognition".
  const counts = UNIT_NTM_STATUSES.map((s) => [s, full.communes.filter((c) => c.ntmStatus === s).length] as const).filter(([s, n]) => s !== 'urban' || n > 0);
  const closest = full.communes.filter((c) => c.nextStatus && (c.ntmStatus !== 'none' || c.progress)).slice(0, 5);
  // Products are placed on the 2020–2025 units; a commune's district is the one of the set shown.
  // Only those certified on the card's date count, as in /api/districts?asOf= (ocopProducts).
  const districtOf = new Map(input.communes.map((c) => [c.code, c.districtCode]));
  const { certified: here, notCertified } = splitCertified(
    (products.value?.features ?? []).filter(
      (p) => (p.properties.location === 'commune' ? districtOf.get(p.properties.communeCode!) : p.properties.districtCode) === code,
    ),
    oldAsOf.value,
  );
  const touching = (zones.value?.features ?? []).filter((z) => z.properties.districtCodes.includes(code));
  return (
    <CardFrame
      kind={`${capitalised(unitTypeLabel(full.type, l))} · ${setLabel(set, l)} · ${t('asOf', l).toLowerCase()} ${formatDate(oldAsOf.value, l)}`}
      title={full.name}
    >
      <p class={full.hasNtmCommune ? '' : 'caveat no-ntm'}>
        {full.hasNtmCommune ? `${full.ntmCommunes}/${full.communeCount} ${t('ntmCommunes', l)}` : t('hasNoNtm', l)}
      </p>
      <section>
        <h3>{t('communesByStatus', l)}</h3>
        <table class="counts">
          <tbody>
            {counts.map(([s, n]) => (
              <tr key={s}>
                <th scope="row">
                  <StatusBadge status={s} />
                </th>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('closestToNext', l)}</h3>
        {closest.length ? (
          <ol class="plain numbered">
            {closest.map((c) => (
              <li key={c.code}>
                <Goto kind="commune" id={c.code} set={set}>
                  {c.name}
                </Goto>{' '}
                <span class="muted">
                  {statusLabel(c.ntmStatus, l)} → {statusLabel(c.nextStatus as never, l)}
                  {c.progress ? ` · ${c.progress.met}/${c.progress.of} ${t('progressKnown', l)}${c.progress.year ? ` (${c.progress.year})` : ''}` : ''}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{t('noCandidates', l)}</p>
        )}
        {full.facts.length > 0 && (
          <section>
            <h3>{t('otherFacts', l)}</h3>
            {full.facts.map((f) => (
              <div key={f.id} class="fact-note">
                <p>
                  {f.year} · {localizeStated(f.criteriaText, l) ?? (f.kind === 'district-without-ntm' ? t('hasNoNtm', l) : '')}
                </p>
                <SourceList sources={f.sources} title={false} />
              </div>
            ))}
          </section>
        )}
      </section>
      {here.length > 0 && (
        <p class="muted">
          {t('starSummary', l)}: {([5, 4, 3] as const).map((n) => countOf(here.filter((p) => p.properties.stars === n).length, `${n}★`, l)).join(', ')}
          {here.some((p) => p.properties.stars === null) && `, ${countOf(here.filter((p) => p.properties.stars === null).length, t('starsUnknown', l), l)}`}.{' '}
          {t('productSourcesNote', l)}
        </p>
      )}
      <ProductsAndZones products={here} zones={touching} date={oldAsOf.value} notCertified={notCertified} />
      {/* Changes made on the district itself: its boundary, products placed only at the district. */}
      <RecordHistory of={{ unitSet: set, unitCode: code }} />
    </CardFrame>
  );
}
