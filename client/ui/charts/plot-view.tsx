import type { Plot } from '@observablehq/plot';
import { effect } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { asOf, commitPreview, endPreview, lang, previewDate } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';

export type PlotFigure = (SVGSVGElement | HTMLElement) & Plot;

/**
 * Hosts an Observable Plot chart, drawn at the width it is shown at (so its text keeps its size
 * and its scale is the page's). Hovering a date, or the arrow keys, previews it on the map; a
 * click or Enter chooses it; leaving, Escape or Tab away goes back. The map's date is drawn on the
 * chart as a line, moved without re-rendering the chart, so stepping through time stays cheap.
 *
 * @param build makes the chart at a width in CSS pixels; memoize it on its data
 * @param dates the dates the chart can point at, in order (for the arrow keys)
 * @param margins top and bottom margins of the chart, where the date line must not go
 */
export function PlotView({
  build,
  label,
  dates,
  margins = [10, 24],
}: {
  build: (width: number) => PlotFigure;
  label: string;
  dates: readonly string[];
  margins?: [number, number];
}) {
  const host = useRef<HTMLDivElement>(null);
  const line = useRef<HTMLDivElement>(null);
  const plot = useRef<PlotFigure | null>(null);
  const [width, setWidth] = useState(0);
  /** Where the chart's svg sits in the host, measured when the chart is drawn: a step in time moves the line without a layout. */
  const frame = useRef<{ k: number; left: number; height: number } | null>(null);
  const measure = () => {
    const figure = plot.current;
    if (!figure) return;
    const svg = (figure.tagName.toLowerCase() === 'svg' ? figure : figure.querySelector('svg')) as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    // Chart units to CSS pixels, should the chart be shown narrower than it was drawn.
    const k = box.width / Number(svg.getAttribute('width') ?? box.width);
    frame.current = { k, left: box.left - host.current!.getBoundingClientRect().left, height: box.height };
  };
  const place = () => {
    // Read first, so the effect below follows the date even while the chart is not drawn yet.
    const date = asOf.value;
    const x = plot.current?.scale('x');
    const el = line.current;
    const f = frame.current;
    if (!x || !el || !f) return;
    const px = x.apply(new Date(`${date}T00:00:00Z`)) as number;
    const [lo, hi] = (x.range as [number, number] | undefined) ?? [0, 0];
    el.style.display = px >= lo && px <= hi ? 'block' : 'none';
    el.style.left = `${f.left + px * f.k}px`;
    el.style.top = `${margins[0] * f.k}px`;
    el.style.height = `${f.height - (margins[0] + margins[1]) * f.k}px`;
  };
  useLayoutEffect(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(host.current!);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (width <= 0) return;
    const figure = build(width);
    figure.addEventListener('input', () => {
      const v = figure.value as { date?: string } | string | null | undefined;
      const d = typeof v === 'string' ? v : v?.date;
      if (d) previewDate(d);
      else endPreview();
    });
    figure.addEventListener('click', commitPreview);
    host.current!.replaceChildren(figure);
    plot.current = figure;
    measure();
    place();
    return () => figure.remove();
  }, [build, width]);
  // A step in time moves the line at once, in the frame the rest of the step draws in, re-rendering nothing
  // (useSignalEffect would wait for an animation frame, and on a slow machine paint a frame of its own).
  const placeNow = useRef(place);
  placeNow.current = place;
  useEffect(() => effect(() => placeNow.current()), []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commitPreview();
    else if (e.key === 'Escape') endPreview();
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const now = asOf.peek();
      const i = e.key === 'ArrowRight' ? dates.findIndex((d) => d > now) : dates.findLastIndex((d) => d < now);
      if (i >= 0) previewDate(dates[i]);
    } else return;
    e.preventDefault();
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is one keyboard stop whose arrow keys preview its years
    // biome-ignore lint/a11y/useSemanticElements: a chart, not a form: a fieldset would bring a legend and form semantics
    <div class="plot" role="group" aria-label={`${label}. ${t('chartKeys', lang.value)}`} tabIndex={0} onKeyDown={onKeyDown} onBlur={endPreview}>
      <div ref={host} class="plot-host" />
      <div ref={line} class="plot-now" aria-hidden="true" />
    </div>
  );
}
