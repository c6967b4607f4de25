/**
 * The real ProbeRunner (probe.ts): the user's graph, compiled fresh on each
 * backend with the same starting weights, on deterministic made-up inputs
 * (the time of a step does not depend on the values, and the gradient check
 * needs the same numbers everywhere). Steps use the run's batch size and
 * optimizer; the check batch has one sample, so cpu's reference stays quick.
 *
 * Gradients are taken in training mode (BatchNormalization on batch
 * statistics, as when training) unless the graph draws random numbers while
 * training (Dropout, noise, augmentation), which no two backends draw alike.
 */
import type { Tensor, Variable } from '@tensorflow/tfjs';
import type { Analysis } from '../../analysis/types.ts';
import { compileGraph } from '../../compile/compile.ts';
import type { LayersModel, Tf } from '../../compile/tf.ts';
import { makeRng } from '../../data/random.ts';
import type { GraphDoc, SubGraph } from '../../graph/schema.ts';
import { text, type Text } from '../../i18n/text.ts';
import { joined } from '../reasons.ts';
import type { ProbeRunner } from './probe.ts';
import type { BackendName } from './select.ts';
import { trainableOn } from './trainable.ts';
import { makeOptimizer } from '../optimizer.ts';

export interface ProbeSettings {
  batchSize: number;
  optimizer: 'adam' | 'sgd' | 'rmsprop';
  learningRate: number;
}

const RANDOM_WHILE_TRAINING = new Set(['Dropout', 'GaussianNoise', 'RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomBrightness', 'RandomContrast']);

function drawsRandom(g: GraphDoc | SubGraph): boolean {
  return g.nodes.some((n) => RANDOM_WHILE_TRAINING.has(n.kind) || (n.graph ? drawsRandom(n.graph) : false));
}

/** Null when the graph cannot be probed (an input of unknown size): the caller falls back to the fixed order. */
export async function modelRunner(tf: Tf, doc: GraphDoc, analysis: Analysis, settings: ProbeSettings, activate: (name: BackendName) => Promise<Text | null>): Promise<(ProbeRunner & { dispose(): void }) | null> {
  // The starting weights are made on cpu: with no backend active, tfjs would start the "best" one itself.
  if (await activate('cpu')) return null;
  const built = compileGraph(tf, doc, {}, analysis);
  if (!built.ok) return null;
  const shapesOf = (m: LayersModel, which: 'inputs' | 'outputs') => m[which].map((t) => t.shape.slice(1));
  const inputs = shapesOf(built.value.main, 'inputs');
  const outputs = shapesOf(built.value.main, 'outputs');
  const initial = built.value.main.getWeights().map((w) => ({ shape: w.shape, values: w.dataSync() as Float32Array }));
  built.value.main.dispose();
  if ([...inputs, ...outputs].some((s) => s.some((d) => d === null))) return null;

  const rng = makeRng(17);
  const made = (shape: (number | null)[], n: number) => ({ shape: [n, ...(shape as number[])], values: Float32Array.from({ length: n * shape.reduce<number>((a, b) => a * b!, 1) }, () => rng()) });
  const batch = Math.max(1, settings.batchSize);
  const stepX = inputs.map((s) => made(s, batch));
  const stepY = outputs.map((s) => made(s, batch));
  const checkX = inputs.map((s) => made(s, 1));
  const checkR = outputs.map((s) => made(s, 1));
  const training = !drawsRandom(doc);

  let model: LayersModel | null = null;
  let held: Tensor[] = [];
  const free = () => {
    model?.dispose();
    model = null;
    tf.dispose(held);
    held = [];
  };

  return {
    async activate(name) {
      free();
      const failure = await activate(name);
      if (failure) return failure;
      const r = compileGraph(tf, doc, {}, analysis);
      if (!r.ok) return text('train.probe.no-model');
      model = r.value.main;
      model.setWeights(initial.map((w) => tf.tensor(w.values, w.shape)));
      const optimizer = makeOptimizer(tf, settings.optimizer, settings.learningRate);
      model.compile({ optimizer, loss: 'meanSquaredError' });
      held = [...stepX, ...stepY].map((t) => tf.tensor(t.values, t.shape));
      return null;
    },
    missing(name) {
      const issues = trainableOn(name, doc, tf, analysis).filter((i) => i.scope === 'backend');
      return issues.length ? joined(issues.map((i) => text('train.at', { at: i.nodeId, what: i.text }))) : null;
    },
    async gradients() {
      const m = model!;
      const grads = tf.tidy(() => {
        const xs = checkX.map((t) => tf.tensor(t.values, t.shape));
        const rs = checkR.map((t) => tf.tensor(t.values, t.shape));
        const vars = m.trainableWeights.map((w) => w.read() as Variable);
        const { grads } = tf.variableGrads(() => {
          const out = m.apply(xs.length === 1 ? xs[0]! : xs, { training }) as Tensor | Tensor[];
          const ys = Array.isArray(out) ? out : [out];
          return tf.addN(ys.map((y, i) => tf.sum(tf.mul(y, rs[i]!)))) as never;
        }, vars);
        return vars.map((v) => grads[v.name]!);
      });
      try {
        return (await Promise.all(grads.map((g) => g.data()))) as Float32Array[];
      } finally {
        tf.dispose(grads);
      }
    },
    async step() {
      const n = stepX.length;
      const xs = held.slice(0, n);
      const ys = held.slice(n);
      await model!.trainOnBatch(n === 1 ? xs[0]! : xs, ys.length === 1 ? ys[0]! : ys);
    },
    now: () => performance.now(),
    dispose: free,
  };
}
