import { type Anchor, type Box, boxAt, overlaps, placeLabels } from '../../lib/label-placement.ts';

/** A target's star where the chart puts it, in pixels, and the size of its number. */
export interface TargetStar {
  x: number;
  y: number;
  labelWidth: number;
  labelHeight: number;
}

/** Where a star is drawn (moved sideways only if it must be) and the centre of its number. */
export interface PlacedStar {
  x: number;
  y: number;
  labelX: number;
  labelY: number;
}

/** The number goes right of its star, else left, above, below: never on it. */
const LABEL_ANCHORS: readonly Anchor[] = ['left', 'right', 'bottom', 'top'];

/**
 * How far Plot's star of radius `r` reaches from its centre: Plot gives a symbol the area of a
 * circle of radius r, and d3's star puts its points at √(area × 0.8908…) (d3-shape symbolStar).
 */
export const starReach = (r: number, strokeWidth: number) => Math.sqrt(Math.PI * r * r * 0.8908130915292852) + strokeWidth / 2;

/** A mark's box around its centre, `r` each way. */
export const around = (x: number, y: number, r: number): Box => ({ left: x - r, top: y - r, right: x + r, bottom: y + r });

/**
 * Targets' stars and numbers laid out so none is hidden: a star that would touch one already
 * drawn, or a reported total's dot, moves sideways as little as it must, into its own year first (its value, the height, never changes; the thin gap rules may pass under it); then each
 * number takes the first side of its star where it covers no star, dot, rule or other number,
 * inside the chart. Pure pixel geometry, for the NTM chart.
 * @param r how far a star reaches from its centre, in pixels (starReach)
 * @param marks the chart's other marks: reported totals' dots, and the rules from record to report
 * @param within the chart's plotting area, which stars and numbers stay inside
 * @param maxShift the farthest a star may move from its date, in pixels (half a year: it must not read as another year's)
 */
export function layoutTargets(
  stars: readonly TargetStar[],
  r: number,
  marks: { dots: readonly Box[]; rules: readonly Box[] },
  within: Box,
  maxShift = Number.POSITIVE_INFINITY,
): PlacedStar[] {
  // The least move that frees the star, half a radius at a time, up to three stars' widths either way and never past maxShift.
  const shifts = [0, ...Array.from({ length: 12 }, (_, i) => [-(i + 1) * (r / 2), (i + 1) * (r / 2)]).flat()].filter((d) => Math.abs(d) <= maxShift);
  const drawn: Box[] = [];
  const xs = stars.map((s) => {
    const free = (dx: number, others: readonly Box[]) => {
      const box = around(s.x + dx, s.y, r);
      return box.left >= within.left && box.right <= within.right && !others.some((o) => overlaps(o, box));
    };
    const dx = shifts.find((d) => free(d, [...drawn, ...marks.dots])) ?? shifts.find((d) => free(d, drawn)) ?? 0;
    drawn.push(around(s.x + dx, s.y, r));
    return s.x + dx;
  });
  const labels = stars.map((s, i) => ({ x: xs[i], y: s.y, width: s.labelWidth, height: s.labelHeight }));
  const anchors = placeLabels(labels, r + 2, { anchors: LABEL_ANCHORS, avoid: [...drawn, ...marks.dots, ...marks.rules], within });
  return labels.map((l, i) => {
    const box = boxAt(l, anchors[i], r + 2);
    return { x: l.x, y: l.y, labelX: (box.left + box.right) / 2, labelY: (box.top + box.bottom) / 2 };
  });
}
