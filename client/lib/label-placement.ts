/**
 * Where each label goes around its point, like MapLibre's `text-variable-anchor`: in order, each
 * label takes the first anchor whose box overlaps no label already placed; one that fits nowhere
 * stays centred (a district's name is never dropped). Pure screen geometry, in pixels.
 */
export type Anchor = 'center' | 'top' | 'bottom' | 'left' | 'right';
export const ANCHORS: readonly Anchor[] = ['center', 'top', 'bottom', 'left', 'right'];

export interface LabelSize {
  /** The label's point on screen. */
  x: number;
  y: number;
  /** Its text block. */
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of a label at an anchor: "top" puts the text's top at the point plus the offset (below it), and so on. */
export function boxAt(l: LabelSize, anchor: Anchor, offset: number): Box {
  const left = anchor === 'left' ? l.x + offset : anchor === 'right' ? l.x - offset - l.width : l.x - l.width / 2;
  const top = anchor === 'top' ? l.y + offset : anchor === 'bottom' ? l.y - offset - l.height : l.y - l.height / 2;
  return { left, top, right: left + l.width, bottom: top + l.height };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const inside = (b: Box, within: Box | undefined) =>
  !within || (b.left >= within.left && b.top >= within.top && b.right <= within.right && b.bottom <= within.bottom);

/**
 * @param offset distance between the point and a moved label, in pixels
 * @param options.anchors the anchors to try, in order @default ANCHORS
 * @param options.avoid other marks no label may cover
 * @param options.within the box every label must stay inside; one that fits nowhere takes the first anchor inside it
 */
export function placeLabels(
  labels: readonly LabelSize[],
  offset: number,
  { anchors = ANCHORS, avoid = [], within }: { anchors?: readonly Anchor[]; avoid?: readonly Box[]; within?: Box } = {},
): Anchor[] {
  const placed: Box[] = [...avoid];
  return labels.map((l) => {
    const fits = (a: Anchor) => inside(boxAt(l, a, offset), within);
    const anchor = anchors.find((a) => fits(a) && !placed.some((p) => overlaps(p, boxAt(l, a, offset)))) ?? anchors.find(fits) ?? anchors[0];
    placed.push(boxAt(l, anchor, offset));
    return anchor;
  });
}

/** Web Mercator pixels of a point at a zoom (512-pixel world at zoom 0, as MapLibre). */
export function mercatorPixels([lon, lat]: readonly [number, number], zoom: number): [number, number] {
  const world = 512 * 2 ** zoom;
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lon + 180) / 360) * world, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world];
}
