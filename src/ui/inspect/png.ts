/**
 * "Save PNG" of any view: its pictures (canvases and images marked data-png, with
 * their data-caption) laid out in a grid under a title and the lines that
 * say what they show, with the colour scale when there is one, drawn
 * pixel-sharp at twice their size on screen, for a slide.
 */
import type { Range } from '../../inspect/types.ts';
import { colourOf, isDiverging } from '../../inspect/colour.ts';

const PAD = 16;
const FONT = '13px system-ui, "Noto Sans CJK KR", sans-serif';
const TITLE_FONT = '600 16px system-ui, "Noto Sans CJK KR", sans-serif';
const MAX_WIDTH = 960;

export interface Figure {
  title: string;
  lines: string[];
  range?: Range;
}

/** The view's pictures and words as one canvas. */
export function composeFigure(root: HTMLElement, fig: Figure): HTMLCanvasElement {
  const sources = [...root.querySelectorAll<HTMLCanvasElement | HTMLImageElement>('[data-png]')];
  const cells = sources.map((c) => {
    const r = c.getBoundingClientRect();
    const k = 2;
    return { c, w: Math.max(1, Math.round((r.width || c.width) * k)), h: Math.max(1, Math.round((r.height || c.height) * k)), caption: c.dataset.caption ?? '' };
  });
  const gap = 10;
  const captionH = cells.some((x) => x.caption) ? 18 : 0;
  // Row layout: as many as fit in MAX_WIDTH.
  const rows: (typeof cells)[] = [];
  let row: typeof cells = [];
  let width = 0;
  for (const cell of cells) {
    if (row.length && width + gap + cell.w > MAX_WIDTH - 2 * PAD) {
      rows.push(row);
      row = [];
      width = 0;
    }
    width += (row.length ? gap : 0) + cell.w;
    row.push(cell);
  }
  if (row.length) rows.push(row);
  const contentW = Math.max(320, ...rows.map((r) => r.reduce((s, x) => s + x.w, 0) + gap * (r.length - 1)));
  const lineH = 18;
  const head = PAD + 22 + fig.lines.length * lineH + 8;
  const body = rows.reduce((s, r) => s + Math.max(...r.map((x) => x.h)) + captionH + gap, 0);
  const scaleH = fig.range ? 40 : 0;
  const canvas = document.createElement('canvas');
  canvas.width = contentW + 2 * PAD;
  canvas.height = head + body + scaleH + PAD;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1d2433';
  ctx.font = TITLE_FONT;
  ctx.textBaseline = 'top';
  ctx.fillText(fig.title, PAD, PAD);
  ctx.font = FONT;
  ctx.fillStyle = '#3a4458';
  fig.lines.forEach((l, i) => ctx.fillText(l, PAD, PAD + 24 + i * lineH, contentW));
  ctx.imageSmoothingEnabled = false;
  let y = head;
  for (const r of rows) {
    let x = PAD;
    const h = Math.max(...r.map((c) => c.h));
    for (const cell of r) {
      ctx.drawImage(cell.c, x, y, cell.w, cell.h);
      if (cell.caption) {
        ctx.fillStyle = '#3a4458';
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillText(cell.caption, x, y + cell.h + 3, cell.w);
      }
      x += cell.w + gap;
    }
    y += h + captionH + gap;
  }
  if (fig.range) drawScale(ctx, fig.range, PAD, y + 4, Math.min(320, contentW));
  return canvas;
}

function drawScale(ctx: CanvasRenderingContext2D, range: Range, x: number, y: number, w: number) {
  for (let i = 0; i < w; i++) {
    const v = range.min + ((range.max - range.min) * i) / (w - 1);
    const [r, g, b] = colourOf(v, range);
    ctx.fillStyle = `rgb(${r | 0},${g | 0},${b | 0})`;
    ctx.fillRect(x + i, y, 1, 12);
  }
  ctx.fillStyle = '#3a4458';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(formatValue(range.min), x, y + 16);
  const maxText = formatValue(range.max);
  ctx.fillText(maxText, x + w - ctx.measureText(maxText).width, y + 16);
  if (isDiverging(range)) ctx.fillText('0', x + w / 2 - 3, y + 16);
}

/** A value for a scale or a tooltip: 3 significant digits. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1000 || a < 0.01 ? v.toExponential(1) : String(+v.toPrecision(3));
}

/** Downloads a canvas as a PNG file. */
export function downloadCanvas(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, 'image/png');
}

/** A file name from a node path: letters, digits, dashes. */
export function fileStem(s: string): string {
  return s.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'view';
}
