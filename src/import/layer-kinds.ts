/**
 * Keras layer class → netloom node kind, and the reasons a layer cannot be
 * represented (its class is unknown here, or its config asks for something
 * netloom's layer of that kind does not do). Such layers become `Unsupported`
 * nodes that keep their class and config: shown, never run.
 */
import { getSpec } from '../nodes/index.ts';
import { isRecord } from './read-source.ts';

export const UNSUPPORTED_KIND = 'Unsupported';

/** Keras / tfjs spellings that mean one of our kinds under another name. */
const ALIASES: Record<string, string> = {
  InputLayer: 'Input',
  Convolution2D: 'Conv2D',
  Convolution2DTranspose: 'Conv2DTranspose',
  Deconvolution2D: 'Conv2DTranspose',
  SeparableConvolution2D: 'SeparableConv2D',
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
  ReLU: 'Activation',
  Softmax: 'Activation',
};

/** Our kinds that are not Keras layer classes: a file naming them is not naming ours. */
const STRUCTURAL = new Set(['Input', 'Output', 'Composite']);

const WHY: Record<string, string> = {
  Lambda: 'a Lambda layer holds Python code, and netloom never runs code from a file (Keras Lambda layers ran code on load: CVE-2024-3660)',
  TFOpLambda: 'it is a TensorFlow operation recorded as a layer, which netloom has no node for',
  SlicingOpLambda: 'it is a TensorFlow slicing operation recorded as a layer, which netloom has no node for',
  LSTM: 'recurrent layers are not in netloom',
  GRU: 'recurrent layers are not in netloom',
  SimpleRNN: 'recurrent layers are not in netloom',
  Bidirectional: 'recurrent layers are not in netloom',
  Attention: 'attention layers are not in netloom',
  MultiHeadAttention: 'attention layers are not in netloom',
  AdditiveAttention: 'attention layers are not in netloom',
};

/** The netloom kind for a Keras class, or undefined when there is none. */
export function kindFor(className: string): string | undefined {
  const alias = ALIASES[className];
  if (alias) return alias;
  if (STRUCTURAL.has(className) || className === UNSUPPORTED_KIND) return undefined;
  return getSpec(className) ? className : undefined;
}

export function unknownClassReason(className: string): string {
  return WHY[className] ?? `netloom has no ${className} layer${/^[A-Z][A-Za-z0-9]*$/.test(className) ? '' : ' (it looks like a custom class)'}`;
}

const isOnes = (v: unknown) => v === undefined || v === null || v === 1 || (Array.isArray(v) && v.every((x) => x === 1));
const isOff = (v: unknown) => v === undefined || v === null || v === false;

/**
 * Config values that change what a layer computes and that netloom's node
 * cannot express: the reason, or null when the layer fits.
 */
export function configReason(className: string, kind: string, c: Record<string, unknown>): string | null {
  if (c.data_format !== undefined && c.data_format !== null && c.data_format !== 'channels_last') {
    return `data_format is ${JSON.stringify(c.data_format)}; netloom works channels-last only`;
  }
  const checks: [boolean, string][] = [
    [(kind === 'Conv2D' || kind === 'SeparableConv2D') && !isOnes(c.groups), `groups is ${JSON.stringify(c.groups)}; netloom's ${kind} has no groups`],
    [kind === 'Conv2DTranspose' && !isOnes(c.dilation_rate), `dilation_rate is ${JSON.stringify(c.dilation_rate)}; tfjs Conv2DTranspose has none`],
    [kind === 'Conv2DTranspose' && !isOff(c.output_padding), `output_padding is ${JSON.stringify(c.output_padding)}; tfjs Conv2DTranspose has none`],
    [kind === 'DepthwiseConv2D' && !isOnes(c.dilation_rate), `dilation_rate is ${JSON.stringify(c.dilation_rate)}; tfjs DepthwiseConv2D ignores it`],
    [kind === 'Dense' && !isOff(c.lora_rank), 'it has LoRA weights (lora_rank)'],
    [kind.startsWith('Global') && !isOff(c.keepdims), 'keepdims is true; netloom global pooling returns a vector'],
    [kind === 'BatchNormalization' && !isOff(c.renorm), 'renorm is on; netloom has plain batch normalization only'],
    [kind === 'BatchNormalization' && !isOff(c.virtual_batch_size), 'it uses virtual_batch_size (ghost batch normalization)'],
    [kind === 'BatchNormalization' && !isOff(c.adjustment), 'it has an adjustment function'],
    [kind === 'Dropout' && !isOff(c.noise_shape), `noise_shape is ${JSON.stringify(c.noise_shape)}; netloom's Dropout drops single values`],
    [kind === 'Input' && (!isOff(c.sparse) || !isOff(c.ragged)), 'sparse or ragged inputs are not in netloom'],
    [className === 'ReLU' && !(isOff(c.max_value) || c.max_value === 6), `max_value is ${JSON.stringify(c.max_value)}; netloom has relu and relu6`],
    [className === 'ReLU' && !(isOff(c.negative_slope) || c.negative_slope === 0), 'negative_slope is set: use LeakyReLU'],
    [className === 'ReLU' && !(isOff(c.threshold) || c.threshold === 0), `threshold is ${JSON.stringify(c.threshold)}`],
    [className === 'Softmax' && !(c.axis === undefined || c.axis === -1 || (Array.isArray(c.axis) && c.axis.length === 1 && c.axis[0] === -1)), `axis is ${JSON.stringify(c.axis)}; netloom's softmax works on the last axis`],
  ];
  for (const [bad, why] of checks) if (bad) return why;
  return null;
}

/** Keras 3 wraps some values as `{ class_name, config }`; the plain value inside, when there is one. */
export function unwrap(v: unknown): unknown {
  return isRecord(v) && 'config' in v && (typeof v.config === 'string' || typeof v.config === 'number') ? v.config : v;
}
