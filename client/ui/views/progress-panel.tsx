import { Fragment } from 'preact';
import { lazy, memo, Suspense } from 'preact/compat';
import { NTM_STATUSES, statusRank } from '../../../server/domain/ntm-status.ts';
import { oldUnitSetOn } from '../../../server/domain/unit-sets.ts';
import { buildLegend } from '../../layers/legend.ts';
import { layerById } from '../../../server/catalog/layer-registry.ts';
import { indicatorLabel } from '../../lib/indicators.ts';
import { latestReport } from '../../lib/reports.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { newUnits, oldAsOf, shownSet, stats } from '../../state/derived.ts';
import { theProvince, tp } from '../../state/province.ts';
import { asOf, lang, openHelp } from '../../state/ui-state.ts';
import { unitsLabel } from '../table/units-label.ts';
import { StatusBadge } from '../cards/status-badge.tsx';
import { TargetsList } from '../forms/targets-list.tsx';
import { HelpLink } from '../help-link.tsx';
import { countOf, formatDate, formatNumber, t } from '../i18n.ts';
import { Pending } from '../pending.tsx';
import { SourceList } from '../sources.tsx';
import { stableComputed } from '../../state/stable.ts';
import { sameValue } from '../../lib/same-value.ts';
import { CAN_HOVER } from '../../lib/pointer.ts';
import { WhenNear } from '../when-near.tsx';

/** The charts (Observable Plot) are their own chunk, loaded when the panel is first scrolled near them. */
const ProgressCharts = lazy(() => import('../charts/progress-charts.tsx').then((m) => ({ default: m.ProgressCharts })));

/** The indicators the province reports that our commune-level record can be set against. */
const INDICATORS = ['ntm-standard-communes', 'ntm-standard-or-basic-communes', 'ocop-products'] as const;

/**
 * What the panel shows as of the date: the counts, and each indicator's record, latest report and
 * targets still ahead. Most steps in time change none of it, and then the panel is not re-rendered.
 */
const figures = stableComputed(() => {
  const s = stats.value;
  if (!s) return null;
  const c = s.communes;
  const ours: Record<(typeof INDICATORS)[number], number> = {
    'ntm-standard-communes': c.standard + c.advanced + c.model,
    'ntm-standard-or-basic-communes': c.basic + c.standard + c.advanced + c.model,
    'ocop-products': s.ocop.total,
  };
  const date = oldAsOf.value;
  const periods = theProvince().unitSets;
  return {
    communes: c,
    ocop: s.ocop,
    indicators: INDICATORS.map((key) => ({
      key,
      ours: ours[key],
      reported: latestReport(s.targets, key, date, periods),
      targets: s.targets.filter((r) => r.indicatorKey === key && r.targetValue !== null && r.targetYear !== null && r.targetYear >= Number(date.slice(0, 4))),
    })),
    afterMerger: asOf.value > date,
    onNewUnits: shownSet.value === '2025',
  };
});

/**
 * Planners: province counts by status from the commune-level record, with how much of the
 * province's reported total it holds, and every target and reported total with its indicator and
 * source. On the new units, the units the map and the legend count are counted here too.
 */
export function ProgressPanel() {
  const l = lang.value;
  const f = figures.value;
  if (!f) return <Pending />;
  const c = f.communes;
  const [ntm] = f.indicators;
  const missing = ntm.reported ? ntm.reported.actualValue! - ntm.ours : 0;
  return (
    <section class="view-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{t('viewProgress', l)}</h2>
      {f.afterMerger && <MergerNote />}
      {f.onNewUnits && <NewUnitCounts />}
      <AsOfLine />
      <h3>{t('provinceCounts', l)}</h3>
      <table class="counts" data-testid="status-counts">
        <tbody>
          {NTM_STATUSES.map((status) => (
            <tr key={status}>
              <th scope="row">{status === 'none' ? <HelpLink topic="statuses">{t('noneOnRecord', l)}</HelpLink> : <StatusBadge status={status} />}</th>
              <td>{formatNumber(c[status], l)}</td>
            </tr>
          ))}
          {c.urban > 0 && (
            <tr>
              <th scope="row">
                <StatusBadge status="urban" />
              </th>
              <td>{formatNumber(c.urban, l)}</td>
            </tr>
          )}
          <tr>
            <th scope="row">{t('ocopCount', l)}</th>
            <td>
              {formatNumber(f.ocop.total, l)} ({countOf(f.ocop.byStars['4'], '4★', l)}, {countOf(f.ocop.byStars['5'], '5★', l)})
            </td>
          </tr>
        </tbody>
      </table>
      {ntm.reported && missing > 0 && (
        <p class="caveat" data-testid="coverage-gap">
          {t('coverageGap', l)
            .replace('{ours}', formatNumber(ntm.ours, l))
            .replace('{reported}', formatNumber(ntm.reported.actualValue!, l))
            .replace('{date}', formatDate(ntm.reported.actualDate!, l))
            .replace('{missing}', formatNumber(missing, l))}{' '}
          <button type="button" class="link" onClick={() => openHelp('coverage')}>
            {t('coverageMore', l)}
          </button>
        </p>
      )}
      <h3>{t('againstTargets', l)}</h3>
      {f.indicators.map((x) => (
        <Indicator key={x.key} figures={x} />
      ))}
      <TargetsList />
      <p class="caveat">{t('recordGap', l)}</p>
      <p class="muted small">{t(CAN_HOVER ? 'chartHover' : 'chartTap', l)}</p>
      <WhenNear minHeight="60rem" testId="charts">
        <Suspense fallback={null}>
          <ProgressCharts />
        </Suspense>
      </WhenNear>
    </section>
  );
}

type IndicatorFigures = NonNullable<(typeof figures)['value']>['indicators'][number];

/**
 * One indicator: our record's count, the latest report and the targets ahead. Re-rendered only
 * when they change (the reports and targets are the record's own objects, compared by reference),
 * not whenever another of the panel's counts does.
 */
const Indicator = memo(function Indicator({ figures: { key, ours, reported, targets } }: { figures: IndicatorFigures }) {
  const l = lang.value;
  return (
    <div class="indicator">
      <h4>{indicatorLabel(key)[l]}</h4>
      <dl class="facts">
        <dt>{t('ourRecord', l)}</dt>
        <dd>
          <strong>{formatNumber(ours, l)}</strong>
        </dd>
        <dt>{t('reported', l)}</dt>
        <dd>
          {reported ? (
            <>
              {localizeStated(reported.actual, l)} <span class="muted">({formatDate(reported.actualDate!, l)})</span>
              <SourceList sources={[reported.source]} title={false} />
            </>
          ) : (
            '—'
          )}
        </dd>
        {targets.map((r) => (
          <Fragment key={r.id}>
            <dt>
              {t('target', l)} {r.targetYear}
            </dt>
            <dd data-testid="target">
              {localizeStated(r.target, l)}
              <SourceList sources={[r.source]} title={false} />
            </dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}, sameValue);

/** The date the counts are for, and on which units: the one line a step in time always changes. */
function AsOfLine() {
  const l = lang.value;
  const date = oldAsOf.value;
  return (
    <p class="muted">
      {t('asOf', l)} {formatDate(date, l)} · {unitsLabel(oldUnitSetOn(theProvince().unitSets, date), l)}
    </p>
  );
}

/** On the new units: the units the map draws, counted by the legend's classes, and their own status. */
function NewUnitCounts() {
  const l = lang.value;
  const units = newUnits.value;
  if (!units) return null;
  const legend = buildLegend(layerById('ntm-new-units'), units.features, null);
  return (
    <div class="new-unit-counts" data-testid="new-unit-counts">
      <h3>{t('newUnitsCounted', l).replace('{n}', formatNumber(units.features.length, l))}</h3>
      <p class="muted small">{layerById('ntm-new-units').title[l]}</p>
      <table class="counts">
        <tbody>
          {legend.entries
            .filter((e) => e.key !== 'unknown' || e.total > 0)
            .map((e) => (
              <tr key={e.key} data-class={e.key}>
                <th scope="row">{e.label[l]}</th>
                <td>{formatNumber(e.total, l)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** After the 2025 reform: what the merger did to NTM status, and which date the old-unit figures are for. */
function MergerNote() {
  const l = lang.value;
  const units = newUnits.value;
  if (!units) return null;
  const features = units.features;
  const sum = (f: (p: (typeof features)[number]['properties']) => number) => features.reduce((a, x) => a + f(x.properties), 0);
  return (
    <div class="caveat">
      <p>
        {tp('afterMerger', l, {
          units: formatNumber(units.features.length, l),
          ntm: formatNumber(units.features.filter((f) => statusRank(f.properties.ntmStatus) > 0).length, l),
        })}
      </p>
      <p>
        {tp('afterMergerFormer', l, {
          n: formatNumber(
            sum((p) => p.formerNtm),
            l,
          ),
          total: formatNumber(
            sum((p) => p.formerCodes.length),
            l,
          ),
        })}
      </p>
    </div>
  );
}
