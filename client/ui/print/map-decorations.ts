import type { Legend } from '../../layers/legend.ts';
import type { LayerMark } from '../../../server/catalog/layer-registry.ts';
import { NEUTRAL } from '../../layers/theme.ts';
import { DECORATION_MARGIN, type DecorationLayout, layoutDecorations, type Rect } from '../../lib/decoration-layout.ts';
import type { Lang } from '../../lib/label.ts';

/**
 * Draws a saved map's title, legend, scale bar, north arrow and licence line over the map image
 * on a 2D canvas, in CSS pixels scaled by the image's pixel ratio. They are measured and placed
 * first (planDecorations), so that the map is drawn with its content in the room they leave. Colours and swatches come from
 * the legend (the registry); nothing here holds a colour of its own.
 */
export interface Decorations {
  title: string;
  subtitle: string;
  legends: readonly Legend[];
  north: string;
  licence: string;
  lang: Lang;
}

const FONT = '"Noto Sans", system-ui, sans-serif';
const PAD = 10;
/** The longest scale bar, in CSS pixels: its room is kept whatever length the drawn map needs. */
export const MAX_SCALE_PX = 120;
const NORTH = { width: 40, height: 44 };

type Row = { kind: 'title' | 'entry' | 'note'; lines: string[]; color?: string; mark?: LayerMark['swatch'] };
const LINE_H = { title: 17, entry: 16, note: 15 } as const;
const rowHeight = (r: Row) => r.lines.length * LINE_H[r.kind] + (r.kind === 'title' ? 4 : 2);

/** The decorations of one image, measured and laid out before the map is drawn (its content is fitted around them). */
export interface DecorationPlan {
  d: Decorations;
  layout: DecorationLayout;
  titleLines: string[];
  subLines: string[];
  licenceLines: string[];
  legendRows: Row[];
}

/**
 * Measures the decorations for an image of `width` × `height` CSS pixels and places them
 * (client/lib/decoration-layout.ts); `layout.mapPadding` is where the map's content may go.
 */
export function planDecorations(ctx: CanvasRenderingContext2D, width: number, height: number, d: Decorations): DecorationPlan {
  const maxText = Math.min(520, width - 2 * DECORATION_MARGIN - 2 * PAD - NORTH.width - DECORATION_MARGIN);
  const titleLines = wrap(ctx, d.title, `700 19px ${FONT}`, maxText);
  const subLines = wrap(ctx, d.subtitle, `400 12.5px ${FONT}`, maxText);
  const title = {
    width: PAD * 2 + Math.max(...measure(ctx, titleLines, `700 19px ${FONT}`), ...measure(ctx, subLines, `400 12.5px ${FONT}`)),
    height: PAD * 2 + titleLines.length * 24 + subLines.length * 17,
  };
  const licenceLines = wrap(ctx, d.licence, `400 10.5px ${FONT}`, width - 2 * DECORATION_MARGIN - 2 * PAD);
  const legendW = Math.min(340, width - 2 * DECORATION_MARGIN - 2 * PAD);
  const legendRows = rowsOf(ctx, d, legendW);
  const layout = layoutDecorations({
    width,
    height,
    title,
    north: NORTH,
    legend: legendRows.length ? { width: legendW + 2 * PAD, height: legendRows.reduce((a, r) => a + rowHeight(r), 0) + 2 * PAD } : null,
    scale: { width: MAX_SCALE_PX + 12, height: 26 },
    licenceHeight: licenceLines.length * 14 + 8,
  });
  return { d, layout, titleLines, subLines, licenceLines, legendRows };
}

/** Draws a plan's decorations over the map image, with a scale bar of at most MAX_SCALE_PX. */
export function drawDecorations(canvas: HTMLCanvasElement, pixelRatio: number, plan: DecorationPlan, scale: { px: number; label: string }): void {
  const ctx = canvas.getContext('2d')!;
  const { layout: at, d } = plan;
  ctx.save();
  ctx.scale(pixelRatio, pixelRatio);
  ctx.textBaseline = 'top';

  box(ctx, at.title.x, at.title.y, at.title.width, at.title.height);
  let y = at.title.y + PAD;
  for (const line of plan.titleLines) y = text(ctx, line, at.title.x + PAD, y, `700 19px ${FONT}`, 24);
  for (const line of plan.subLines) y = text(ctx, line, at.title.x + PAD, y, `400 12.5px ${FONT}`, 17);

  drawNorth(ctx, at.north, d.north);

  ctx.save();
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = NEUTRAL.paper;
  ctx.fillRect(at.licence.x, at.licence.y, at.licence.width, at.licence.height);
  ctx.restore();
  let ly = at.licence.y + 4;
  for (const line of plan.licenceLines) ly = text(ctx, line, DECORATION_MARGIN, ly, `400 10.5px ${FONT}`, 14);

  // Right-aligned in its room; its background is 6 px wider each side than the bar.
  drawScale(ctx, at.scale.x + at.scale.width - 6 - scale.px, at.scale.y + 18, scale);
  if (at.legend) drawLegend(ctx, plan.legendRows, at.legend);
  ctx.restore();
}

/** The legend's rows, wrapped to `maxW`. */
function rowsOf(ctx: CanvasRenderingContext2D, d: Decorations, maxW: number): Row[] {
  const rows: Row[] = [];
  const labelW = maxW - 30;
  for (const legend of d.legends) {
    rows.push({ kind: 'title', lines: wrap(ctx, legend.layer.title[d.lang], `700 12.5px ${FONT}`, maxW) });
    for (const e of legend.entries.filter((x) => x.key !== 'unknown' || x.count > 0))
      rows.push({ kind: 'entry', lines: wrap(ctx, e.label[d.lang], `400 12px ${FONT}`, labelW), color: e.color });
    for (const m of legend.marks)
      rows.push({ kind: 'entry', lines: wrap(ctx, m.mark.label[d.lang], `400 12px ${FONT}`, labelW), color: m.mark.color, mark: m.mark.swatch });
    if (legend.layer.size) rows.push({ kind: 'note', lines: wrap(ctx, legend.layer.size.label[d.lang], `italic 400 11px ${FONT}`, maxW) });
  }
  return rows;
}

/** The legend box in its place, bottom-aligned; rows that do not fit its height are left out. */
function drawLegend(ctx: CanvasRenderingContext2D, rows: readonly Row[], at: Rect) {
  const fitting: Row[] = [];
  for (let used = 0, i = 0; i < rows.length && used + rowHeight(rows[i]) <= at.height - 2 * PAD; i++) {
    used += rowHeight(rows[i]);
    fitting.push(rows[i]);
  }
  if (!fitting.length) return;
  const boxH = fitting.reduce((a, r) => a + rowHeight(r), 0) + 2 * PAD;
  const top = at.y + at.height - boxH;
  box(ctx, at.x, top, at.width, boxH);
  let y = top + PAD;
  for (const r of fitting) {
    const font = r.kind === 'title' ? `700 12.5px ${FONT}` : r.kind === 'note' ? `italic 400 11px ${FONT}` : `400 12px ${FONT}`;
    const x = at.x + PAD + (r.kind === 'entry' ? 30 : 0);
    if (r.kind === 'entry') swatch(ctx, at.x + PAD, y + 1, r.color!, r.mark);
    let ry = y + (r.kind === 'title' ? 2 : 0);
    for (const line of r.lines) ry = text(ctx, line, x, ry, font, LINE_H[r.kind]);
    y += rowHeight(r);
  }
}

/** A swatch like the screen legend's (client/ui/swatch.tsx): a class colour, or a mark's look. */
function swatch(ctx: CanvasRenderingContext2D, x: number, y: number, color: string, mark?: LayerMark['swatch']) {
  ctx.save();
  ctx.lineWidth = 1;
  if (!mark) {
    ctx.fillStyle = color;
    ctx.fillRect(x, y, 22, 13);
    ctx.strokeStyle = NEUTRAL.edge;
    ctx.lineWidth = 0.6;
    ctx.strokeRect(x, y, 22, 13);
  } else if (mark === 'ring') {
    ctx.beginPath();
    ctx.arc(x + 11, y + 6.5, 5.5, 0, 2 * Math.PI);
    ctx.fillStyle = NEUTRAL.paper;
    ctx.fill();
    ctx.strokeStyle = color;
    ctx.lineWidth = 3;
    ctx.stroke();
  } else {
    ctx.fillStyle = NEUTRAL.paper;
    ctx.fillRect(x + 1, y + 1, 20, 11);
    if (mark === 'hatch') {
      ctx.save();
      ctx.beginPath();
      ctx.rect(x + 1, y + 1, 20, 11);
      ctx.clip();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      for (let i = -12; i < 24; i += 4.5) {
        ctx.beginPath();
        ctx.moveTo(x + i, y + 13);
        ctx.lineTo(x + i + 13, y);
        ctx.stroke();
      }
      ctx.restore();
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = mark === 'thick-outline' ? 3.5 : mark === 'hatch' ? 1.5 : 2.5;
    ctx.setLineDash(mark === 'dashed-outline' || mark === 'hatch' ? [5, 2.5] : mark === 'dotted-outline' ? [1.5, 2.5] : []);
    ctx.strokeRect(x + 1, y + 1, 20, 11);
  }
  ctx.restore();
}

function drawScale(ctx: CanvasRenderingContext2D, x: number, y: number, scale: { px: number; label: string }) {
  ctx.save();
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = NEUTRAL.paper;
  ctx.fillRect(x - 6, y - 18, scale.px + 12, 26);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = NEUTRAL.ink;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, y - 5);
  ctx.lineTo(x, y + 2);
  ctx.lineTo(x + scale.px, y + 2);
  ctx.lineTo(x + scale.px, y - 5);
  ctx.stroke();
  ctx.restore();
  ctx.save();
  ctx.textAlign = 'center';
  text(ctx, scale.label, x + scale.px / 2, y - 17, `600 11.5px ${FONT}`, 14);
  ctx.restore();
}

/** The north arrow in its square: a disc, the letter on top, the arrow beneath. */
function drawNorth(ctx: CanvasRenderingContext2D, at: Rect, letter: string) {
  const cx = at.x + at.width / 2;
  const y = at.y;
  ctx.save();
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = NEUTRAL.paper;
  ctx.beginPath();
  ctx.arc(cx, y + 22, 20, 0, 2 * Math.PI);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.fillStyle = NEUTRAL.ink;
  ctx.beginPath();
  ctx.moveTo(cx, y + 14);
  ctx.lineTo(cx + 8, y + 38);
  ctx.lineTo(cx, y + 32);
  ctx.lineTo(cx - 8, y + 38);
  ctx.closePath();
  ctx.fill();
  ctx.textAlign = 'center';
  text(ctx, letter, cx, y + 1, `700 12px ${FONT}`, 14);
  ctx.restore();
}

function box(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
  ctx.save();
  ctx.globalAlpha = 0.93;
  ctx.fillStyle = NEUTRAL.paper;
  ctx.fillRect(x, y, w, h);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = NEUTRAL.edge;
  ctx.lineWidth = 0.8;
  ctx.strokeRect(x, y, w, h);
  ctx.restore();
}

/** Writes one line and returns the y of the next. */
function text(ctx: CanvasRenderingContext2D, line: string, x: number, y: number, font: string, lineHeight: number): number {
  ctx.font = font;
  ctx.fillStyle = NEUTRAL.ink;
  ctx.fillText(line, x, y);
  return y + lineHeight;
}

function measure(ctx: CanvasRenderingContext2D, lines: string[], font: string): number[] {
  ctx.font = font;
  return lines.map((l) => ctx.measureText(l).width);
}

/** Splits text into lines no wider than `max` at spaces. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, font: string, max: number): string[] {
  ctx.font = font;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
