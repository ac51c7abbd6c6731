import { NTM_STATUSES } from '../../../server/domain/ntm-status.ts';
import type { DistrictDetailFeature } from '../../api.ts';
import { detail, districts, products, zones } from '../../state/data.ts';
import { lang } from '../../state/ui-state.ts';
import { statusLabel, t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { CardFrame, Goto } from './card-frame.tsx';
import { StatusBadge } from './status-badge.tsx';

/** A district: its communes by status (a small table), those closest to the next status, products, zones. */
export function DistrictCard({ code }: { code: string }) {
  const l = lang.value;
  const base = districts.value?.features.find((f) => f.id === code)?.properties;
  const full = (detail.value as DistrictDetailFeature | null)?.id === code ? (detail.value as DistrictDetailFeature).properties : null;
  if (!base) return null;
  const counts = full ? NTM_STATUSES.map((s) => [s, full.communes.filter((c) => c.ntmStatus === s).length] as const) : [];
  const closest = full?.communes.filter((c) => c.nextStatus && (c.ntmStatus !== 'none' || c.progress)).slice(0, 5) ?? [];
  const here = (products.value?.features ?? []).filter((p) => p.properties.districtCode === code);
  const touching = (zones.value?.features ?? []).filter((z) => z.properties.districtCodes.includes(code));
  return (
    <CardFrame kind={base.type} title={base.name}>
      <p class={base.hasNtmCommune ? '' : 'caveat no-ntm'}>
        {base.hasNtmCommune ? `${base.ntmCommunes}/${base.communeCount} ${t('ntmCommunes', l)}` : t('hasNoNtm', l)}
      </p>
      {full && (
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
                  <Goto kind="commune" id={c.code}>
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
          {full.facts.map((f) => (
            <div key={f.id} class="fact-note">
              <p>
                {f.year} {f.criteriaText ?? (f.kind === 'district-without-ntm' ? t('hasNoNtm', l) : '')}
              </p>
              <SourceList sources={f.sources} title={false} />
            </div>
          ))}
        </section>
      )}
      <section>
        <h3>
          {t('productsHere', l)} ({here.length})
        </h3>
        {here.length > 0 && (
          <p class="muted">
            {t('starSummary', l)}: {([5, 4, 3] as const).map((n) => `${here.filter((p) => p.properties.stars === n).length} × ${n}★`).join(', ')}
            {here.some((p) => p.properties.stars === null) && `, ${here.filter((p) => p.properties.stars === null).length} × ${t('unknown', l).toLowerCase()}`}. {t('productSourcesNote', l)}
          </p>
        )}
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
      </section>
      <section>
        <h3>
          {t('zonesHere', l)} ({touching.length})
        </h3>
        <ul class="plain">
          {touching.map((z) => (
            <li key={z.id}>
              <Goto kind="zone" id={z.id}>
                {z.properties.name}
              </Goto>
            </li>
          ))}
        </ul>
      </section>
    </CardFrame>
  );
}
