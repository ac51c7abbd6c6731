/**
 * Where a saved map's decorations go, so that none covers another and the map's content stays
 * clear of them all. Pure: sizes in, rectangles out, in CSS pixels of the image.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface DecorationSizes {
  /** The image. */
  width: number;
  height: number;
  title: Size;
  north: Size;
  /** The legend box as it would be with every entry; null when there is none. */
  legend: Size | null;
  /** The scale bar at its longest, with its label. */
  scale: Size;
  /** The licence strip's height (it spans the image's width). */
  licenceHeight: number;
}

export interface DecorationLayout {
  title: Rect;
  north: Rect;
  /** Its height may be less than asked: entries that do not fit are left out. */
  legend: Rect | null;
  scale: Rect;
  licence: Rect;
  /** The largest clear rectangle for the map's content, as fitBounds padding from the image's edges. */
  mapPadding: Padding;
}

/** The gap between decorations and from the image's edges. @default 12 */
export const DECORATION_MARGIN = 12;

/**
 * Title at the top left, north arrow at the top right, licence along the bottom, legend at the
 * bottom left above it; the scale bar at the bottom right when it fits beside the legend, else
 * above the legend (on a phone the legend takes the whole width). The map's content goes into
 * the clear band above the legend, or the clear column beside it, whichever shows it larger.
 */
export function layoutDecorations(s: DecorationSizes, margin = DECORATION_MARGIN): DecorationLayout {
  const title: Rect = { x: margin, y: margin, ...s.title };
  const north: Rect = { x: s.width - margin - s.north.width, y: margin, ...s.north };
  const licence: Rect = { x: 0, y: s.height - s.licenceHeight, width: s.width, height: s.licenceHeight };
  const top = Math.max(title.y + title.height, north.y + north.height) + margin;
  const bottom = licence.y - margin;

  const scaleBeside = !s.legend || margin + s.legend.width + margin + s.scale.width + margin <= s.width;
  const scaleRoom = scaleBeside ? 0 : s.scale.height + margin;
  const legend: Rect | null = s.legend && {
    x: margin,
    width: s.legend.width,
    height: Math.max(0, Math.min(s.legend.height, bottom - top - scaleRoom)),
    y: 0,
  };
  if (legend) legend.y = bottom - legend.height;
  const scale: Rect = {
    x: s.width - margin - s.scale.width,
    y: (scaleBeside || !legend ? bottom : legend.y - margin) - s.scale.height,
    ...s.scale,
  };

  // The band across the image above the legend and the scale, and the column right of the legend above the scale.
  const band: Rect = { x: margin, y: top, width: s.width - 2 * margin, height: Math.min(legend?.y ?? bottom, scale.y) - margin - top };
  const columnX = legend ? legend.x + legend.width + margin : 0;
  const column: Rect | null = legend && scaleBeside ? { x: columnX, y: top, width: s.width - margin - columnX, height: scale.y - margin - top } : null;
  const shown = (r: Rect) => Math.min(r.width / s.width, r.height / s.height);
  const area = column && shown(column) > shown(band) ? column : band;
  return {
    title,
    north,
    legend,
    scale,
    licence,
    mapPadding: { top: area.y, left: area.x, bottom: s.height - area.y - Math.max(0, area.height), right: s.width - area.x - Math.max(0, area.width) },
  };
}

/** True when two rectangles share any area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
