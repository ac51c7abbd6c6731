import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { NTM_STATUS_LABELS } from '../../../server/domain/ntm-status.ts';
import { MARK_COLORS, NEUTRAL, NTM_STATUS_COLORS, STAR_COLORS } from '../../layers/theme.ts';
import type { ReportedPoint, TargetPoint } from '../../lib/series.ts';
import { chartData } from '../../state/derived.ts';
import { lang } from '../../state/ui-state.ts';
import { formatDate, t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { PlotView } from './plot-view.tsx';

const STATUSES = ['basic', 'standard', 'advanced', 'model'] as const;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const yearStart = (iso: string) => day(`${iso.slice(0, 4)}-01-01`);
const WIDTH = 350;

/**
 * The planners' charts (Observable Plot: a small, declarative, well-kept library whose facets,
 * stacking and pointer interaction cover what we need without a plotting framework of our own):
 * communes by NTM status per year with targets and reported totals, OCOP products by stars
 * against the 2025 target, and one small chart per district.
 */
export function ProgressCharts() {
  const data = chartData.value;
  const l = lang.value;
  const ntm = useMemo(() => (data ? () => ntmPlot(data.ntm, data.reported, data.targets, l) : null), [data, l]);
  const ocop = useMemo(() => (data ? () => ocopPlot(data.ocop, data.reported, data.targets, l) : null), [data, l]);
  if (!data || !ntm || !ocop) return <p>{t('loading', l)}</p>;
  const gaps = data.reported.filter((r) => r.indicatorKey !== 'ocop-products');
  return (
    <section class="charts" data-testid="charts">
      <h3>{t('chartNtm', l)}</h3>
      <PlotView build={ntm} label={t('chartNtm', l)} />
      <ChartKey />
      <h3>{t('chartOcop', l)}</h3>
      <PlotView build={ocop} label={t('chartOcop', l)} />
      <ul class="chart-key">
        {(['3', '4', '5', '?'] as const).map((s) => (
          <li key={s}>
            <span class="key-swatch" style={{ background: STAR_COLORS[s] }} /> {s === '?' ? t('unknown', l) : `${s}★`}
          </li>
        ))}
      </ul>
      <details class="gaps">
        <summary>{t('gapsTitle', l)}</summary>
        <table class="counts">
          <thead>
            <tr>
              <th scope="col">{t('reportDate', l)}</th>
              <th scope="col">{t('reported', l)}</th>
              <th scope="col">{t('ourRecord', l)}</th>
              <th scope="col">{t('gap', l)}</th>
            </tr>
          </thead>
          <tbody>
            {[...gaps, ...data.reported.filter((r) => r.indicatorKey === 'ocop-products')].map((r, i) => (
              <tr key={i}>
                <th scope="row">
                  {formatDate(r.date, l)} · {indicatorName(r.indicatorKey, l)}
                </th>
                <td>{r.reported}</td>
                <td>{r.record}</td>
                <td>{r.gap > 0 ? `+${r.gap}` : r.gap}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <SourceList
          sources={[
            ...new Map([...data.reported.map((r) => r.target.source), ...data.targets.map((x) => x.target.source)].map((s) => [s.title + s.date, s])).values(),
          ]}
        />
      </details>
      <h3>{t('chartDistricts', l)}</h3>
      <DistrictMultiples />
    </section>
  );
}

function ChartKey() {
  const l = lang.value;
  return (
    <ul class="chart-key">
      {STATUSES.map((s) => (
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
        <span class="key-symbol target">★</span> {t('target', l)}
      </li>
    </ul>
  );
}

function indicatorName(key: string, l: 'vi' | 'en'): string {
  return t(key === 'ocop-products' ? 'ocopCount' : key === 'ntm-standard-communes' ? 'ntmCommunes' : 'ntmOrBasic', l);
}

function reportTitle(l: 'vi' | 'en') {
  return (d: ReportedPoint) =>
    `${formatDate(d.date, l)} · ${t('reported', l)}: ${d.target.actual} · ${t('ourRecord', l)}: ${d.record} · ${d.target.source.title}`;
}

/** The pointer: hovering anywhere over a period selects its date. */
function pointer(dates: string[]) {
  return Plot.ruleX(
    dates.map((date) => ({ date })),
    Plot.pointerX({ x: (d: { date: string }) => day(d.date), stroke: NEUTRAL.ink, strokeOpacity: 0.35, strokeWidth: 8 }),
  );
}

function ntmPlot(series: { date: string; status: string; count: number }[], reported: ReportedPoint[], targets: TargetPoint[], l: 'vi' | 'en') {
  const std = reported.filter((r) => r.indicatorKey === 'ntm-standard-communes');
  const stdBasic = reported.filter((r) => r.indicatorKey === 'ntm-standard-or-basic-communes');
  const goals = targets.filter((x) => x.indicatorKey === 'ntm-standard-communes' || x.indicatorKey === 'ntm-standard-or-basic-communes');
  return Plot.plot({
    width: WIDTH,
    height: 240,
    marginLeft: 34,
    marginTop: 10,
    marginBottom: 24,
    x: { type: 'utc', domain: [day('2015-01-01'), day('2026-01-01')], label: null },
    y: { grid: true, label: t('communes', l) },
    color: { domain: [...STATUSES], range: STATUSES.map((s) => NTM_STATUS_COLORS[s]) },
    marks: [
      Plot.rectY(series, {
        x1: (d) => yearStart(d.date),
        x2: (d) => day(d.date),
        y: 'count',
        fill: 'status',
        order: [...STATUSES],
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
      Plot.dot(std, { x: (d) => day(d.date), y: 'reported', fill: NEUTRAL.ink, r: 3, title: reportTitle(l) }),
      Plot.dot(stdBasic, { x: (d) => day(d.date), y: 'reported', stroke: NEUTRAL.ink, fill: NEUTRAL.paper, r: 3, title: reportTitle(l) }),
      Plot.text(
        [...std, ...stdBasic].filter((r) => r.gap !== 0),
        { x: (d) => day(d.date), y: 'reported', text: (d) => (d.gap > 0 ? `+${d.gap}` : String(d.gap)), dy: -8, fontSize: 9, fill: MARK_COLORS.disputed },
      ),
      Plot.dot(goals, {
        x: (d) => day(`${d.year}-12-31`),
        y: 'value',
        symbol: 'star',
        fill: MARK_COLORS.noNtm,
        r: 5,
        title: (d) => `${t('target', l)} ${d.year}: ${d.text}`,
      }),
      Plot.text(goals, {
        x: (d) => day(`${d.year}-12-31`),
        y: 'value',
        text: (d) => String(d.value),
        dx: 8,
        textAnchor: 'start',
        fontSize: 9,
        fill: MARK_COLORS.noNtm,
      }),
      pointer([...new Set(series.map((s) => s.date))]),
    ],
  }) as unknown as ReturnType<typeof Plot.plot> & SVGSVGElement;
}

function ocopPlot(series: { date: string; stars: string; count: number }[], reported: ReportedPoint[], targets: TargetPoint[], l: 'vi' | 'en') {
  const rep = reported.filter((r) => r.indicatorKey === 'ocop-products');
  // Two sources give the same 2025 target: draw it once.
  const goals = [...new Map(targets.filter((x) => x.indicatorKey === 'ocop-products').map((x) => [`${x.year}-${x.value}`, x])).values()];
  return Plot.plot({
    width: WIDTH,
    height: 220,
    marginLeft: 34,
    marginTop: 10,
    marginBottom: 24,
    x: { type: 'utc', domain: [day('2019-01-01'), day('2026-01-01')], label: null },
    y: { grid: true, label: t('ocopCount', l), domain: [0, 145] },
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
      Plot.ruleY(goals, { y: 'value', x1: (d) => yearStart(`${d.year}-01-01`), x2: (d) => day(`${d.year}-12-31`), stroke: MARK_COLORS.noNtm, strokeWidth: 2 }),
      Plot.text(goals, {
        x: (d) => yearStart(`${d.year}-01-01`),
        y: 'value',
        text: (d) => `${t('target', l)} ${d.year}: ≥ ${d.value}`,
        dx: -3,
        textAnchor: 'end',
        fontSize: 9,
        fill: MARK_COLORS.noNtm,
        title: (d) => d.text,
      }),
      Plot.ruleX(rep, { x: (d) => day(d.date), y1: 'record', y2: 'reported', stroke: MARK_COLORS.disputed, strokeWidth: 1.5, strokeDasharray: '2,2' }),
      Plot.dot(rep, { x: (d) => day(d.date), y: 'reported', fill: NEUTRAL.ink, r: 3, title: reportTitle(l) }),
      Plot.text(rep, { x: (d) => day(d.date), y: 'reported', text: (d) => String(d.reported), dy: -8, fontSize: 9 }),
      pointer([...new Set(series.map((s) => s.date))]),
    ],
  }) as unknown as ReturnType<typeof Plot.plot> & SVGSVGElement;
}

/** One small chart per district: its NTM and cơ bản đạt chuẩn communes over the years, on the districts of the time. */
function DistrictMultiples() {
  const data = chartData.value;
  const l = lang.value;
  const names = useMemo(() => [...new Map((data?.districts ?? []).map((d) => [d.code, d.name])).entries()], [data]);
  const builders = useMemo(
    () =>
      new Map(
        names.map(([code, name]) => {
          const rows = (data?.districts ?? []).filter((d) => d.code === code);
          const stacked = rows.flatMap((r) => [
            { date: r.date, kind: 'standard', n: r.ntm },
            { date: r.date, kind: 'basic', n: r.basic },
          ]);
          const max = Math.max(...rows.map((r) => r.communes));
          return [
            code,
            () =>
              Plot.plot({
                width: 165,
                height: 95,
                marginLeft: 22,
                marginRight: 4,
                marginTop: 16,
                marginBottom: 16,
                x: { type: 'utc', domain: [day('2015-01-01'), day('2025-07-01')], ticks: 3, tickFormat: '%Y', label: null },
                y: { domain: [0, max], ticks: 2, label: null },
                color: { domain: ['standard', 'basic'], range: [NTM_STATUS_COLORS.standard, NTM_STATUS_COLORS.basic] },
                marks: [
                  Plot.rectY(stacked, {
                    x1: (d) => yearStart(d.date),
                    x2: (d) => day(d.date),
                    y: 'n',
                    fill: 'kind',
                    order: ['standard', 'basic'],
                    insetLeft: 0.5,
                    insetRight: 0.5,
                  }),
                  Plot.text([name], { frameAnchor: 'top-left', dy: -14, fontWeight: 600, fontSize: 10 }),
                  pointer([...new Set(rows.map((r) => r.date))]),
                ],
              }) as unknown as ReturnType<typeof Plot.plot> & SVGSVGElement,
          ] as const;
        }),
      ),
    [names, data],
  );
  return (
    <div class="multiples">
      {names.map(([code, name]) => (
        <PlotView key={code} build={builders.get(code)!} label={`${name}: ${t('chartDistrictLabel', l)}`} margins={[16, 16]} />
      ))}
    </div>
  );
}
