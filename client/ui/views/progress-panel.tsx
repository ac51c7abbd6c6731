import { NTM_STATUSES } from '../../../server/domain/ntm-status.ts';
import type { TargetRecord } from '../../../server/catalog/records.ts';
import { newUnits, oldAsOf, stats } from '../../state/derived.ts';
import { asOf, lang } from '../../state/ui-state.ts';
import { ProgressCharts } from '../charts/progress-charts.tsx';
import { oldUnitSetOn } from '../../../server/domain/unit-sets.ts';
import { StatusBadge } from '../cards/status-badge.tsx';
import { formatDate, t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';

/** The indicators the province reports that our commune-level record can be set against. */
const INDICATORS = [
  { key: 'ntm-standard-communes', label: { vi: 'Xã đạt chuẩn NTM trở lên', en: 'Communes at đạt chuẩn or above' } },
  { key: 'ntm-standard-or-basic-communes', label: { vi: 'Xã đạt chuẩn và cơ bản đạt chuẩn', en: 'Communes at đạt chuẩn or cơ bản đạt chuẩn' } },
  { key: 'ocop-products', label: { vi: 'Sản phẩm OCOP', en: 'OCOP products' } },
] as const;

/** Planners: province counts by status from the commune-level record, against targets and reported totals. */
export function ProgressPanel() {
  const l = lang.value;
  const s = stats.value;
  if (!s) return <p>{t('loading', l)}</p>;
  const c = s.communes;
  const ours: Record<(typeof INDICATORS)[number]['key'], number> = {
    'ntm-standard-communes': c.standard + c.advanced + c.model,
    'ntm-standard-or-basic-communes': c.basic + c.standard + c.advanced + c.model,
    'ocop-products': s.ocop.total,
  };
  const date = oldAsOf.value;
  const merged = asOf.value > date ? newUnits.value : null;
  return (
    <section class="view-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{t('viewProgress', l)}</h2>
      {merged && (
        <div class="caveat">
          <p>
            {t('afterMerger', l)
              .replace('{units}', String(merged.features.length))
              .replace('{ntm}', String(merged.features.filter((f) => f.properties.ntmStatus !== 'none').length))}
          </p>
          <p>
            {t('afterMergerFormer', l)
              .replace('{n}', String(merged.features.reduce((a, f) => a + f.properties.formerNtm, 0)))
              .replace('{total}', String(merged.features.reduce((a, f) => a + f.properties.formerCodes.length, 0)))}
          </p>
        </div>
      )}
      <p class="muted">
        {t('asOf', l)} {formatDate(date, l)} · {t(oldUnitSetOn(date) === '2019' ? 'unitsNote2019' : 'unitsNote', l)}
      </p>
      <h3>{t('provinceCounts', l)}</h3>
      <table class="counts">
        <tbody>
          {NTM_STATUSES.map((status) => (
            <tr key={status}>
              <th scope="row">
                <StatusBadge status={status} />
              </th>
              <td>{c[status]}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('ocopCount', l)}</th>
            <td>
              {s.ocop.total} ({s.ocop.byStars['4']} × 4★, {s.ocop.byStars['5']} × 5★)
            </td>
          </tr>
        </tbody>
      </table>
      <h3>{t('againstTargets', l)}</h3>
      {INDICATORS.map((ind) => {
        const rows = s.targets.filter((r) => r.indicatorKey === ind.key);
        const reported = rows
          .filter((r) => r.actualValue !== null && r.actualDate !== null && r.actualDate <= date)
          .sort(byActualDate)
          .at(-1);
        const targets = rows.filter((r) => r.targetValue !== null && r.targetYear !== null && r.targetYear >= Number(date.slice(0, 4)));
        return (
          <div class="indicator" key={ind.key}>
            <h4>{ind.label[l]}</h4>
            <dl class="facts">
              <dt>{t('ourRecord', l)}</dt>
              <dd>
                <strong>{ours[ind.key]}</strong>
              </dd>
              <dt>{t('reported', l)}</dt>
              <dd>{reported ? `${reported.actual} (${reported.actualDate})` : '—'}</dd>
              {targets.map((r) => (
                <>
                  <dt>
                    {t('target', l)} {r.targetYear}
                  </dt>
                  <dd>{r.target}</dd>
                </>
              ))}
            </dl>
            <SourceList sources={[...(reported ? [reported.source] : []), ...targets.map((r) => r.source)]} title={false} />
          </div>
        );
      })}
      <p class="caveat">{t('recordGap', l)}</p>
      <p class="muted small">{t('chartHover', l)}</p>
      <ProgressCharts />
    </section>
  );
}

function byActualDate(a: TargetRecord, b: TargetRecord) {
  return (a.actualDate ?? '').localeCompare(b.actualDate ?? '');
}
