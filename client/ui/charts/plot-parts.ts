import * as Plot from '@observablehq/plot';
import { NEUTRAL } from '../../layers/theme.ts';
import { theProvince } from '../../state/province.ts';

/** What the charts share: dates on a UTC axis, text sizes, year ticks and the pointer. */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const yearStart = (iso: string) => day(`${iso.slice(0, 4)}-01-01`);
/** Chart text is never under 11 px (axis labels 12 px). */
export const TEXT = 11;
export const STYLE = { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible' } as const;

/** Year ticks from `from` to `to` every `step` years, kept clear of the y axis's labels at the left edge. */
export const years = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => day(`${from + i * step}-01-01`));

/**
 * The years the charts span, from the province's calendar: from the timeline's start to the
 * first day of the new units (the old units' record ends the day before).
 */
export function chartSpan(): { start: Date; newUnits: Date; startYear: number; newUnitsYear: number } {
  const { timelineStart, unitSets } = theProvince();
  const newFrom = unitSets['2025'].from!;
  return { start: day(timelineStart), newUnits: day(newFrom), startYear: Number(timelineStart.slice(0, 4)), newUnitsYear: Number(newFrom.slice(0, 4)) };
}

/** The pointer: hovering anywhere over a period selects its date. */
export function pointer(dates: string[]) {
  return Plot.ruleX(
    dates.map((date) => ({ date })),
    Plot.pointerX({ x: (d: { date: string }) => day(d.date), stroke: NEUTRAL.ink, strokeOpacity: 0.35, strokeWidth: 8 }),
  );
}
