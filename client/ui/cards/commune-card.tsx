import { statusRank } from '../../../server/domain/ntm-status.ts';
import type { UnitSet } from '../../../server/domain/unit-sets.ts';
import { capitalised, unitTitle, unitTypeLabel } from '../../../server/domain/unit-types.ts';
import { communeDetail } from '../../../server/geo/unit-details.ts';
import { products, zones } from '../../state/data.ts';
import { inputFor, oldAsOf, record } from '../../state/derived.ts';
import { setLabel, theProvince, tp } from '../../state/province.ts';
import { lang } from '../../state/ui-state.ts';
import { splitCertified } from '../../lib/certified.ts';
import { sinceText } from '../../lib/since.ts';
import { sourceTitle } from '../../lib/source-text.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { HelpLink, Unknown } from '../help-link.tsx';
import { formatDate, statusLabel, t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { UnitEditActions } from '../forms/edit-actions.tsx';
import { RecordHistory } from '../history/record-history.tsx';
import { CardFrame, Fact, Goto } from './card-frame.tsx';
import { ProductsAndZones } from './products-and-zones.tsx';
import { StatusBadge } from './status-badge.tsx';

/** An old commune: its status and since when, criteria, decision, every recognition with sources side by side, products, zones. */
export function CommuneCard({ code, set }: { code: string; set: Exclude<UnitSet, '2025'> }) {
  const l = lang.value;
  const input = inputFor(set);
  const r = record.value;
  const full = input && r ? communeDetail(input, { crosswalk: r.crosswalk, communes2025: r.units['2025'].communes }, code, oldAsOf.value)?.properties : null;
  const lastDay = set === '2019' ? theProvince().unitSets['2019'].to : null;
  if (!full) return null;
  // Criteria and decision belong to a recognised status (not to "none", nor to a ward or township).
  const recognised = statusRank(full.ntmStatus) > 0;
  const date = oldAsOf.value;
  const { certified: here, notCertified } = splitCertified(
    (products.value?.features ?? []).filter((p) => p.properties.communeCode === code),
    date,
  );
  const touching = (zones.value?.features ?? []).filter((z) => z.properties.communeCodes.includes(code));
  const era = setLabel(set, l);
  const district = r?.units[set].districts.find((d) => d.code === full.districtCode);
  return (
    <CardFrame
      kind={`${capitalised(unitTypeLabel(full.type, l))} · ${district ? `${unitTitle(district, l)} · ` : ''}${era} · ${t('asOf', l).toLowerCase()} ${formatDate(date, l)}`}
      title={full.name}
    >
      {lastDay && !record.value?.units['2020'].communes.some((c) => c.code === code) && (
        <p class="caveat" data-testid="retired-unit">
          {t('retiredUnit', l).replace('{date}', formatDate(lastDay, l))}
        </p>
      )}
      <dl class="facts">
        <Fact term={t('ntmStatus', l)}>
          <StatusBadge status={full.ntmStatus} />
          {full.ntmYear !== null && (
            <span>
              {' '}
              — {t('forYear', l)} {full.ntmYear}
            </span>
          )}
        </Fact>
        {full.since && (
          <Fact term={t('since', l)}>
            {sinceText(
              full.since,
              full.yearUnknown,
              full.sources.map((x) => x.date),
              l,
            )}
          </Fact>
        )}
        {full.yearUnknown && (
          <p class="caveat">
            <HelpLink topic="unknown">{t('yearUnknown', l)}</HelpLink>
          </p>
        )}
        {recognised && (
          <Fact term={t('criteriaMet', l)}>
            {full.criteriaMet !== null ? `${full.criteriaMet}/19` : <Unknown />}
            {full.criteriaText && full.criteriaText !== `${full.criteriaMet}/19` ? ` (${localizeStated(full.criteriaText, l)})` : ''}
          </Fact>
        )}
        {recognised && (
          <Fact term={t('decision', l)}>
            {full.decision ? `${full.decision.ref}${full.decision.date ? `, ${formatDate(full.decision.date, l)}` : ''}` : <Unknown />}
          </Fact>
        )}
        {full.now && (
          <Fact term={tp('nowPartOf', l)}>
            <Goto kind="commune" id={full.now.code} set="2025">
              {capitalised(unitTitle(full.now, l))}
            </Goto>
          </Fact>
        )}
      </dl>
      {full.disputed && (
        <p class="caveat disputed">
          {t('disputedYears', l).replace(
            '{years}',
            full.recognitions
              .filter((x) => x.disputed)
              .map((x) => `${x.yearFor ?? '?'} (${x.sources.map((s) => sourceTitle(s.title, l).text).join('; ')})`)
              .join(l === 'vi' ? ' và ' : ' and '),
          )}
        </p>
      )}
      <SourceList sources={full.sources} />
      {full.recognitions.length > 1 && (
        <section>
          <h3>{t('history', l)}</h3>
          <div class={`recognitions${full.recognitions.some((x) => x.disputed) ? ' side-by-side' : ''}`}>
            {full.recognitions.map((x) => (
              <div class={`recognition${x.disputed ? ' is-disputed' : ''}`} key={x.id}>
                <p>
                  <strong>{statusLabel(x.status, l)}</strong> —{' '}
                  {x.yearFor !== null ? `${t('forYear', l)} ${x.yearFor}` : <HelpLink topic="unknown">{t('yearUnknown', l)}</HelpLink>}
                  {x.recordedAs && ` (${x.recordedAs.name})`}
                </p>
                {x.criteriaText && <p class="muted">{localizeStated(x.criteriaText, l)}</p>}
                <SourceList sources={x.sources} title={false} />
              </div>
            ))}
          </div>
        </section>
      )}
      {full.facts.length > 0 && (
        <section>
          <h3>{t('otherFacts', l)}</h3>
          <ul class="plain">
            {full.facts.map((f) => (
              <li key={f.id}>
                {f.year ?? ''} {f.village ? `${f.village}: ` : ''}
                {localizeStated(f.criteriaText, l)}
                <SourceList sources={f.sources} title={false} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ProductsAndZones products={here} zones={touching} date={date} notCertified={notCertified} />
      {set === '2020' && <UnitEditActions set="2020" code={code} />}
      <RecordHistory of={{ unitSet: set, unitCode: code }} />
    </CardFrame>
  );
}
