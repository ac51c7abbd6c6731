import * as Plot from '@observablehq/plot';
import { useMemo, useState } from 'preact/hooks';
import { NTM_STATUS_COLORS } from '../../../server/catalog/palette.ts';
import { chartData } from '../../state/derived.ts';
import { lang } from '../../state/ui-state.ts';
import { formatNumber, t } from '../i18n.ts';
import { chartSpan, day, pointer, STYLE, yearStart, years } from './plot-parts.ts';
import { PlotView } from './plot-view.tsx';

/**
 * One small chart per district: its NTM and cơ bản đạt chuẩn communes over the years, on the
 * districts of the time. All on one scale, so bars compare across districts; or each on its own
 * (up to its number of communes), to read its share.
 */
export function DistrictMultiples() {
  const data = chartData.value;
  const l = lang.value;
  // Which scale the small charts share is this view's own presentation, not shared state.
  const [own, setOwn] = useState(false);
  const names = useMemo(() => [...new Map((data?.districts ?? []).map((d) => [d.code, d.name])).entries()], [data]);
  const shared = useMemo(() => Math.max(1, ...(data?.districts ?? []).map((d) => d.ntm + d.basic)), [data]);
  const dates = useMemo(() => [...new Set((data?.districts ?? []).map((d) => d.date))], [data]);
  const span = chartSpan();
  const builders = useMemo(
    () =>
      new Map(
        names.map(([code]) => {
          const rows = (data?.districts ?? []).filter((d) => d.code === code);
          const stacked = rows.flatMap((r) => [
            { date: r.date, kind: 'standard', n: r.ntm },
            { date: r.date, kind: 'basic', n: r.basic },
          ]);
          const max = own ? Math.max(...rows.map((r) => r.communes)) : shared;
          return [
            code,
            (width: number) =>
              Plot.plot({
                width,
                height: 100,
                marginLeft: 26,
                marginRight: 6,
                marginTop: 8,
                marginBottom: 20,
                style: STYLE,
                x: {
                  type: 'utc',
                  domain: [span.start, span.newUnits],
                  ticks: years(span.startYear + 2, span.newUnitsYear - 1, 3),
                  tickFormat: '%Y',
                  label: null,
                },
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
                  pointer([...new Set(rows.map((r) => r.date))]),
                ],
              }) as unknown as ReturnType<typeof Plot.plot> & SVGSVGElement,
          ] as const;
        }),
      ),
    [names, data, own, shared],
  );
  return (
    <>
      <label class="scale-choice">
        <input type="checkbox" checked={own} onChange={(e) => setOwn((e.target as HTMLInputElement).checked)} /> {t('ownScale', l)}
      </label>
      <p class="muted small">{own ? t('ownScaleNote', l) : t('sharedScaleNote', l).replace('{max}', formatNumber(shared, l))}</p>
      <div class="multiples">
        {names.map(([code, name]) => (
          <figure key={code} class="multiple">
            <figcaption>{name}</figcaption>
            <PlotView build={builders.get(code)!} label={`${name}: ${t('chartDistrictLabel', l)}`} dates={dates} margins={[8, 20]} />
          </figure>
        ))}
      </div>
    </>
  );
}
