import type { Plot } from '@observablehq/plot';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { asOf } from '../../state/ui-state.ts';

export type PlotFigure = (SVGSVGElement | HTMLElement) & Plot;

/**
 * Hosts an Observable Plot chart. Hovering a date in it moves the map there (the chart's pointer
 * value is a date); the map's date is drawn back on the chart as a line, moved without
 * re-rendering the chart, so stepping through time stays cheap.
 *
 * @param build makes the chart; called again only when it changes (memoize it on its data)
 * @param margins top and bottom margins of the chart, where the date line must not go
 */
export function PlotView({ build, label, margins = [10, 24] }: { build: () => PlotFigure; label: string; margins?: [number, number] }) {
  const host = useRef<HTMLDivElement>(null);
  const line = useRef<HTMLDivElement>(null);
  const plot = useRef<PlotFigure | null>(null);
  const date = asOf.value;
  const place = () => {
    const x = plot.current?.scale('x');
    const el = line.current;
    if (!x || !el || !plot.current) return;
    const px = x.apply(new Date(`${asOf.peek()}T00:00:00Z`)) as number;
    const [lo, hi] = (x.range as [number, number] | undefined) ?? [0, 0];
    el.style.display = px >= lo && px <= hi ? 'block' : 'none';
    el.style.left = `${px}px`;
    el.style.top = `${margins[0]}px`;
    el.style.height = `${plot.current.getBoundingClientRect().height - margins[0] - margins[1]}px`;
  };
  useEffect(() => {
    const figure = build();
    figure.setAttribute('aria-label', label);
    figure.addEventListener('input', () => {
      const v = figure.value as { date?: string } | string | null | undefined;
      const d = typeof v === 'string' ? v : v?.date;
      if (d) asOf.value = d;
    });
    host.current!.replaceChildren(figure);
    plot.current = figure;
    place();
    return () => figure.remove();
  }, [build]);
  useLayoutEffect(place, [date]);
  return (
    <div class="plot">
      <div ref={host} />
      <div ref={line} class="plot-now" aria-hidden="true" />
    </div>
  );
}
