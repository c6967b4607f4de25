/**
 * The contract every node kind fulfils. One file per kind in this folder
 * declares a NodeSpec; the registry lists them; the palette, inspector,
 * validation, shape inference, compile and code export all derive from it.
 *
 * This file is pure types: no tfjs, no React.
 */
import type { z } from 'zod';
import type { Text } from '../i18n/text.ts';

/** One dimension: a size, or null when unknown. */
export type Dim = number | null;
/** A tensor shape without the batch dimension. */
export type Shape = Dim[];

export type Category =
  | 'input'
  | 'conv'
  | 'pool'
  | 'dense'
  | 'merge'
  | 'shape'
  | 'norm'
  | 'activation'
  | 'regularize'
  | 'augment'
  | 'composite'
  | 'output';

export type Severity = 'error' | 'warning' | 'info';

/** A fix the editor can apply with one click. Plain data, never code. */
export type Fix =
  | { kind: 'insert-before'; nodeKind: string; params?: Record<string, unknown>; port: number; label: string }
  | { kind: 'set-param'; param: string; value: unknown; label: string };

/** What a node kind says about itself during inference (analysis adds where). */
export interface NodeDiagnostic {
  severity: Severity;
  /** Stable machine-readable cause, e.g. `rank-mismatch`. */
  code: string;
  /** One sentence with the numbers and the fix (English; see `text`). */
  message: string;
  /** The sentence as data, rendered in the reader's language by the app. */
  text?: Text;
  param?: string;
  /** Which input port the problem comes through. */
  port?: number;
  fix?: Fix;
}

/** The output-size formula with the user's numbers filled in, for one axis. */
export interface Formula {
  axis: string;
  /** The axis's name as Text, shown instead of `axis` when set (`axis` stays for the CLI and old readers). */
  axisText?: Text;
  /** What the symbols mean, shown under the formulas instead of the convolution legend (N, k, s, p). */
  legend?: Text;
  /** e.g. `⌊(N + 2p − k) / s⌋ + 1` */
  symbolic: string;
  /** e.g. `⌊(28 + 2·1 − 3) / 2⌋ + 1 = 14` */
  numeric: string;
  /** Input rows/columns the floor() throws away (0 when the division is exact). */
  dropped: number;
  /** The division inside the floor, e.g. `(28 + 2·0 − 3) / 2 = 12.5`, when it matters. */
  division?: string;
}

export interface WeightCount {
  trainable: number;
  nonTrainable: number;
}

export interface InferResult {
  /** One shape per output port; empty when an error prevents inference. */
  outputs: Shape[];
  diagnostics?: NodeDiagnostic[];
  formulas?: Formula[];
  weights?: WeightCount;
  /** Multiply-accumulates for one sample. */
  macs?: number;
}

/**
 * One tfjs / Keras layer the node compiles to. `className` is the Keras class
 * name (the tfjs serialization name too) and `config` uses tfjs (camelCase)
 * argument names. A node may need several (explicit padding numbers become
 * ZeroPadding2D followed by the layer); the first receives the node's inputs,
 * each next one the previous output.
 */
export interface LayerCall {
  className: string;
  config: Record<string, unknown>;
  /** Appended to the node's layer name for all but the main layer, e.g. `_pad`. */
  suffix?: string;
}

export interface PortSpec {
  /** `in0`, `in1`, … */
  min: number;
  /** Maximum number of inputs (Infinity for merge nodes). */
  max: number;
}

export interface NodeDoc {
  title: string;
  /** One line for the palette. */
  summary: string;
  /** What it computes and when to use it (a short paragraph). */
  detail: string;
}

/** Parameter grid the conformance harness compiles against tfjs. */
export interface ConformanceGrid<P> {
  /** Each entry: the input shapes fed to the node. */
  inputs: Shape[][];
  /** Partial params; the harness takes the product with `inputs`. */
  params: Partial<P>[];
}

export interface NodeSpec<P = Record<string, unknown>> {
  kind: string;
  category: Category;
  /** zod object with Keras defaults: drives validation, the inspector form and docs. */
  params: z.ZodType<P, Record<string, unknown>>;
  inputs: PortSpec;
  /** Number of output ports. */
  outputs: number;
  infer(inputs: Shape[], p: P): InferResult;
  /** The layers this node compiles to (structural kinds Input, Output, Composite return []). */
  layers(p: P, inputs: Shape[]): LayerCall[];
  /** Short text for the node face, e.g. `16 · 3×3 /2 same`. */
  caption(p: P): string;
  doc: { en: NodeDoc; ko: NodeDoc };
  conformance: ConformanceGrid<P>;
  /** Params a node starts with when added from the palette (required params need a value). */
  starter?: Partial<P>;
}

/** Erases P for storage in the registry. */
export type AnyNodeSpec = NodeSpec<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defineNode<P>(spec: NodeSpec<P>): NodeSpec<P> {
  return spec;
}
