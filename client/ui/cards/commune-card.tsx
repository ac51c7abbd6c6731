import type { CommuneDetailFeature } from '../../api.ts';
import { communes, detail, products, zones } from '../../state/data.ts';
import { lang } from '../../state/ui-state.ts';
import { formatDate, statusLabel, t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { CardFrame, Fact, Goto } from './card-frame.tsx';
import { StatusBadge } from './status-badge.tsx';

/** A commune: its status and since when, criteria, decision, every recognition with sources side by side, products, zones. */
export function CommuneCard({ code }: { code: string }) {
  const l = lang.value;
  const base = communes.value?.features.find((f) => f.id === code)?.properties;
  const full = (detail.value as CommuneDetailFeature | null)?.id === code ? (detail.value as CommuneDetailFeature).properties : null;
  if (!base) return null;
  const here = (products.value?.features ?? []).filter((p) => p.properties.communeCode === code);
  const touching = (zones.value?.features ?? []).filter((z) => z.properties.communeCodes.includes(code));
  return (
    <CardFrame kind={`${base.type} · ${t('district', l).toLowerCase()} ${base.districtName}`} title={base.name}>
      <dl class="facts">
        <Fact term={t('ntmStatus', l)}>
          <StatusBadge status={base.ntmStatus} />
          {base.ntmYear !== null && (
            <span>
              {' '}
              — {t('forYear', l)} {base.ntmYear}
            </span>
          )}
        </Fact>
        {base.since && <Fact term={t('since', l)}>{formatDate(base.since, l)}</Fact>}
        {base.yearUnknown && <p class="caveat">{t('yearUnknown', l)}</p>}
        {base.ntmStatus !== 'none' && (
          <Fact term={t('criteriaMet', l)}>{base.criteriaMet !== null ? `${base.criteriaMet}/19` : t('unknown', l)}{base.criteriaText && base.criteriaText !== `${base.criteriaMet}/19` ? ` (${base.criteriaText})` : ''}</Fact>
        )}
        {base.ntmStatus !== 'none' && (
          <Fact term={t('decision', l)}>{base.decision ? `${base.decision.ref}${base.decision.date ? `, ${formatDate(base.decision.date, l)}` : ''}` : t('unknown', l)}</Fact>
        )}
        {full?.now && (
          <Fact term={t('nowPartOf', l)}>
            {full.now.type} {full.now.name}
          </Fact>
        )}
      </dl>
      {base.disputed && <p class="caveat disputed">{t('disputed', l)}: {base.disputeNote}</p>}
      <SourceList sources={base.sources} />
      {full && full.recognitions.length > 1 && (
        <section>
          <h3>{t('history', l)}</h3>
          <div class={`recognitions${full.recognitions.some((r) => r.disputed) ? ' side-by-side' : ''}`}>
            {full.recognitions.map((r) => (
              <div class={`recognition${r.disputed ? ' is-disputed' : ''}`} key={r.id}>
                <p>
                  <strong>{statusLabel(r.status, l)}</strong> — {r.yearFor !== null ? `${t('forYear', l)} ${r.yearFor}` : t('yearUnknown', l)}
                  {r.recordedAs && ` (${r.recordedAs.name})`}
                </p>
                {r.criteriaText && <p class="muted">{r.criteriaText}</p>}
                <SourceList sources={r.sources} title={false} />
              </div>
            ))}
          </div>
        </section>
      )}
      {full && full.facts.length > 0 && (
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
      <section>
        <h3>
          {t('productsHere', l)} ({here.length})
        </h3>
        {here.length ? (
          <ul class="plain">
            {here.map((p) => (
              <li key={p.id}>
                <Goto kind="product" id={p.id}>
                  {p.properties.name}
                </Goto>{' '}
                {p.properties.stars ? `${p.properties.stars}★` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('none', l)}</p>
        )}
      </section>
      <section>
        <h3>
          {t('zonesHere', l)} ({touching.length})
        </h3>
        {touching.length ? (
          <ul class="plain">
            {touching.map((z) => (
              <li key={z.id}>
                <Goto kind="zone" id={z.id}>
                  {z.properties.name}
                </Goto>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('none', l)}</p>
        )}
      </section>
    </CardFrame>
  );
}
