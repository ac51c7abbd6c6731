import type { Legend } from '../../layers/legend.ts';
import type { LayerMark } from '../../layers/registry.ts';
import { NEUTRAL } from '../../layers/theme.ts';
import type { Lang } from '../../lib/label.ts';

/**
 * Draws a saved map's title, legend, scale bar, north arrow and licence line over the map image
 * on a 2D canvas, in CSS pixels scaled by the image's pixel ratio. Colours and swatches come from
 * the legend (the registry); nothing here holds a colour of its own.
 */
export interface Decorations {
  title: string;
  subtitle: string;
  legends: readonly Legend[];
  scale: { px: number; label: string };
  north: string;
  licence: string;
  lang: Lang;
}

const FONT = '"Noto Sans", system-ui, sans-serif';
const PAD = 10;
const MARGIN = 12;

export function drawDecorations(canvas: HTMLCanvasElement, pixelRatio: number, d: Decorations): void {
  const ctx = canvas.getContext('2d')!;
  const w = canvas.width / pixelRatio;
  const h = canvas.height / pixelRatio;
  ctx.save();
  ctx.scale(pixelRatio, pixelRatio);
  ctx.textBaseline = 'top';

  const maxText = Math.min(520, w - 2 * MARGIN - 2 * PAD - 50);
  const titleLines = wrap(ctx, d.title, `700 19px ${FONT}`, maxText);
  const subLines = wrap(ctx, d.subtitle, `400 12.5px ${FONT}`, maxText);
  const titleBoxH = PAD * 2 + titleLines.length * 24 + subLines.length * 17;
  const titleBoxW = PAD * 2 + Math.max(...measure(ctx, titleLines, `700 19px ${FONT}`), ...measure(ctx, subLines, `400 12.5px ${FONT}`));
  box(ctx, MARGIN, MARGIN, titleBoxW, titleBoxH);
  let y = MARGIN + PAD;
  for (const line of titleLines) y = text(ctx, line, MARGIN + PAD, y, `700 19px ${FONT}`, 24);
  for (const line of subLines) y = text(ctx, line, MARGIN + PAD, y, `400 12.5px ${FONT}`, 17);

  drawNorth(ctx, w - MARGIN - 22, MARGIN + 4, d.north);

  const licenceLines = wrap(ctx, d.licence, `400 10.5px ${FONT}`, w - 2 * MARGIN - 2 * PAD);
  const licenceH = licenceLines.length * 14 + 8;
  ctx.save();
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = NEUTRAL.paper;
  ctx.fillRect(0, h - licenceH, w, licenceH);
  ctx.restore();
  let ly = h - licenceH + 4;
  for (const line of licenceLines) ly = text(ctx, line, MARGIN, ly, `400 10.5px ${FONT}`, 14);

  drawScale(ctx, w - MARGIN - d.scale.px, h - licenceH - 14, d.scale);
  drawLegend(ctx, d, MARGIN, h - licenceH - MARGIN, Math.min(340, w - 2 * MARGIN - 2 * PAD), MARGIN + titleBoxH + MARGIN);
  ctx.restore();
}

/** The legend box, bottom-aligned at `bottom`, growing up to `top` (entries that do not fit are left out, and it says so). */
function drawLegend(ctx: CanvasRenderingContext2D, d: Decorations, left: number, bottom: number, maxW: number, top: number) {
  type Row = { kind: 'title' | 'entry' | 'note'; lines: string[]; color?: string; mark?: LayerMark['swatch'] };
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
  if (!rows.length) return;
  const lineH = { title: 17, entry: 16, note: 15 } as const;
  const heightOf = (r: Row) => r.lines.length * lineH[r.kind] + (r.kind === 'title' ? 4 : 2);
  const room = bottom - top - 2 * PAD;
  const fitting: Row[] = [];
  for (let used = 0, i = 0; i < rows.length && used + heightOf(rows[i]) <= room; i++) {
    used += heightOf(rows[i]);
    fitting.push(rows[i]);
  }
  const boxH = fitting.reduce((a, r) => a + heightOf(r), 0) + 2 * PAD;
  box(ctx, left, bottom - boxH, maxW + 2 * PAD, boxH);
  let y = bottom - boxH + PAD;
  for (const r of fitting) {
    const font = r.kind === 'title' ? `700 12.5px ${FONT}` : r.kind === 'note' ? `italic 400 11px ${FONT}` : `400 12px ${FONT}`;
    const x = left + PAD + (r.kind === 'entry' ? 30 : 0);
    if (r.kind === 'entry') swatch(ctx, left + PAD, y + 1, r.color!, r.mark);
    let ry = y + (r.kind === 'title' ? 2 : 0);
    for (const line of r.lines) ry = text(ctx, line, x, ry, font, lineH[r.kind]);
    y += heightOf(r);
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

function drawScale(ctx: CanvasRenderingContext2D, x: number, y: number, scale: Decorations['scale']) {
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

function drawNorth(ctx: CanvasRenderingContext2D, x: number, y: number, letter: string) {
  ctx.save();
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = NEUTRAL.paper;
  ctx.beginPath();
  ctx.arc(x + 11, y + 22, 20, 0, 2 * Math.PI);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.fillStyle = NEUTRAL.ink;
  ctx.beginPath();
  ctx.moveTo(x + 11, y + 14);
  ctx.lineTo(x + 19, y + 38);
  ctx.lineTo(x + 11, y + 32);
  ctx.lineTo(x + 3, y + 38);
  ctx.closePath();
  ctx.fill();
  ctx.textAlign = 'center';
  text(ctx, letter, x + 11, y, `700 12px ${FONT}`, 14);
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
