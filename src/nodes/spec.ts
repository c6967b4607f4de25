/**
 * The contract every node kind fulfils. One file per kind in this folder
 * declares a NodeSpec; the registry lists them; the palette, inspector,
 * validation, shape inference, compile, training, code export and import
 * all derive from it. ./elu.ts walks through a spec with numbered notes.
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
  | 'detect'
  | 'composite'
  | 'output';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A fix the editor can apply with one click. Plain data, never code. Its
 * button's words are `text` when the fix carries them, else they come from
 * the data (fixLabel in ./common/fix.ts); either way in the reader's language.
 * `label` is English words for the CLI's JSON only.
 */
export type Fix =
  /** Put a new node on the edge into input `port` (that edge only: other readers of the source keep what they see). */
  | { kind: 'insert-before'; nodeKind: string; params?: Record<string, unknown>; port: number; label?: string; text?: Text }
  /** Set a param of the node, or of `nodeId` when that is another node (e.g. the Cropping2D before a merge). */
  | { kind: 'set-param'; param: string; value: unknown; label?: string; text?: Text; nodeId?: string }
  /** Take out a one-input node, joining what feeds it to what it fed (e.g. a crop no longer needed). */
  | { kind: 'remove-node'; nodeId: string; label?: string; text?: Text };

/** What a node kind says about itself during inference (analysis adds where). */
export interface NodeDiagnostic {
  severity: Severity;
  /** Stable machine-readable cause, e.g. `rank-mismatch`. */
  code: string;
  /** One sentence with the numbers and the fix (English; see `text`). */
  message: string;
  /** The sentence as data, rendered in the reader's language by the app. */
  text: Text;
  param?: string;
  /** Which input port the problem comes through. */
  port?: number;
  fix?: Fix;
  /** Other fixes, in order of preference, offered after `fix`. */
  alternatives?: Fix[];
}

/**
 * The output-size formula with the user's numbers filled in, for one axis.
 * Everything here is symbols and numbers; the words are the reader's: `axis`
 * is an id whose name comes from `axis.<id>` in src/i18n/messages/nodes.ts,
 * and anything more to say goes in `note` as Text.
 */
export interface Formula {
  /** `height`, `width`, …: named by `axis.<id>` (en and ko) in src/i18n/messages/nodes.ts. */
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
  /** Words shown under the formula, if any (never English text in the fields above). */
  note?: Text;
}

/** A node that feeds an input port, as analysis knows it after inferring it. */
export interface Feeder {
  nodeId: string;
  kind: string;
  /** Its params, parsed (defaults filled in). */
  params: Record<string, unknown>;
  /** The shapes arriving at its own inputs. */
  inputs: Shape[];
  /** How many edges leave it: 1 when this node is its only reader. */
  consumers: number;
}

/**
 * What a node may see of the graph around it during analysis. Inference is
 * about shapes alone; this is for fixes that must look further, e.g. adjust
 * the Cropping2D already before a merge input rather than stack a second one.
 */
export interface InferContext {
  /** The node feeding input `port` (undefined for a composite's port or a multi-output node). Ask only during `infer`. */
  feeder(port: number): Feeder | undefined;
}

/** One weight of a layer as tfjs names and shapes it: `['kernel', [3, 3, 1, 8]]`. */
export type WeightShape = [name: string, shape: Shape];

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

/**
 * Code a generated file carries before its models so that a layer exists: a
 * class the target library lacks, or one computing what netloom computes
 * where the library's own differs. Fixed text: no user text goes in.
 */
export interface CodeSource {
  /** A file carries each source once, however many layers use it. */
  id: string;
  /** Lines for the file's import block (each once). */
  imports?: readonly string[];
  /** The definitions, as pasted. Their top-level names are claimed before any name from the graph. */
  code: string;
}

/** How one language writes one layer call. */
export interface LayerCode {
  /** What the arguments are passed to: `tf.layers.elu`, `new augment.RandomFlip`, `layers.ELU`, `BilinearUpSampling2D`. */
  callee: string;
  /** Arguments in that language's spelling, in order; the writer adds `name`. */
  args: [string, unknown][];
  /** Code the file must carry for `callee` to exist. */
  source?: CodeSource;
  /** One comment line for the file's head (each once), e.g. an argument the libraries name differently. */
  note?: string;
}

/**
 * Rewrites a language's default writing (`std`) of a layer call of this
 * kind; returns `std` itself when nothing differs. `call` has the full
 * config; `std.args` leaves out arguments at their default.
 */
export type LayerWriter = (std: LayerCode, call: LayerCall) => LayerCode;

/**
 * One layer call as PyTorch code sees it. Shapes are netloom's (per sample,
 * channels last); in the exported forward() a tensor of rank 3 ([H, W, C])
 * is held channels-first, [batch, C, H, W], as PyTorch's layers take it, and
 * every other rank as netloom has it (src/nodes/common/torch.ts).
 */
export interface TorchCall {
  className: string;
  /** The layer's full config (tfjs names). */
  config: Record<string, unknown>;
  inputs: Shape[];
  output: Shape;
}

/** One weight of a layer as PyTorch holds it, made from the tfjs weight of name `from`. */
export interface TorchWeight {
  /** tfjs weight name: `kernel`, `depthwise_kernel`, `moving_mean`. */
  from: string;
  /** Its state_dict name under the layer's module: `weight`, `depthwise.weight`, `running_mean`. */
  to: string;
  /** The tfjs array's axes in PyTorch's order (a transpose): a conv kernel [kh, kw, in, out] → [out, in, kh, kw] is [3, 2, 0, 1]. */
  perm?: readonly number[];
  /** Then this shape, when PyTorch's differs (a depthwise kernel [C, m, kh, kw] → [C·m, 1, kh, kw]). */
  reshape?: readonly number[];
}

/**
 * How PyTorch code writes a layer call. `forward` is a Python expression in
 * which `$m` stands for the layer's module (`self.conv1`), `$0`, `$1`, … for
 * its inputs (always plain variable names) and `$all` for all of them,
 * comma-separated. Only numbers and fixed words go in: no user text.
 */
export interface TorchLayer {
  /** A module the model holds as an attribute (`nn.Conv2d(1, 8, kernel_size=(3, 3))`): anything with weights, or that trains differently from how it predicts. */
  module?: string;
  forward: string;
  /** The module's weights, one per tfjs weight of the layer (none for a module without). */
  weights?: readonly TorchWeight[];
  /** Code the file must carry (classes or functions PyTorch lacks, e.g. Keras's 'same' padding for sizes known only at run time), each once per file. */
  sources?: readonly CodeSource[];
  /** One comment line for the file's head (each once). */
  note?: string;
}

/** How a kind writes its layer calls in PyTorch, or why it cannot (named to the user, the export refused). */
export type TorchWriter = (call: TorchCall) => TorchLayer | { refuse: string };

/**
 * How generated code writes this kind's layer calls, per language (a
 * language without a writer here gets its default). The writers of a layer
 * class are those of the kind of that name: a `_pad` helper is written by
 * ZeroPadding2D's spec. Defaults live in src/codegen/layer-code.ts; PyTorch
 * has none (a kind without `pytorch` is refused by name).
 */
export interface CodeFacts {
  /** Arguments printed even at their default: the library requires them (Keras has no default kernel size) or defaults them otherwise (tfjs's Softmax axis is 1). */
  keep?: readonly string[];
  /** TypeScript for tfjs. Default: `tf.layers.<factory>` (`conv2dTranspose`) with the tfjs arguments. */
  ts?: LayerWriter;
  /** Python for Keras 3. Default: `layers.<ClassName>` with snake_case arguments (or `keras.args`). */
  keras?: LayerWriter;
  /** Python for PyTorch (src/codegen/torch.ts). No default: without it the kind cannot be exported to PyTorch. */
  pytorch?: TorchWriter;
}

/** What a kind's `keras.read` made of a Keras config. */
export interface KerasRead {
  /** Params read from the config. */
  params: Record<string, unknown>;
  /** Config keys the generic reading must leave alone (read here, or not meant as params). */
  handled: readonly string[];
  /** Of `handled`, the keys the node still keeps under `imported.config` (default none). */
  kept?: readonly string[];
  /** Things the user should know (English), e.g. a dtype read as float32. */
  notes?: string[];
}

/** A note about one imported node. */
export interface KerasNote {
  severity: 'info' | 'warning' | 'error';
  /** Stable machine-readable cause, e.g. `dense-as-conv`. */
  code: string;
  /** English words that follow `<Kind> "<id>"` (so they start with ' ' or ': '). */
  message: string;
}

/** What a kind's `keras.onInput` makes of a layer Keras applies to an input the node refuses. */
export type KerasRefit =
  | {
      /** The kind (and params) that computes the same on this input. */
      kind: string;
      params: Record<string, unknown>;
      /** Kept with the node (`imported.note`). */
      note: string;
      said: KerasNote;
      /** Weight shapes as the file holds them → as the new kind holds them, by weight name. */
      weights?: Readonly<Record<string, (shape: number[]) => number[]>>;
    }
  /** No node computes it: the layer becomes an Unsupported node with this reason. */
  | { reason: Text };

/**
 * What a kind knows about Keras and tfjs: how their files name and configure
 * it (read by src/import) and how Keras code spells it (the Keras export).
 * A Keras config is read generically: each snake_case key that is the
 * snake_case of a param (or named in `args`) becomes that param; these
 * facts cover the rest.
 */
export interface KerasFacts {
  /** Other class names files use for this kind: Keras 1's `Convolution2D`, tfjs's `MaxPool2D`. The kind's own name needs none. */
  aliases?: readonly string[];
  /** The Keras 1 `Merge(mode=…)` this kind computes (`'sum'` for Add); such a Merge imports as this kind. */
  keras1Merge?: string;
  /** Keras 3 keywords for params whose name is not the snake_case of theirs, e.g. `{ alpha: 'negative_slope' }`. Import reads both spellings; the Keras export writes this one. */
  args?: Readonly<Record<string, string>>;
  /**
   * Why a config (snake_case, as in the file) cannot be this kind, or null
   * when it fits: a setting netloom's layer does not have (`groups` for
   * Conv2D). Such a layer is kept as an Unsupported node with this reason
   * (Text, keys `import.why.…`). `data_format` other than channels-last is refused for every kind.
   */
  refuse?(config: Record<string, unknown>, className: string): Text | null;
  /** Config entries that are not simply a param's snake_case: ReLU's `max_value: 6` as `activation: 'relu6'`, Input's `batch_input_shape`. */
  read?(config: Record<string, unknown>, className: string): KerasRead;
  /**
   * Keras applies some layers to inputs netloom's node refuses (Dense acts on
   * the last axis of a feature map). Once analysis knows the imported node's
   * input and refuses it (`rank-mismatch`): the node computing the same
   * there, or why there is none. `params` are the node's, as imported.
   */
  onInput?(params: Record<string, unknown>, input: Shape): KerasRefit;
  /**
   * Params a saved config leaves out that the layer's own weights show (tfjs
   * does not save SeparableConv2D's depthMultiplier; its depthwise kernel's
   * shape holds it). `shape(weight)` is undefined for a weight the file did
   * not come with; `fromTfjs` when tfjs wrote the file.
   */
  fromWeights?(params: Record<string, unknown>, shape: (weight: string) => number[] | undefined, fromTfjs: boolean): { params?: Record<string, unknown>; said: KerasNote } | undefined;
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
  /** `graph`, when analysis gives it, says what feeds each input (fixes use it; shapes never depend on it). */
  infer(inputs: Shape[], p: P, graph?: InferContext): InferResult;
  /** The layers this node compiles to (structural kinds Input, Output, Composite return []). */
  layers(p: P, inputs: Shape[]): LayerCall[];
  /** Short text for the node face, e.g. `16 · 3×3 /2 same`. */
  caption(p: P): string;
  doc: { en: NodeDoc; ko: NodeDoc };
  conformance: ConformanceGrid<P>;
  /** Params a node starts with when added from the palette (required params need a value). */
  starter?: Partial<P>;
  /**
   * The weights of the node's main layer (the call without a `suffix`), in
   * tfjs's order and naming, from its params and input shapes. Omitted: the
   * layer holds none. Weights from a file are checked against these before
   * anything compiles (src/import/weight-slots.ts); tests compare them with
   * what tfjs builds for every conformance case.
   */
  weightShapes?(p: P, inputs: Shape[]): WeightShape[];
  /**
   * The tfjs kernels a training step of this node runs beyond the basic ones
   * every step uses (BASIC_KERNELS in src/train/backend/trainable.ts), so a
   * backend lacking one is named before training starts. Omitted: none.
   * tests/train/backend/catalog.test.ts profiles a step of every conformance
   * case and fails on a kernel that is neither listed here nor basic.
   */
  kernels?(p: P): string[];
  /**
   * The named activation the node's output comes out of when its layer's
   * config does not say so in `activation` (a Softmax layer: `softmax`).
   * Losses are chosen from it: cross-entropy on probabilities or from logits.
   */
  outputActivation?: string;
  /** Names, aliases and refusals for Keras / tfjs files and code. */
  keras?: KerasFacts;
  /** How exported code writes the layers (src/codegen). */
  code?: CodeFacts;
  /**
   * How a `padding` number p compiles (common/window.ts): `'pad'`, as a
   * ZeroPadding2D(p) named `<id>_pad` before the layer; `'crop'`, as a
   * Cropping2D(p) named `<id>_crop` after it (transposed convolution); the
   * layer itself gets padding 'valid'. Import folds such a pair back into
   * one node (src/import/fold-padding.ts).
   */
  paddingNumber?: 'pad' | 'crop';
  /** What the inspector's views of the inside of the network need to know. */
  inside?: InsideFacts<P>;
}

/**
 * How the convolution animation moves over an input (src/ui/inspect/conv-plan.ts
 * draws it with the arithmetic `infer` uses). Sizes are [rows, columns].
 */
export type GridMotion =
  /** A window sliding with a stride over an input padded 'same', 'valid' or by p on each side. */
  | { kind: 'slide'; kernel: [number, number]; strides: [number, number]; padding: 'valid' | 'same' | number; dilation: [number, number] }
  /** A transposed convolution: each input cell stamps the kernel on the output, `strides` apart. */
  | { kind: 'stamp'; kernel: [number, number]; strides: [number, number]; padding: 'valid' | 'same' | number }
  /** Rows and columns added (positive) or removed (negative): [[top, bottom], [left, right]]. */
  | { kind: 'border'; edges: [[number, number], [number, number]] };

/** What the inspector's "inside" views (src/inspect, src/ui/inspect) know of a kind. */
export interface InsideFacts<P> {
  /**
   * Where the main layer keeps its filters and how they lie: [kh, kw, in, out]
   * ('conv'), [kh, kw, out, in] ('transpose'), [kh, kw, in, multiplier]
   * ('depthwise'). The Filters view draws them; Grad-CAM starts at the last
   * node that has them.
   */
  filters?: { weight: string; layout: 'conv' | 'transpose' | 'depthwise' };
  /** How the convolution animation moves for these params. */
  grid?(p: P): GridMotion;
  /**
   * A final softmax's class scores before it (Grad-CAM's target): the layer's input ('input'), input · kernel +
   * bias ('dense'), or the convolution of its input with its kernel plus bias ('conv': a per-pixel classifier).
   */
  logits?: 'input' | 'dense' | 'conv';
}

/** Erases P for storage in the registry. */
export type AnyNodeSpec = NodeSpec<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defineNode<P>(spec: NodeSpec<P>): NodeSpec<P> {
  return spec;
}
