/**
 * Fixes for merge inputs of different height/width or channels (Add,
 * Multiply, Average, Maximum, Concatenate), chosen so that applying them
 * again and again converges (tests/property/fix-convergence.test.ts):
 *
 * - A new node goes on the edge into the merge only (insert-before), so other
 *   readers of the same tensor (a U-Net skip feeding a Concatenate and an
 *   Add) keep seeing what they saw.
 * - A Cropping2D / ZeroPadding2D / 1×1 Conv2D already right before the merge,
 *   read by nothing else, is adjusted, or removed when no longer needed,
 *   instead of getting a second one stacked after it. Sizes are compared as
 *   they arrive at that node ("raw"), so the target does not move when a fix
 *   is applied. Changing what is there is then the one fix offered.
 * - Crop first (what U-Net does; the merge keeps the smaller size, so nothing
 *   after it changes size, and no zeros are made up); padding is the
 *   alternative. Once a merge pads (and does not crop), padding comes first.
 * - A stride is advised only when one makes the sizes meet (⌈N / k⌉): the
 *   1×1 Conv2D projection of a ResNet shortcut. Channels alone: a 1×1 Conv2D
 *   with the larger count on the narrower input.
 *
 * Pure: shapes and the feeders analysis describes, no graph access.
 */
import type { Feeder, Fix, InferContext, Shape } from '../spec.ts';
import type { Edges4 } from './params.ts';
import { english, text, type Text } from '../../i18n/text.ts';

export interface MergePlan {
  /** What to say after the shapes: the preferred fix in words (and the alternative, if any). */
  advice: Text;
  fix?: Fix;
  alternatives: Fix[];
}

type HW = [number, number];
type Mode = 'crop' | 'pad';

/** Beyond this a strided 1×1 projection reads too few pixels to be what was meant (ResNet uses 2). */
const MAX_PROJECTION_STRIDE = 4;

const port = (p: number) => `in${p}`;
const sizeText = ([h, w]: HW) => `${h}×${w}`;
export const edgesText = ([[t, b], [l, r]]: Edges4) => `[[${t}, ${b}], [${l}, ${r}]]`;

/** Split a difference in two, the odd one at the bottom/right (as 'same' padding does). */
function centred([dh, dw]: HW): Edges4 {
  return [
    [Math.floor(dh / 2), Math.ceil(dh / 2)],
    [Math.floor(dw / 2), Math.ceil(dw / 2)],
  ];
}

const hwOf = (s: Shape): HW | null => (s.length === 3 && typeof s[0] === 'number' && typeof s[1] === 'number' ? [s[0], s[1]] : null);
const sameHW = (a: HW, b: HW) => a[0] === b[0] && a[1] === b[1];
const isZero = (e: Edges4) => e.every(([a, b]) => a === 0 && b === 0);

/** A fix's words: `label` in English, `text` for the reader's language. */
export function labelled(t: Text): { label: string; text: Text } {
  return { label: english(t), text: t };
}

/** A Fix without its words (Omit over each member of the union). */
type Unworded<F> = F extends Fix ? Omit<F, 'label' | 'text'> : never;

function fix(f: Unworded<Fix> & { text: Text }): Fix {
  return { ...f, ...labelled(f.text) } as Fix;
}

const BORDER_KINDS: Record<string, Mode> = { Cropping2D: 'crop', ZeroPadding2D: 'pad' };

/** A Cropping2D / ZeroPadding2D right before input `p`, read only by the merge: a fix may change or remove it. */
function sizeFeeder(ctx: InferContext | undefined, p: number): (Feeder & { mode: Mode; raw: HW }) | undefined {
  const f = ctx?.feeder(p);
  const mode = f && BORDER_KINDS[f.kind];
  if (!f || !mode || f.consumers !== 1) return undefined;
  const raw = f.inputs.length === 1 ? hwOf(f.inputs[0]!) : null;
  return raw ? { ...f, mode, raw } : undefined;
}

/** A 1×1 Conv2D right before input `p`, read only by the merge: its filters can be changed. */
function projectionFeeder(ctx: InferContext | undefined, p: number): Feeder | undefined {
  const f = ctx?.feeder(p);
  if (!f || f.consumers !== 1 || f.kind !== 'Conv2D') return undefined;
  const k = f.params.kernelSize;
  return k === 1 || (Array.isArray(k) && k[0] === 1 && k[1] === 1) ? f : undefined;
}

/**
 * The crop (or pad) step that brings the inputs to one size. Sizes are
 * compared as they arrive at a crop or pad the merge already has ("raw"), so
 * that node is adjusted, or removed when it is no longer needed, rather than
 * a second one stacked after it; and the target stays put from one step to
 * the next. Null when every input has the target size.
 */
function sizeStep(hw: HW[], ctx: InferContext | undefined, mode: Mode): { fix: Fix; advice: Text } | null {
  const feeders = hw.map((_, p) => sizeFeeder(ctx, p));
  const raw = hw.map((s, p) => feeders[p]?.raw ?? s);
  const pick = mode === 'crop' ? Math.min : Math.max;
  const target: HW = [pick(...raw.map((s) => s[0])), pick(...raw.map((s) => s[1]))];
  const p = hw.findIndex((s) => !sameHW(s, target));
  if (p < 0) return null;
  const f = feeders[p];
  const size = sizeText(target);
  // Rows and columns to add (pad) or remove (crop) from the raw size; in crop mode never negative, in pad mode never positive.
  const grow: HW = [target[0] - raw[p]![0], target[1] - raw[p]![1]];
  const edges = centred(mode === 'crop' ? [-grow[0], -grow[1]] : grow);
  const values = { port: port(p), size, edges: edgesText(edges) };
  if (f && (isZero(edges) || f.mode !== mode)) {
    // Not needed any more, or it pads where a crop is needed: take it out (the next step crops, if still needed).
    const v = { node: f.nodeId, port: port(p), size };
    const why = isZero(edges) ? 'remove' : 'remove-pad';
    return { fix: fix({ kind: 'remove-node', nodeId: f.nodeId, text: text(`merge.fix.${why}`, v) }), advice: text(`merge.advice.${why}`, v) };
  }
  if (f) {
    const v = { ...values, node: f.nodeId };
    return {
      fix: fix({ kind: 'set-param', nodeId: f.nodeId, param: mode === 'crop' ? 'cropping' : 'padding', value: edges, text: text(`merge.fix.adjust-${mode}`, v) }),
      advice: text(`merge.advice.adjust-${mode}`, v),
    };
  }
  return {
    fix: fix({
      kind: 'insert-before',
      nodeKind: mode === 'crop' ? 'Cropping2D' : 'ZeroPadding2D',
      port: p,
      params: { [mode === 'crop' ? 'cropping' : 'padding']: edges },
      text: text(`merge.fix.insert-${mode}`, values),
    }),
    advice: text(`merge.advice.${mode}`, values),
  };
}

/** Crop first unless the merge already pads (and does not crop) its inputs. */
function preferredMode(n: number, ctx: InferContext | undefined): Mode {
  const modes = Array.from({ length: n }, (_, p) => sizeFeeder(ctx, p)?.mode);
  return modes.includes('pad') && !modes.includes('crop') ? 'pad' : 'crop';
}

function or(a: Text, b?: Text): Text {
  return b ? text('merge.advice.or', { a, b }) : a;
}

/**
 * When exactly one input is larger by a whole stride k ≥ 2 (⌈N / k⌉ = the
 * others' size on both axes), the 1×1 Conv2D with stride k that projects it,
 * as a ResNet shortcut does. The only case where a stride fixes a size.
 */
function strideStep(hw: HW[], channels: number[], ctx: InferContext | undefined): { fix: Fix; advice: Text } | null {
  const big = hw.findIndex((s, p) => hw.every((t, q) => q === p || (s[0] > t[0] && s[1] > t[1])));
  if (big < 0) return null;
  const others = hw.filter((_, q) => q !== big);
  const small = others[0]!;
  const c = channels.find((_, q) => q !== big)!;
  if (!others.every((s) => sameHW(s, small)) || !channels.every((x, q) => q === big || x === c)) return null;
  const k = Math.round(hw[big]![0] / small[0]);
  if (k < 2 || k > MAX_PROJECTION_STRIDE || Math.ceil(hw[big]![0] / k) !== small[0] || Math.ceil(hw[big]![1] / k) !== small[1]) return null;
  if (sizeFeeder(ctx, big)) return null;
  const v = { port: port(big), filters: c, count: c, k };
  return {
    fix: fix({ kind: 'insert-before', nodeKind: 'Conv2D', port: big, params: { filters: c, kernelSize: 1, strides: k, padding: 'same' }, text: text('merge.fix.project-stride', v) }),
    advice: text('merge.advice.project-stride', v),
  };
}

/** Same size, different channels: a 1×1 Conv2D to the largest count (or a change to the one already there). */
function channelStep(channels: number[], ctx: InferContext | undefined): { fix: Fix; advice: Text } | null {
  const feeders = channels.map((_, p) => projectionFeeder(ctx, p));
  const fixed = channels.filter((_, p) => !feeders[p]);
  const target = Math.max(...(fixed.length ? fixed : channels));
  const p = channels.findIndex((c) => c !== target);
  if (p < 0) return null;
  const f = feeders[p];
  const v = { port: port(p), filters: target, count: target, a: channels[p]!, b: target };
  if (f) {
    const w = { ...v, node: f.nodeId };
    return { fix: fix({ kind: 'set-param', nodeId: f.nodeId, param: 'filters', value: target, text: text('merge.fix.set-filters', w) }), advice: text('merge.advice.set-filters', w) };
  }
  return {
    fix: fix({ kind: 'insert-before', nodeKind: 'Conv2D', port: p, params: { filters: target, kernelSize: 1 }, text: text('merge.fix.project', v) }),
    advice: text('merge.advice.project', v),
  };
}

/**
 * Fixes for feature maps [h, w, c] that differ in height/width (and, for the
 * element-wise merges, channels). Null when a fix cannot be worked out
 * (other ranks, unknown sizes): the caller then says what must match.
 */
export function planMergeFix(inputs: Shape[], ctx: InferContext | undefined, opts: { channels: boolean }): MergePlan | null {
  const hw = inputs.map(hwOf);
  if (!hw.every((s): s is HW => s !== null)) return null;
  const channels = inputs.map((s) => s[2]);
  const knownChannels = channels.every((c): c is number => typeof c === 'number');
  const sizesDiffer = hw.some((s) => !sameHW(s, hw[0]!));
  if (!sizesDiffer) {
    if (!opts.channels || !knownChannels) return null;
    const step = channelStep(channels, ctx);
    return step && { advice: step.advice, fix: step.fix, alternatives: [] };
  }
  const mode = preferredMode(inputs.length, ctx);
  const main = sizeStep(hw, ctx, mode)!;
  // Changing or removing a crop/pad the merge already has is the fix; a choice (crop, pad, stride) is offered only when something new goes in.
  const fresh = main.fix.kind === 'insert-before';
  const other = fresh ? sizeStep(hw, ctx, mode === 'crop' ? 'pad' : 'crop') : null;
  const alt = other?.fix.kind === 'insert-before' ? other : null;
  const stride = fresh && opts.channels && knownChannels ? strideStep(hw, channels, ctx) : null;
  if (stride) {
    // A whole stride apart: the sizes differ by a stride, not by a border, so projecting beats cropping most of a map away.
    return { advice: or(stride.advice, main.advice), fix: stride.fix, alternatives: [main.fix, ...(alt ? [alt.fix] : [])] };
  }
  const advice = or(main.advice, alt?.advice);
  const channelsToo = opts.channels && knownChannels && new Set(channels).size > 1;
  return {
    advice: channelsToo ? text('merge.advice.channels-too', { advice, a: channels[0]!, b: channels.find((c) => c !== channels[0])! }) : advice,
    fix: main.fix,
    alternatives: alt ? [alt.fix] : [],
  };
}
