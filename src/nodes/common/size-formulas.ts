/**
 * Output-size formulas, with the user's numbers, for the shape-changing kinds
 * that slide no window: Cropping2D and ZeroPadding2D (per axis, each side),
 * Flatten and Reshape (products of sizes), Concatenate (sizes along the
 * joined axis added up), global pooling (H·W·C → C). Window kinds get
 * theirs from conv-math.ts. Axis names and legends are Text
 * (src/i18n/messages/formulas.ts); the symbolic and numeric parts hold only
 * symbols and numbers, so they read the same in every language.
 */
import { text, type Text } from '../../i18n/text.ts';
import type { Dim, Formula, Shape } from '../spec.ts';

type Edges4 = [[number, number], [number, number]];

const AXES = ['height', 'width'] as const;
const SUB = '₀₁₂₃₄₅₆₇₈₉';

/** `₁₂` for 12: subscript digits for symbol names like C₁₂. */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUB[Number(d)]!);
}

const axisText = (axis: string): Text => text(`formula.axis.${axis}`);

function formula(axis: string, name: Text, legend: Text, symbolic: string, numeric: string): Formula {
  return { axis, axisText: name, legend, symbolic, numeric, dropped: 0 };
}

/**
 * Cropping2D (sign −1) or ZeroPadding2D (sign +1): height and width after
 * removing or adding rows/columns on each side, `N − 2c` when both sides
 * take the same, `N − c₁ − c₂` when they differ. Unknown sizes give no formula.
 */
export function borderFormulas(x: Shape, edges: Edges4, sign: 1 | -1): Formula[] {
  const [letter, op, legend] = sign < 0 ? ['c', '−', text('formula.legend.crop')] : ['p', '+', text('formula.legend.pad')];
  return AXES.flatMap((axis, i) => {
    const n = x[i] ?? null;
    if (n === null) return [];
    const [a, b] = edges[i]!;
    const out = n + sign * (a + b);
    return a === b
      ? [formula(axis, axisText(axis), legend, `N ${op} 2${letter}`, `${n} ${op} 2·${a} = ${out}`)]
      : [formula(axis, axisText(axis), legend, `N ${op} ${letter}₁ ${op} ${letter}₂`, `${n} ${op} ${a} ${op} ${b} = ${out}`)];
  });
}

/** `d₁ · d₂ · d₃`, or `H · W · C` for a feature map. */
function sizeSymbols(rank: number, image: boolean): string {
  return image ? 'H · W · C' : Array.from({ length: rank }, (_, i) => `d${subscript(i + 1)}`).join(' · ');
}

/** Flatten: H · W · C = n (every size must be known, which Flatten checks first). */
export function flattenFormula(x: Shape): Formula[] {
  if (x.some((d) => d === null)) return [];
  const dims = x as number[];
  const image = dims.length === 3;
  const n = dims.reduce((a, d) => a * d, 1);
  return [
    formula('values', axisText('values'), text(image ? 'formula.legend.flatten-image' : 'formula.legend.flatten'), sizeSymbols(dims.length, image), `${dims.join(' · ')} = ${n}`),
  ];
}

/**
 * Reshape to `target` (as written, maybe with -1) when `filled` is the
 * result: the -1 axis as N divided by the other sizes, and the product of
 * the new sizes, which equals the input's N.
 */
export function reshapeFormulas(x: Shape, target: readonly number[], filled: readonly number[]): Formula[] {
  if (x.some((d) => d === null)) return [];
  const n = (x as number[]).reduce((a, d) => a * d, 1);
  const legend = text('formula.legend.reshape');
  const out: Formula[] = [];
  const free = target.indexOf(-1);
  if (free >= 0) {
    const others = target.map((d, i) => ({ d, i })).filter(({ i }) => i !== free);
    const symbols = others.map(({ i }) => `d${subscript(i + 1)}`);
    const values = others.map(({ d }) => String(d));
    const group = (parts: string[]) => (parts.length > 1 ? `(${parts.join(' · ')})` : (parts[0] ?? '1'));
    out.push(formula(`axis ${free + 1}`, text('formula.axis.free', { n: free + 1 }), legend, `N / ${group(symbols)}`, `${n} / ${group(values)} = ${filled[free]}`));
  }
  out.push(formula('values', axisText('values'), legend, sizeSymbols(filled.length, false), `${filled.join(' · ')} = ${n}`));
  return out;
}

/**
 * Concatenate along `axis` (0-based, batch excluded) of inputs of equal rank:
 * the sizes along that axis add up. Channels of a feature map by name, other
 * axes by their Keras number (the batch axis is 0).
 */
export function concatFormula(inputs: readonly Shape[], axis: number): Formula[] {
  const sizes = inputs.map((s) => s[axis] ?? null);
  if (sizes.some((d) => d === null)) return [];
  const rank = inputs[0]?.length ?? 0;
  const name = rank === 3 ? (['height', 'width', 'channels'] as const)[axis]! : null;
  const total = (sizes as number[]).reduce((a, d) => a + d, 0);
  return [
    formula(
      name ?? `axis ${axis + 1}`,
      name ? axisText(name) : text('formula.axis.n', { n: axis + 1 }),
      text('formula.legend.concat'),
      sizes.map((_, i) => `C${subscript(i + 1)}`).join(' + '),
      `${sizes.join(' + ')} = ${total}`,
    ),
  ];
}

/** GlobalAveragePooling2D / GlobalMaxPooling2D: each channel's H·W values become one. */
export function globalPoolFormula(x: Shape, how: 'average' | 'max'): Formula[] {
  const [h, w, c] = x as [Dim, Dim, Dim];
  if (c === null || c === undefined) return [];
  const show = (d: Dim) => (d === null ? '?' : String(d));
  return [formula('values', axisText('values'), text(`formula.legend.global-${how}`), 'H · W · C → C', `${show(h)} · ${show(w)} · ${c} → ${c}`)];
}
