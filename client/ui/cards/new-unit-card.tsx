import { setLabel, theProvince, tp } from '../../state/province.ts';
import { isNtmCommune } from '../../../server/domain/ntm-status.ts';
import { capitalised, unitTitle, unitTypeLabel } from '../../../server/domain/unit-types.ts';
import { products, timeline, zones } from '../../state/data.ts';
import { newUnits } from '../../state/derived.ts';
import { asOf, lang } from '../../state/ui-state.ts';
import { splitCertified } from '../../lib/certified.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { HelpLink } from '../help-link.tsx';
import { formatDate, formatNumber, formatPercent, statusLabel, t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { UnitEditActions } from '../forms/edit-actions.tsx';
import { RecordHistory } from '../history/record-history.tsx';
import { CardFrame, Fact, Goto } from './card-frame.tsx';
import { ProductsAndZones } from './products-and-zones.tsx';
import { StatusBadge } from './status-badge.tsx';

/**
 * A unit of 1 July 2025: its own status (none unless recognised on the new unit), and what its
 * former communes achieved before the merger, each with its last status and year.
 */
export function NewUnitCard({ code }: { code: string }) {
  const l = lang.value;
  const u = newUnits.value?.features.find((f) => f.id === code)?.properties;
  if (!u) return null;
  const formerNames = new Set(u.formerCodes);
  const { certified: here, notCertified } = splitCertified(
    (products.value?.features ?? []).filter((p) => p.properties.communeCode && formerNames.has(p.properties.communeCode)),
    asOf.value,
  );
  const touching = (zones.value?.features ?? []).filter((z) => z.properties.communeCodes.some((c) => formerNames.has(c)));
  const facts = (timeline.value?.facts ?? []).filter((f) => f.unitSet === '2025' && f.code === code);
  const before = asOf.value < theProvince().unitSets['2025'].from;
  return (
    <CardFrame kind={`${capitalised(unitTypeLabel(u.type, l))} · ${setLabel('2025', l)}`} title={u.name}>
      <dl class="facts">
        <Fact term={t('ntmStatus', l)}>
          {before ? (
            <span class="muted">{tp('notYetCreated', l)}</span>
          ) : u.ntmStatus === 'none' ? (
            <>
              <span class="status-badge" data-testid="new-unit-status">
                {t('notYetAssessed', l)}
              </span>{' '}
              <span class="muted">({t('newUnitStatusNote', l)})</span>
            </>
          ) : (
            <StatusBadge status={u.ntmStatus} />
          )}
        </Fact>
        <Fact term={t('area', l)}>{formatNumber(u.areaKm2, l)} km²</Fact>
      </dl>
      <section>
        <h3>{t('formerCommunes', l)}</h3>
        <p class="summary" data-testid="former-summary">
          {t('formerSummary', l).replace('{n}', String(u.formerNtm)).replace('{total}', String(u.formerCounts.total))}
          {u.formerCounts.urban > 0 && ` (${t('formerUrban', l).replace('{n}', String(u.formerCounts.urban))})`} ·{' '}
          {u.formerNtmShare !== null && `${t('formerShare', l).replace('{share}', formatPercent(u.formerNtmShare, l))} · `}
          {t('asOf', l).toLowerCase()} {formatDate(u.historyAsOf, l)}
        </p>
        <table class="counts former">
          <thead>
            <tr>
              <th scope="col">{t('formerCommune', l)}</th>
              <th scope="col">{t('lastStatus', l)}</th>
            </tr>
          </thead>
          <tbody>
            {u.former.map((f) => (
              <tr key={f.code} class={isNtmCommune(f.status) ? 'is-ntm' : ''}>
                <th scope="row">
                  <Goto kind="commune" id={f.code} set="2020">
                    {capitalised(unitTitle(f, l))}
                  </Goto>
                </th>
                <td>
                  <StatusBadge status={f.status} />
                  {f.year !== null ? ` (${f.year})` : ''}
                  {f.year === null && f.yearUnknown && (
                    <>
                      {' '}
                      <span class="nowrap">
                        (<HelpLink topic="unknown">{t('unknownYearShort', l)}</HelpLink>)
                      </span>
                    </>
                  )}
                  <span class="visually-hidden">{statusLabel(f.status, l)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {facts.length > 0 && (
        <section>
          <h3>{t('sinceMerger', l)}</h3>
          {facts.map((f) => (
            <div key={f.id} class="fact-note">
              <p>
                {f.year} · {localizeStated(f.criteriaText, l) ?? t('criteriaUnknown', l)}
              </p>
              <SourceList sources={f.sources} title={false} />
            </div>
          ))}
        </section>
      )}
      <ProductsAndZones products={here} zones={touching} date={asOf.value} notCertified={notCertified} />
      <UnitEditActions set="2025" code={code} />
      <RecordHistory of={{ unitSet: '2025', unitCode: code }} />
    </CardFrame>
  );
}
