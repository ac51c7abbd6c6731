import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { NTM_STATUS_LABELS, RECOGNISED_STATUSES } from '../../../server/domain/ntm-status.ts';
import { MARK_COLORS, NTM_STATUS_COLORS } from '../../../server/catalog/palette.ts';
import { NEUTRAL, STAR_COLORS } from '../../layers/theme.ts';
import { indicatorLabel } from '../../lib/indicators.ts';
import type { Lang } from '../../lib/label.ts';
import type { ReportedPoint, TargetPoint } from '../../lib/series.ts';
import { sourceDate, sourceTitle } from '../../lib/source-text.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { chartData } from '../../state/derived.ts';
import { lang } from '../../state/ui-state.ts';
import { formatDate, formatNumber, t } from '../i18n.ts';
import { Pending } from '../pending.tsx';
import { SourceList } from '../sources.tsx';
import { DistrictMultiples } from './district-multiples.tsx';
import { chartSpan, day, pointer, STYLE, TEXT, yearStart, years } from './plot-parts.ts';
import { around, layoutTargets, starReach } from './target-layout.ts';
import { PlotView } from './plot-view.tsx';

/**
 * The planners' charts (Observable Plot: a small, declarative, well-kept library whose facets,
 * stacking and pointer interaction cover what we need without a plotting framework of our own):
 * communes by NTM status per year with targets and reported totals, OCOP products by stars
 * against the 2025 target, and one small chart per district.
 */
export function ProgressCharts() {
  const data = chartData.value;
  const l = lang.value;
  const ntm = useMemo(() => (data ? (width: number) => ntmPlot(data.ntm, data.reported, data.targets, l, width) : null), [data, l]);
  const ocop = useMemo(() => (data ? (width: number) => ocopPlot(data.ocop, data.reported, data.targets, l, width) : null), [data, l]);
  if (!data || !ntm || !ocop) return <Pending />;
  const ntmDates = [...new Set(data.ntm.map((p) => p.date))];
  const ocopDates = [...new Set(data.ocop.map((p) => p.date))];
  const byIndicator = (keys: string[]) => data.reported.filter((r) => keys.includes(r.indicatorKey));
  return (
    <section class="charts" data-testid="charts">
      <h3>{t('chartNtm', l)}</h3>
      <PlotView build={ntm} label={t('chartNtm', l)} dates={ntmDates} margins={[24, 24]} />
      <NtmKey />
      <h3>{t('chartOcop', l)}</h3>
      <PlotView build={ocop} label={t('chartOcop', l)} dates={ocopDates} margins={[24, 24]} />
      <ul class="chart-key">
        {(['3', '4', '5', '?'] as const).map((s) => (
          <li key={s}>
            <span class="key-swatch" style={{ background: STAR_COLORS[s] }} /> {s === '?' ? t('starsUnknown', l) : `${s}★`}
          </li>
        ))}
        <li>
          <span class="key-symbol">●</span> {t('reported', l)}
        </li>
        <li>
          <span class="key-symbol target">━</span> {t('target', l)}
        </li>
      </ul>
      <details class="gaps">
        <summary>{t('gapsTitle', l)}</summary>
        <table class="counts" data-testid="gaps">
          <thead>
            <tr>
              <th scope="col">{t('reportDate', l)}</th>
              <th scope="col">{t('reported', l)}</th>
              <th scope="col">{t('ourRecord', l)}</th>
              <th scope="col">{t('gap', l)}</th>
            </tr>
          </thead>
          <tbody>
            {[...byIndicator(['ntm-standard-communes', 'ntm-standard-or-basic-communes']), ...byIndicator(['ocop-products'])].map((r) => (
              <tr key={`${r.indicatorKey}-${r.date}-${r.reported}`}>
                <th scope="row">
                  {formatDate(r.date, l)} · {indicatorLabel(r.indicatorKey)[l]}
                </th>
                <td>{formatNumber(r.reported, l)}</td>
                <td>{formatNumber(r.record, l)}</td>
                <td>{r.gap > 0 ? `+${formatNumber(r.gap, l)}` : formatNumber(r.gap, l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <SourceList
          sources={[
            ...new Map([...data.reported.flatMap((r) => r.sources), ...data.targets.map((x) => x.target.source)].map((s) => [s.title + s.date, s])).values(),
          ]}
        />
      </details>
      <h3>{t('chartDistricts', l)}</h3>
      <DistrictMultiples />
    </section>
  );
}

function NtmKey() {
  const l = lang.value;
  return (
    <ul class="chart-key">
      {RECOGNISED_STATUSES.map((s) => (
        <li key={s}>
          <span class="key-swatch" style={{ background: NTM_STATUS_COLORS[s] }} /> {NTM_STATUS_LABELS[s][l]}
        </li>
      ))}
      <li>
        <span class="key-symbol">●</span> {t('reportedNtm', l)}
      </li>
      <li>
        <span class="key-symbol">○</span> {t('reportedNtmBasic', l)}
      </li>
      <li>
        <span class="key-symbol target">★</span> {t('targetNtm', l)}
      </li>
      <li>
        <span class="key-symbol target">☆</span> {t('targetNtmBasic', l)}
      </li>
    </ul>
  );
}

function reportTitle(l: Lang) {
  return (d: ReportedPoint) =>
    `${formatDate(d.date, l)} · ${indicatorLabel(d.indicatorKey)[l]} · ${t('reported', l)}: ${formatNumber(d.reported, l)} · ${t('ourRecord', l)}: ${formatNumber(d.record, l)}\n${t('source', l)}: ${d.sources.map((s) => sourceTitle(s.title, l).text).join('; ')}`;
}

/** "Chỉ tiêu 2020 · Xã đạt chuẩn NTM trở lên: 15 (Thủ tướng giao, 2016–2020) · Nguồn: VietNamNet…" */
function targetTitle(d: TargetPoint, l: Lang): string {
  const stated = d.target.indicatorKey === d.indicatorKey ? localizeStated(d.text, l) : `${formatNumber(d.value, l)} (${localizeStated(d.text, l)})`;
  return `${t('target', l)} ${d.year} · ${indicatorLabel(d.indicatorKey)[l]}: ${stated}\n${t('source', l)}: ${sourceTitle(d.target.source.title, l).text} (${sourceDate(d.target.source.date, l)})`;
}

/** The NTM chart's frame, in pixels. */
const NTM = { height: 250, top: 24, right: 24, bottom: 24, left: 36, star: 6 } as const;

function ntmPlot(series: { date: string; status: string; count: number }[], reported: ReportedPoint[], targets: TargetPoint[], l: Lang, width: number) {
  const std = reported.filter((r) => r.indicatorKey === 'ntm-standard-communes');
  const stdBasic = reported.filter((r) => r.indicatorKey === 'ntm-standard-or-basic-communes');
  const goals = targets.filter((x) => x.indicatorKey === 'ntm-standard-communes' || x.indicatorKey === 'ntm-standard-or-basic-communes');
  const span = chartSpan();
  // The scales are made first, so the targets' stars and numbers can be laid out in pixels around the other marks.
  const x = Plot.scale({ x: { type: 'utc', domain: [span.start, day(`${span.newUnitsYear + 1}-01-01`)], range: [NTM.left, width - NTM.right] } });
  const totals = new Map<string, number>();
  for (const s of series) totals.set(s.date, (totals.get(s.date) ?? 0) + s.count);
  const yMax = Math.max(0, ...totals.values(), ...[...std, ...stdBasic].flatMap((r) => [r.reported, r.record]), ...goals.map((g) => g.value));
  const y = Plot.scale({ y: { domain: [0, yMax], range: [NTM.height - NTM.bottom, NTM.top], nice: true } });
  const px = (date: Date, value: number) => [x.apply(date) as number, y.apply(value) as number] as const;
  const fromPx = { x: x.invert!, y: y.invert! };
  const dots = [...std, ...stdBasic].map((r) => around(...px(day(r.date), r.reported), 4.5));
  const rules = [...std, ...stdBasic].map((r) => {
    const [rx, ry] = px(day(r.date), r.reported);
    const [, recordY] = px(day(r.date), r.record);
    return { left: rx - 1, right: rx + 1, top: Math.min(ry, recordY), bottom: Math.max(ry, recordY) };
  });
  const text = (d: TargetPoint) => formatNumber(d.value, l);
  const placed = layoutTargets(
    goals.map((d) => {
      const [sx, sy] = px(day(`${d.year}-12-31`), d.value);
      return { x: sx, y: sy, labelWidth: text(d).length * TEXT * 0.62 + 2, labelHeight: TEXT * 1.2 };
    }),
    starReach(NTM.star, 1.5),
    { dots, rules },
    { left: NTM.left, top: 0, right: width, bottom: NTM.height - NTM.bottom },
    // A target is for the year ending at its star: moved at most half a year, it reads as no other year's.
    (x.apply(day(`${span.newUnitsYear}-12-31`)) as number) - (x.apply(day(`${span.newUnitsYear}-07-01`)) as number),
  );
  const stars = goals.map((d, i) => ({ ...d, ...placed[i], filled: d.indicatorKey === 'ntm-standard-communes' }));
  return Plot.plot({
    width,
    height: NTM.height,
    marginLeft: NTM.left,
    marginRight: NTM.right,
    marginTop: NTM.top,
    marginBottom: NTM.bottom,
    style: STYLE,
    x: {
      type: 'utc',
      domain: x.domain,
      ticks: years(span.startYear + 1, span.newUnitsYear + 1, width < 420 ? 2 : 1),
      tickFormat: '%Y',
      label: null,
    },
    y: { grid: true, domain: y.domain, label: t('communes', l), tickFormat: (v: number) => formatNumber(v, l) },
    color: { domain: [...RECOGNISED_STATUSES], range: RECOGNISED_STATUSES.map((s) => NTM_STATUS_COLORS[s]) },
    marks: [
      Plot.rectY(series, {
        x1: (d) => yearStart(d.date),
        x2: (d) => day(d.date),
        y: 'count',
        fill: 'status',
        order: [...RECOGNISED_STATUSES],
        insetLeft: 1,
        insetRight: 1,
      }),
      Plot.ruleX([...std, ...stdBasic], {
        x: (d) => day(d.date),
        y1: 'record',
        y2: 'reported',
        stroke: MARK_COLORS.disputed,
        strokeWidth: 1.5,
        strokeDasharray: '2,2',
      }),
      Plot.dot(std, { x: (d) => day(d.date), y: 'reported', fill: NEUTRAL.ink, r: 3.5, title: reportTitle(l), className: 'ntm-reported' }),
      Plot.dot(stdBasic, {
        x: (d) => day(d.date),
        y: 'reported',
        stroke: NEUTRAL.ink,
        fill: NEUTRAL.paper,
        r: 3.5,
        title: reportTitle(l),
        className: 'ntm-reported',
      }),
      // A star keeps its value (the height); only one that would touch another star or a reported dot is moved sideways.
      Plot.dot(stars, {
        x: (d) => fromPx.x(d.x),
        y: 'value',
        symbol: 'star',
        fill: (d) => (d.filled ? MARK_COLORS.noNtm : NEUTRAL.paper),
        stroke: MARK_COLORS.noNtm,
        strokeWidth: 1.5,
        r: NTM.star,
        title: (d) => targetTitle(d, l),
        className: 'ntm-target',
      }),
      Plot.text(stars, {
        x: (d) => fromPx.x(d.labelX),
        y: (d) => fromPx.y(d.labelY),
        text,
        textAnchor: 'middle',
        lineAnchor: 'middle',
        fontSize: TEXT,
        fill: MARK_COLORS.noNtm,
        stroke: NEUTRAL.paper,
        strokeWidth: 3,
        className: 'ntm-target-value',
      }),
      pointer([...new Set(series.map((s) => s.date))]),
    ],
  }) as unknown as ReturnType<typeof Plot.plot> & SVGSVGElement;
}

function ocopPlot(series: { date: string; stars: string; count: number }[], reported: ReportedPoint[], targets: TargetPoint[], l: Lang, width: number) {
  const rep = reported.filter((r) => r.indicatorKey === 'ocop-products');
  // Two sources give the same 2025 target: draw it once.
  const goals = [...new Map(targets.filter((x) => x.indicatorKey === 'ocop-products').map((x) => [`${x.year}-${x.value}`, x])).values()];
  return Plot.plot({
    width,
    height: 230,
    marginLeft: 36,
    marginRight: 24,
    marginTop: 24,
    marginBottom: 24,
    style: STYLE,
    x: { type: 'utc', domain: [day('2019-01-01'), day('2026-01-01')], ticks: years(2020, 2026, 1), tickFormat: '%Y', label: null },
    y: { grid: true, label: t('ocopCount', l), domain: [0, 150], tickFormat: (v: number) => formatNumber(v, l) },
    color: { domain: ['3', '4', '5', '?'], range: ['3', '4', '5', '?'].map((s) => STAR_COLORS[s as keyof typeof STAR_COLORS]) },
    marks: [
      Plot.rectY(series, {
        x1: (d) => yearStart(d.date),
        x2: (d) => day(d.date),
        y: 'count',
        fill: 'stars',
        order: ['5', '4', '3', '?'],
        insetLeft: 1,
        insetRight: 1,
      }),
      Plot.ruleY(goals, {
        y: 'value',
        x1: (d) => yearStart(`${d.year}-01-01`),
        x2: (d) => day(`${d.year}-12-31`),
        stroke: MARK_COLORS.noNtm,
        strokeWidth: 2.5,
        title: (d) => targetTitle(d, l),
      }),
      Plot.text(goals, {
        x: (d) => yearStart(`${d.year}-01-01`),
        y: 'value',
        text: (d) => `${t('target', l)} ${d.year}: ≥ ${formatNumber(d.value, l)}`,
        dx: -4,
        textAnchor: 'end',
        fontSize: TEXT,
        fill: MARK_COLORS.noNtm,
        title: (d) => targetTitle(d, l),
      }),
      Plot.ruleX(rep, { x: (d) => day(d.date), y1: 'record', y2: 'reported', stroke: MARK_COLORS.disputed, strokeWidth: 1.5, strokeDasharray: '2,2' }),
      Plot.dot(rep, { x: (d) => day(d.date), y: 'reported', fill: NEUTRAL.ink, r: 3.5, title: reportTitle(l) }),
      pointer([...new Set(series.map((s) => s.date))]),
    ],
  }) as unknown as ReturnType<typeof Plot.plot> & SVGSVGElement;
}
