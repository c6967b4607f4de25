/**
 * Adam on wasm in one kernel per weight (simd/adam.ts). tfjs's AdamOptimizer
 * runs 14 small kernels per weight per step (mul, add, square, div, sqrt …),
 * each with its scalar tensors and bookkeeping, and the threaded build wakes
 * its thread pool for many of them: ~90 calls and ~2 ms of an MNIST CNN step
 * that runs on one thread. The subclass here keeps tfjs's state (moments,
 * β powers, iterations; getWeights/setWeights unchanged) and its arithmetic,
 * bit for bit; on every other backend, or without our kernels, it is tfjs's
 * Adam as it was.
 */
import type { Optimizer, Scalar, Tensor, TensorInfo, Variable } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { mark } from './registry.ts';
import { simdKernels } from './simd/instance.ts';
import type { WasmHeap } from './wasm-ops.ts';

export const ADAM_STEP = 'NetloomAdamStep';

interface StepAttrs {
  beta1: number;
  beta2: number;
  d1: number;
  d2: number;
  epsilon: number;
  learningRate: number;
}

/** Registers the wasm kernel (once); returns what it registered now. */
export function registerAdamStep(tf: Tf): string[] {
  if (tf.getKernel(ADAM_STEP, 'wasm')) return [];
  const kernelFunc = mark(({ inputs, attrs, backend }) => {
    const { w, m, v, g } = inputs as Record<'w' | 'm' | 'v' | 'g', TensorInfo>;
    const a = attrs as unknown as StepAttrs;
    const be = backend as unknown as WasmHeap;
    const outs = [be.makeOutput(w.shape, 'float32'), be.makeOutput(w.shape, 'float32'), be.makeOutput(w.shape, 'float32')];
    // Addresses after the allocations, which may grow (and detach) the heap; byte offsets stay valid.
    const at = (t: TensorInfo) => be.typedArrayFromHeap(t).byteOffset;
    const f = Math.fround;
    // The optimizer sends work here only where the kernels are bound.
    simdKernels(backend)!.adam(at(w), at(m), at(v), at(g), at(outs[0]!), at(outs[1]!), at(outs[2]!), tf.util.sizeFromShape(w.shape), f(a.beta1), f(1 - a.beta1), f(a.beta2), f(1 - a.beta2), f(a.d1), f(a.d2), f(a.epsilon), f(-a.learningRate));
    return outs;
  });
  tf.registerKernel({ kernelName: ADAM_STEP, backendName: 'wasm', kernelFunc });
  return [ADAM_STEP];
}

/** The parts of tfjs's AdamOptimizer that are private in its typings. */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: Variable;
  accBeta2: Variable;
  accumulatedFirstMoment: { originalName: string; variable: Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: Variable }[];
  incrementIterations(): void;
}

type VariableGradients = Parameters<InstanceType<Tf['AdamOptimizer']>['applyGradients']>[0];
type AdamClass = new (learningRate: number, beta1: number, beta2: number) => Optimizer;

const classes = new WeakMap<object, AdamClass>();

/** tfjs's Adam whose step runs as one kernel per weight on wasm. */
export function adamOptimizer(tf: Tf, learningRate: number, beta1 = 0.9, beta2 = 0.999): Optimizer {
  let Adam = classes.get(tf);
  if (!Adam) {
    Adam = class extends tf.AdamOptimizer {
      override applyGradients(variableGradients: VariableGradients): void {
        const entries = Array.isArray(variableGradients) ? variableGradients.map((v) => [v.name, v.tensor] as const) : Object.entries(variableGradients);
        const fused = tf.getBackend() === 'wasm' && !!tf.getKernel(ADAM_STEP, 'wasm') && !!simdKernels(tf.backend()) && entries.every(([name, g]) => g == null || (g.dtype === 'float32' && tf.engine().registeredVariables[name]?.dtype === 'float32'));
        if (fused) fusedStep(tf, this as unknown as AdamState, entries);
        else super.applyGradients(variableGradients);
      }
    };
    classes.set(tf, Adam);
  }
  return new Adam(learningRate, beta1, beta2);
}

/** tfjs's AdamOptimizer.applyGradients with the per-weight arithmetic in one kernel. */
function fusedStep(tf: Tf, s: AdamState, entries: readonly (readonly [string, Tensor | null | undefined])[]): void {
  tf.tidy(() => {
    // 1 − β^t as tfjs computes it: float32 subtraction from the float32 power.
    const d1 = 1 - (s.accBeta1.dataSync()[0] as number);
    const d2 = 1 - (s.accBeta2.dataSync()[0] as number);
    entries.forEach(([name, g], i) => {
      const w = tf.engine().registeredVariables[name]!;
      s.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(w).variable(false)) };
      s.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(w).variable(false)) };
      if (g == null) return;
      const m = s.accumulatedFirstMoment[i].variable;
      const v = s.accumulatedSecondMoment[i].variable;
      const attrs: StepAttrs = { beta1: s.beta1, beta2: s.beta2, d1, d2, epsilon: s.epsilon, learningRate: s.learningRate };
      const [w2, m2, v2] = tf.engine().runKernel(ADAM_STEP, { w, m, v, g }, attrs as never) as Tensor[];
      m.assign(m2!);
      v.assign(v2!);
      w.assign(w2!);
    });
    s.accBeta1.assign(tf.mul(s.accBeta1, s.beta1) as Scalar);
    s.accBeta2.assign(tf.mul(s.accBeta2, s.beta2) as Scalar);
  });
  s.incrementIterations();
}
