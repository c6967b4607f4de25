/**
 * Where a training step's time goes on wasm, kernel by kernel: the MNIST CNN
 * preset and resnet-mini (BatchNormalization), batch 64, Adam, in Node
 * (single-threaded wasm). Every wasm kernel is wrapped with a timer (the
 * outermost call only: our gradient kernels run wasm kernels inside);
 * times are this process's CPU time (wall time beside it), per step, after
 * warm-up steps. Groups: forward convolutions (XNNPACK), gradient kernels
 * (ours and wasm's), the optimizer (applyGradients), everything else, and
 * the per-batch overhead (the step's time outside any kernel: tfjs's tape,
 * tidy, layers bookkeeping, our loop).
 *
 * Then the cost of BatchNormalization (issue 17's target ≤ 1.3): resnet-mini
 * against the same graph with its BatchNormalization nodes taken out (each
 * one's input wired to its consumers), CPU time per training step, in
 * alternating rounds; the ratio is the median over rounds. Each round also
 * times resnet-mini through tfjs's own BatchNormalization composition (our
 * fused kernel unregistered), the "before" of the same run.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc } from '@tensorflow/tfjs';
import { compileGraph } from '../src/compile/compile.ts';
import { loadGraph } from '../src/graph/load.ts';
import type { GraphDoc } from '../src/graph/schema.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';
import { BATCH_NORM_TRAINING } from '../src/compile/layers/batch-norm.ts';
import { median, round, type Bench } from './lib.ts';
import { makeOptimizer } from '../src/train/optimizer.ts';

const GROUPS: Record<string, string> = {
  Conv2D: 'forward conv',
  FusedConv2D: 'forward conv',
  DepthwiseConv2dNative: 'forward conv',
  FusedDepthwiseConv2D: 'forward conv',
  Conv2DBackpropFilter: 'gradient kernels',
  Conv2DBackpropInput: 'gradient kernels',
  DepthwiseConv2dNativeBackpropInput: 'gradient kernels',
  DepthwiseConv2dNativeBackpropFilter: 'gradient kernels',
  MaxPoolGrad: 'gradient kernels',
  AvgPoolGrad: 'gradient kernels',
  ResizeNearestNeighborGrad: 'gradient kernels',
  ResizeBilinearGrad: 'gradient kernels',
};

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Timing {
  cpu: number;
  wall: number;
  calls: number;
}

/** Wraps every wasm kernel with a timer once; returns the table it fills. */
function instrument(): Map<string, Timing> {
  const table = new Map<string, Timing>();
  let depth = 0;
  for (const k of tf.getKernelsForBackend('wasm')) {
    const inner = k.kernelFunc;
    const timed: KernelFunc = (args) => {
      if (depth > 0) return inner(args);
      depth++;
      const w = performance.now();
      const c = cpuNow();
      try {
        return inner(args);
      } finally {
        depth--;
        const t = table.get(k.kernelName) ?? { cpu: 0, wall: 0, calls: 0 };
        t.cpu += cpuNow() - c;
        t.wall += performance.now() - w;
        t.calls++;
        table.set(k.kernelName, t);
      }
    };
    tf.unregisterKernel(k.kernelName, 'wasm');
    tf.registerKernel({ ...k, kernelFunc: timed });
  }
  return table;
}

function preset(file: string): GraphDoc {
  const r = loadGraph(readFileSync(new URL(`../graph-presets/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

/** The graph with every node of `kind` removed and its input wired straight to its consumers (top level only). */
function without(doc: GraphDoc, kind: string): GraphDoc {
  const gone = new Set(doc.nodes.filter((n) => n.kind === kind).map((n) => n.id));
  const feeder = (id: string): string => {
    const e = doc.edges.find((x) => x.target === id)!;
    return gone.has(e.source) ? feeder(e.source) : e.source;
  };
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter((e) => !gone.has(e.target)).map((e) => (gone.has(e.source) ? { ...e, source: feeder(e.source) } : e)),
  };
}

async function profile(doc: GraphDoc, table: Map<string, Timing>, steps: number) {
  const c = compileGraph(tf, doc);
  if (!c.ok) throw new Error(c.diagnostics[0]!.message);
  const model = c.value.main;
  const x = tf.randomUniform([64, ...(model.inputs[0]!.shape.slice(1) as number[])]);
  const y = tf.randomUniform([64, ...(model.outputs[0]!.shape.slice(1) as number[])]);
  const optimizer = makeOptimizer(tf, 'adam', 0.001); // netloom's (the fused step on wasm)
  model.compile({ optimizer, loss: 'meanSquaredError' });
  let optCpu = 0;
  const apply = optimizer.applyGradients.bind(optimizer);
  optimizer.applyGradients = (g) => {
    const c0 = cpuNow();
    const out = apply(g);
    optCpu += cpuNow() - c0;
    return out;
  };
  for (let i = 0; i < 3; i++) await model.trainOnBatch(x, y);
  table.clear();
  optCpu = 0;
  const c0 = cpuNow();
  const w0 = performance.now();
  for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
  const stepCpu = (cpuNow() - c0) / steps;
  const stepWall = (performance.now() - w0) / steps;
  model.dispose();
  tf.dispose([x, y]);
  optimizer.dispose();
  const per = (t: Timing) => t.cpu / steps;
  const groups: Record<string, number> = { 'forward conv': 0, 'gradient kernels': 0, optimizer: optCpu / steps, other: 0 };
  let kernels = 0;
  for (const [name, t] of table) {
    kernels += per(t);
    groups[GROUPS[name] ?? 'other'] += per(t);
  }
  groups.other! -= groups.optimizer!; // the optimizer's kernels were counted under their names
  const top = [...table].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 12);
  return {
    stepCpuMs: round(stepCpu, 1),
    stepWallMs: round(stepWall, 1),
    groupsCpuMs: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, round(v, 1)])),
    perBatchOverheadCpuMs: round(stepCpu - kernels, 1),
    topKernelsCpuMs: Object.fromEntries(top.map(([n, t]) => [n, round(per(t), 2)])),
  };
}

export const bench: Bench = {
  name: 'profile',
  async run(emit) {
    const report = await selectNodeBackend(tf, { order: ['wasm'] });
    const table = instrument();
    // 'bn-tfjs': the BN graph through tfjs's own composition (our fused kernel unregistered meanwhile:
    // the layer falls back when the backend lacks it), so before and after share the run's load.
    const fused = tf.getKernel(BATCH_NORM_TRAINING, 'wasm')!;
    const tfjsBn = async <T>(f: () => Promise<T>): Promise<T> => {
      tf.unregisterKernel(BATCH_NORM_TRAINING, 'wasm');
      try {
        return await f();
      } finally {
        tf.registerKernel(fused);
      }
    };
    for (const file of ['mnist-cnn.json', 'resnet-mini.json']) {
      emit({ bench: 'profile', model: file, backend: 'wasm', threads: report.wasm?.threads, batch: 64, ...(await profile(preset(file), table, 8)) });
    }
    emit({ bench: 'profile', model: 'resnet-mini.json', batchNormalization: "tfjs's own", backend: 'wasm', batch: 64, ...(await tfjsBn(() => profile(preset('resnet-mini.json'), table, 8))) });
    const withBn = preset('resnet-mini.json');
    const noBn = without(withBn, 'BatchNormalization');
    const kinds = ['bn', 'bn-tfjs', 'plain'] as const;
    const times: Record<(typeof kinds)[number], number[]> = { bn: [], 'bn-tfjs': [], plain: [] };
    for (let round_ = 0; round_ < 5; round_++) {
      // A different one goes first each round, so a slow spell on a shared machine lands on all three.
      const order = kinds.map((_, i) => kinds[(i + round_) % kinds.length]!);
      for (const which of order) {
        const run = () => profile(which === 'plain' ? noBn : withBn, table, 6);
        times[which].push((await (which === 'bn-tfjs' ? tfjsBn(run) : run())).stepCpuMs);
      }
    }
    const ratios = (k: 'bn' | 'bn-tfjs') => times[k].map((t, i) => t / times.plain[i]!);
    emit({
      bench: 'profile',
      ratio: 'resnet-mini / resnet-mini without BatchNormalization, CPU per step (target ≤ 1.3)',
      stepCpuMs: times,
      rounds: { fused: ratios('bn').map((r) => round(r, 2)), tfjs: ratios('bn-tfjs').map((r) => round(r, 2)) },
      value: round(median(ratios('bn')), 2),
      tfjsComposition: round(median(ratios('bn-tfjs')), 2),
      loadAverage: loadavg().map((l) => round(l, 1)),
      cpu: cpus()[0]?.model ?? 'unknown',
    });
  },
};
