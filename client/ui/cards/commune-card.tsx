import type { UnitSet } from '../../../server/domain/unit-sets.ts';
import { communeDetail } from '../../../server/geo/unit-details.ts';
import { products, zones } from '../../state/data.ts';
import { inputFor, oldAsOf, record } from '../../state/derived.ts';
import { lang } from '../../state/ui-state.ts';
import { formatDate, statusLabel, t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { CardFrame, Fact, Goto } from './card-frame.tsx';
import { ProductsAndZones } from './products-and-zones.tsx';
import { StatusBadge } from './status-badge.tsx';

/** An old commune: its status and since when, criteria, decision, every recognition with sources side by side, products, zones. */
export function CommuneCard({ code, set }: { code: string; set: Exclude<UnitSet, '2025'> }) {
  const l = lang.value;
  const input = inputFor(set);
  const r = record.value;
  const full = input && r ? communeDetail(input, { crosswalk: r.crosswalk, communes2025: r.units['2025'].communes }, code, oldAsOf.value)?.properties : null;
  if (!full) return null;
  const here = (products.value?.features ?? []).filter((p) => p.properties.communeCode === code);
  const touching = (zones.value?.features ?? []).filter((z) => z.properties.communeCodes.includes(code));
  const era = set === '2019' ? t('units2019', l) : t('units2020', l);
  return (
    <CardFrame kind={`${full.type} · ${full.districtName ? `${t('district', l).toLowerCase()} ${full.districtName} · ` : ''}${era}`} title={full.name}>
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
        {full.since && <Fact term={t('since', l)}>{formatDate(full.since, l)}</Fact>}
        {full.yearUnknown && <p class="caveat">{t('yearUnknown', l)}</p>}
        {full.ntmStatus !== 'none' && (
          <Fact term={t('criteriaMet', l)}>
            {full.criteriaMet !== null ? `${full.criteriaMet}/19` : t('unknown', l)}
            {full.criteriaText && full.criteriaText !== `${full.criteriaMet}/19` ? ` (${full.criteriaText})` : ''}
          </Fact>
        )}
        {full.ntmStatus !== 'none' && (
          <Fact term={t('decision', l)}>
            {full.decision ? `${full.decision.ref}${full.decision.date ? `, ${formatDate(full.decision.date, l)}` : ''}` : t('unknown', l)}
          </Fact>
        )}
        {full.now && (
          <Fact term={t('nowPartOf', l)}>
            <Goto kind="commune" id={full.now.code} set="2025">
              {full.now.type} {full.now.name}
            </Goto>
          </Fact>
        )}
      </dl>
      {full.disputed && (
        <p class="caveat disputed">
          {t('disputed', l)}: {full.disputeNote}
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
                  <strong>{statusLabel(x.status, l)}</strong> — {x.yearFor !== null ? `${t('forYear', l)} ${x.yearFor}` : t('yearUnknown', l)}
                  {x.recordedAs && ` (${x.recordedAs.name})`}
                </p>
                {x.criteriaText && <p class="muted">{x.criteriaText}</p>}
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
                {f.criteriaText}
                <SourceList sources={f.sources} title={false} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ProductsAndZones products={here} zones={touching} />
    </CardFrame>
  );
}
