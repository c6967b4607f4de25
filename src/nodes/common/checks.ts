/** Input checks shared by node kinds; each returns a diagnostic or null. */
import type { InferResult, NodeDiagnostic, Shape } from '../spec.ts';
import { fmtShape } from './params.ts';
import { msg, text, type Text } from '../../i18n/text.ts';

/** A feature map [height, width, channels], as conv and pooling layers need. */
export function needImage(kind: string, input: Shape, port = 0): NodeDiagnostic | null {
  if (input.length === 3) return null;
  if (input.length === 1) {
    return {
      severity: 'error',
      code: 'rank-mismatch',
      port,
      ...msg('node.image.vector', { kind, shape: fmtShape(input) }),
      fix: { kind: 'insert-before', nodeKind: 'Reshape', port, params: guessImageShape(input[0] ?? null) },
    };
  }
  return {
    severity: 'error',
    code: 'rank-mismatch',
    port,
    ...msg('node.image.rank', { kind, shape: fmtShape(input), rank: input.length }),
    fix: input.length === 2 && input[0] !== null && input[1] !== null ? { kind: 'insert-before', nodeKind: 'Reshape', port, params: { targetShape: [input[0], input[1], 1] } } : undefined,
  };
}

/** The known channel count of a feature map, or a diagnostic. */
export function needChannels(kind: string, input: Shape): number | NodeDiagnostic {
  const c = input[input.length - 1];
  if (typeof c === 'number') return c;
  return {
    severity: 'error',
    code: 'unknown-channels',
    ...msg('node.unknown-channels', { kind, shape: fmtShape(input) }),
  };
}

/** A square image shape for a vector, when one exists (784 → 28×28×1). */
function guessImageShape(n: number | null): { targetShape: number[] } | undefined {
  if (n === null) return undefined;
  for (const c of [1, 3]) {
    const side = Math.round(Math.sqrt(n / c));
    if (side * side * c === n) return { targetShape: [side, side, c] };
  }
  return undefined;
}

/** An InferResult carrying only errors. */
export function failed(...diagnostics: NodeDiagnostic[]): InferResult {
  return { outputs: [], diagnostics };
}

export function isDiagnostic(v: unknown): v is NodeDiagnostic {
  return typeof v === 'object' && v !== null && 'code' in v;
}

/**
 * tfjs computes some layers' shapes only for known sizes (unknown − crop
 * becomes negative, Flatten needs a count). `why`: a `node.unknown-size.*`
 * key of src/i18n/messages/nodes.ts, or Text.
 */
export function needKnownSize(kind: string, input: Shape, axes: number[], why: string | Text): NodeDiagnostic | null {
  if (axes.every((i) => input[i] !== null)) return null;
  return {
    severity: 'error',
    code: 'unknown-size',
    ...msg('node.unknown-size', { kind, shape: fmtShape(input), why: typeof why === 'string' ? text(why) : why }),
  };
}
