/**
 * The convolution with your numbers, animated: the input with its padding
 * ring, the window moving by the stride, each output cell filling in, the
 * cells no window reads marked (the rows the formula's floor drops); for a
 * transposed convolution, each input cell stamping the kernel onto the
 * output with the overlaps darkening. Play, pause, step, or drag (the
 * slider, or the pointer over the input grid). Geometry: conv-plan.ts.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { frameCell, frameCount, overlap, readMask, stamps, taps, kEff, type GridPlan, type SlideAxis, type StampAxis } from './conv-plan.ts';
import { ViewFrame } from './ViewFrame.tsx';

const COLOURS = {
  input: '#dfe5f0',
  pad: '#fbf1c7',
  unread: '#f4b183',
  unreadPad: '#e9d8a6',
  tap: '#3d7be0',
  window: '#173e85',
  done: '#a9c5f2',
  now: '#173e85',
  empty: '#f6f7fa',
  line: '#ffffff',
};
const TICK_MS = 350;

export function ConvAnimation({ plan, nodeLabel }: { plan: GridPlan; nodeLabel: string }) {
  const { t } = useTranslation('inside');
  const frames = frameCount(plan);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const at = Math.min(frame, frames - 1);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => setFrame((f) => (f + 1) % frames), TICK_MS);
    return () => clearInterval(id);
  }, [playing, frames]);
  const stamp = plan.rows.kind === 'stamp';
  const border = plan.border;
  const unread = stamp ? 0 : unreadInputs(plan.rows as SlideAxis) * plan.cols.n + unreadInputs(plan.cols as SlideAxis) * plan.rows.n - unreadInputs(plan.rows as SlideAxis) * unreadInputs(plan.cols as SlideAxis);
  const note = stamp ? t('convNoteTranspose') : border ? t('convNoteBorder') : t('convNote');
  return (
    <ViewFrame title={t('convTitle')} note={note} testId="conv-animation" fileName={`${nodeLabel}-convolution`} lines={[describe(t, plan, at, border)]}>
      {() => (
        <div
          className="inside-conv"
          data-frames={frames}
          data-frame={at}
          data-playing={playing}
          data-out={`${plan.rows.out}x${plan.cols.out}`}
          data-in={`${plan.rows.n}x${plan.cols.n}`}
          data-unread={unread}
          data-scaled={plan.scaledFrom ? plan.scaledFrom.join('x') : ''}
        >
          {plan.scaledFrom && <p className="inside-small">{t('convScaled', { h: plan.rows.n, w: plan.cols.n, H: plan.scaledFrom[0], W: plan.scaledFrom[1] })}</p>}
          <Grid plan={plan} frame={at} onPick={(f) => (setPlaying(false), setFrame(f))} />
          <p className="inside-conv-step" data-testid="conv-step-text">
            {describe(t, plan, at, border)}
          </p>
          {unread > 0 && (
            <p className="inside-small inside-unread" data-testid="conv-unread">
              <span className="inside-swatch" style={{ background: COLOURS.unread }} /> {t('convUnread', { count: unread })}
            </p>
          )}
          <div className="inside-conv-controls">
            <button onClick={() => setPlaying((p) => !p)} data-testid="conv-play" aria-pressed={playing}>
              {playing ? `❚❚ ${t('convPause')}` : `▶ ${t('convPlay')}`}
            </button>
            <button onClick={() => (setPlaying(false), setFrame((f) => (Math.min(f, frames - 1) - 1 + frames) % frames))} aria-label={t('convStepBack')} data-testid="conv-back">
              ◀
            </button>
            <button onClick={() => (setPlaying(false), setFrame((f) => (Math.min(f, frames - 1) + 1) % frames))} aria-label={t('convStep')} data-testid="conv-next">
              ▶|
            </button>
            <input
              type="range"
              min={0}
              max={frames - 1}
              value={at}
              onChange={(e) => (setPlaying(false), setFrame(Number(e.target.value)))}
              aria-label={t('convFrame', { n: at + 1, count: frames })}
              data-testid="conv-slider"
            />
            <span className="inside-small">{t('convFrame', { n: at + 1, count: frames })}</span>
          </div>
          <Legend stamp={stamp} />
        </div>
      )}
    </ViewFrame>
  );
}

/** Input cells (not padding) no window reads along one axis. */
function unreadInputs(a: SlideAxis): number {
  const lo = Math.min(0, -a.before);
  return readMask(a).filter((read, i) => !read && i + lo >= 0 && i + lo < a.n).length;
}

type T = (key: string, values?: Record<string, unknown>) => string;

function describe(t: T, plan: GridPlan, frame: number, border: boolean): string {
  const [r, c] = frameCell(plan, frame);
  if (plan.rows.kind === 'stamp') {
    const rs = stamps(plan.rows, r);
    const cs = stamps(plan.cols as StampAxis, c);
    return t('convStamp', { r, c, r0: rs[0] ?? '–', r1: rs.at(-1) ?? '–', c0: cs[0] ?? '–', c1: cs.at(-1) ?? '–' });
  }
  const rows = plan.rows;
  const cols = plan.cols as SlideAxis;
  const tr = taps(rows, r);
  const tc = taps(cols, c);
  if (border) {
    const [ir, ic] = [tr[0]!, tc[0]!];
    return ir < 0 || ir >= rows.n || ic < 0 || ic >= cols.n ? t('convOutBorderZero', { r, c }) : t('convOutBorder', { r, c, ir, ic });
  }
  const pr = Math.max(0, rows.before);
  const pc = Math.max(0, cols.before);
  return t('convOut', { r, c, r0: tr[0]! + pr, r1: tr.at(-1)! + pr, c0: tc[0]! + pc, c1: tc.at(-1)! + pc });
}

function Grid({ plan, frame, onPick }: { plan: GridPlan; frame: number; onPick(frame: number): void }) {
  const { t } = useTranslation('inside');
  const ref = useRef<HTMLCanvasElement>(null);
  const geo = useMemo(() => layout(plan), [plan]);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) draw(ctx, plan, geo, frame);
  }, [plan, geo, frame]);
  const pick = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) * geo.width) / r.width;
    const y = ((e.clientY - r.top) * geo.height) / r.height;
    const f = frameAt(plan, geo, x, y);
    if (f !== null) onPick(f);
  };
  return (
    <canvas
      ref={ref}
      width={geo.width}
      height={geo.height}
      className="inside-conv-grid"
      role="img"
      aria-label={t('convGrid')}
      data-png=""
      data-testid="conv-grid"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        pick(e);
      }}
      onPointerMove={(e) => e.buttons && pick(e)}
    />
  );
}

interface Geo {
  cell: number;
  /** Input area: padded cells, origin. */
  inRows: number;
  inCols: number;
  rowLo: number;
  colLo: number;
  outX: number;
  width: number;
  height: number;
}

function span(a: SlideAxis | StampAxis): { lo: number; hi: number } {
  return a.kind === 'stamp' ? { lo: 0, hi: a.n } : { lo: Math.min(0, -a.before), hi: Math.max(a.n, a.n + a.after) };
}

function layout(plan: GridPlan): Geo {
  const r = span(plan.rows);
  const c = span(plan.cols);
  const inRows = r.hi - r.lo;
  const inCols = c.hi - c.lo;
  const cell = Math.max(5, Math.min(14, Math.floor(280 / (inCols + plan.cols.out + 2))));
  const gap = cell * 2;
  return { cell, inRows, inCols, rowLo: r.lo, colLo: c.lo, outX: inCols * cell + gap, width: inCols * cell + gap + plan.cols.out * cell, height: Math.max(inRows, plan.rows.out) * cell };
}

function draw(ctx: CanvasRenderingContext2D, plan: GridPlan, g: Geo, frame: number) {
  const { cell } = g;
  ctx.clearRect(0, 0, g.width, g.height);
  const box = (x: number, y: number, colour: string) => {
    ctx.fillStyle = colour;
    ctx.fillRect(x * cell, y * cell, cell - 1, cell - 1);
  };
  const outBox = (r: number, c: number, colour: string) => {
    ctx.fillStyle = colour;
    ctx.fillRect(g.outX + c * cell, r * cell, cell - 1, cell - 1);
  };
  const [fr, fc] = frameCell(plan, frame);
  if (plan.rows.kind === 'stamp') {
    const rows = plan.rows;
    const cols = plan.cols as StampAxis;
    for (let y = 0; y < rows.n; y++) for (let x = 0; x < cols.n; x++) box(x, y, y * cols.n + x < frame ? COLOURS.done : COLOURS.input);
    box(fc, fr, COLOURS.now);
    // Overlap counts of the stamps made so far (this one included).
    const count = new Map<number, number>();
    for (let f = 0; f <= frame; f++) {
      const [r, c] = frameCell(plan, f);
      for (const o of stamps(rows, r)) for (const p of stamps(cols, c)) count.set(o * cols.out + p, (count.get(o * cols.out + p) ?? 0) + 1);
    }
    const most = Math.max(1, ...overlap(rows)) * Math.max(1, ...overlap(cols));
    for (let o = 0; o < rows.out; o++) {
      for (let p = 0; p < cols.out; p++) {
        const k = count.get(o * cols.out + p) ?? 0;
        outBox(o, p, k ? `rgba(23, 62, 133, ${0.2 + (0.8 * k) / most})` : COLOURS.empty);
      }
    }
    const rs = stamps(rows, fr);
    const cs = stamps(cols, fc);
    if (rs.length && cs.length) outline(ctx, g.outX + cs[0]! * cell, rs[0]! * cell, cs.length * cell, rs.length * cell, COLOURS.window);
    return;
  }
  const rows = plan.rows;
  const cols = plan.cols as SlideAxis;
  const rm = readMask(rows);
  const cm = readMask(cols);
  for (let y = 0; y < g.inRows; y++) {
    for (let x = 0; x < g.inCols; x++) {
      const [ir, ic] = [y + g.rowLo, x + g.colLo];
      const isInput = ir >= 0 && ir < rows.n && ic >= 0 && ic < cols.n;
      const read = rm[y]! && cm[x]!;
      box(x, y, isInput ? (read ? COLOURS.input : COLOURS.unread) : read ? COLOURS.pad : COLOURS.unreadPad);
    }
  }
  const tr = taps(rows, fr);
  const tc = taps(cols, fc);
  for (const r of tr) for (const c of tc) box(c - g.colLo, r - g.rowLo, COLOURS.tap);
  const ke = [kEff(rows.k, rows.d), kEff(cols.k, cols.d)];
  outline(ctx, (tc[0]! - g.colLo) * cell, (tr[0]! - g.rowLo) * cell, ke[1]! * cell, ke[0]! * cell, COLOURS.window);
  for (let r = 0; r < rows.out; r++) for (let c = 0; c < cols.out; c++) outBox(r, c, r * cols.out + c < frame ? COLOURS.done : COLOURS.empty);
  outBox(fr, fc, COLOURS.now);
}

function outline(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, colour: string) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 2, h - 2);
}

/** The frame whose window (or stamping input cell, or output cell) is under a point of the grid. */
function frameAt(plan: GridPlan, g: Geo, x: number, y: number): number | null {
  const row = Math.floor(y / g.cell);
  if (x >= g.outX) {
    if (plan.rows.kind === 'stamp') return null;
    const col = Math.floor((x - g.outX) / g.cell);
    if (row >= plan.rows.out || col >= plan.cols.out) return null;
    return row * plan.cols.out + col;
  }
  const col = Math.floor(x / g.cell);
  if (plan.rows.kind === 'stamp') {
    if (row >= plan.rows.n || col >= plan.cols.n) return null;
    return row * plan.cols.n + col;
  }
  // The window whose centre is nearest the pointer.
  const near = (a: SlideAxis, cellIndex: number, lo: number) => {
    const centre = cellIndex + lo + a.before - (kEff(a.k, a.d) - 1) / 2;
    return Math.min(a.out - 1, Math.max(0, Math.round(centre / a.s)));
  };
  return near(plan.rows, row, g.rowLo) * plan.cols.out + near(plan.cols as SlideAxis, col, g.colLo);
}

function Legend({ stamp }: { stamp: boolean }) {
  const { t } = useTranslation('inside');
  const items: [string, string][] = stamp
    ? [
        [COLOURS.input, t('convLegendInput')],
        [COLOURS.window, t('convLegendWindow')],
        [COLOURS.done, t('convLegendOutput')],
      ]
    : [
        [COLOURS.input, t('convLegendInput')],
        [COLOURS.pad, t('convLegendPad')],
        [COLOURS.unread, t('convLegendUnread')],
        [COLOURS.tap, t('convLegendWindow')],
        [COLOURS.done, t('convLegendOutput')],
      ];
  return (
    <ul className="inside-legend">
      {items.map(([c, l]) => (
        <li key={l}>
          <span className="inside-swatch" style={{ background: c }} /> {l}
        </li>
      ))}
    </ul>
  );
}
