/**
 * GraphDoc → Python for PyTorch: one `nn.Module` class per model and
 * composite (the composites as attributes of the modules that use them),
 * `build_model()`, and `load_weights(model, path)`, which reads the
 * model.json + weights.bin netloom's *Download trained model* saves and
 * turns each tfjs weight into PyTorch's layout. Run as a script, the file
 * builds the model (optionally with those weights), puts a batch of zeros
 * through it and prints one line of JSON: its parameter count and shapes.
 *
 * Layout: every module takes and returns netloom's shapes (channels last,
 * [batch, height, width, channels]); inside forward() feature maps are held
 * channels first, as PyTorch's layers take them (src/nodes/common/torch.ts).
 * Each kind writes its own layer (its spec's `code.pytorch`); this file
 * knows no kind by name. Every name comes from IdentScope, every string
 * from pyString, every comment from commentText.
 */
import type { GraphDoc } from '../graph/schema.ts';
import type { Analysis } from '../analysis/types.ts';
import type { CodeSource, Shape, TorchLayer } from '../nodes/spec.ts';
import { getSpec } from '../nodes/index.ts';
import { fmtShape } from '../nodes/common/params.ts';
import { channelsFirst, py, toChannelsFirst, toChannelsLast } from '../nodes/common/torch.ts';
import { commentText, IdentScope, pyString } from './identifiers.ts';
import { planCode, type CodePlan, type LayerStep, type PlanModel } from './plan.ts';
import { definedNames } from './layer-code.ts';
import { emitted, type EmitResult } from './result.ts';
import { fmtNumber, shapeNote } from './values.ts';
import { planKerasTask } from './keras-task.ts';
import { TORCH_PROCESSES, TORCH_TRAIN } from './py/torch-train.ts';
import { TORCH_GAN_OPTIMIZER, TORCH_TRAIN_CYCLEGAN, TORCH_TRAIN_GAN } from './py/torch-gan.ts';
import { TORCH_ANCHOR_LOSS, TORCH_DETECTION_DATA, TORCH_DETECTION_LOSS, TORCH_TRAIN_DETECT } from './py/torch-detect.ts';
import { DETECTION_TARGETS, MAP_FUNCTIONS } from './py/detection.ts';

export interface TorchOptions {
  analysis?: Analysis;
}

/** Top-level Python blocks, each after two blank lines (PEP 8). */
const apart = (...blocks: string[]): string[] => blocks.flatMap((b) => ['', '', b]);

export function emitTorch(doc: GraphDoc, options: TorchOptions = {}): EmitResult {
  return emitted(planCode(doc, options.analysis), (plan) => new TorchWriter(plan).write());
}

/** The oldest PyTorch the file is tested with (Debian's python3-torch). */
export const TORCH_MIN = [1, 13] as const;

/** Module-level names the file defines or imports, claimed before any name from the graph. */
const MODULE = ['json', 'math', 'os', 'argparse', 'Path', 'torch', 'nn', 'F', 'build_model', 'build_models', 'keras_init', 'INPUT_SHAPES', 'WEIGHTS', 'read_tfjs_weights', 'load_weights', 'count_params', 'check', 'export_onnx', 'main',
  'TASK', 'LOSS', 'OPTIMIZER', 'EPOCHS', 'BATCH_SIZE', 'LEARNING_RATE', 'SEED', 'NOISE_FACTOR', 'load_npy', 'task_loss', 'make_optimizer', 'train',
  'contextlib', 'OUTPUT_SHAPE', 'FROM_LOGITS', 'NOISE_SIZE', 'SOURCE_SHAPE', 'IMAGE_SHAPE', 'L1_WEIGHT', 'A_SHAPE', 'B_SHAPE', 'CYCLE_WEIGHT', 'IDENTITY_WEIGHT', 'least_squares', 'start_processes', 'make_loader', 'sum_over_processes', 'class_masks', 'mean_iou',
  'gan_parts', 'gan_optimizer', 'bce_logits',
  'np', 'GRID', 'CLASSES', 'SCORE_THRESHOLD', 'NMS_IOU', 'detection_loss', 'encode_boxes', 'load_boxes', 'detection_map', 'decode_grid', 'iou', 'mean_average_precision',
  'batch_loss', 'detection_targets', 'decode_boxes', 'NEGATIVES_PER_POSITIVE', 'corner_ious', 'encode_deltas', 'match_anchors', 'hard_negatives'];

/** The tasks TORCH_TRAIN is written for: one input, one output, a loss per batch. */
const ONE_MODEL_TASKS = ['classify', 'reconstruct', 'denoise', 'anomaly', 'segment', 'fit'];

/** What --data holds, per task (the help of the file's --data). */
const DATA_HELP: Record<string, string> = {
  classify: 'DIR/x.npy (samples) and DIR/y.npy (class indices or one-hot rows)',
  segment: 'DIR/x.npy (images) and DIR/y.npy (a class id per pixel)',
  detect: 'DIR/x.npy (images) and DIR/boxes.npy ([images, max boxes, 5]: x, y, w, h, class in pixels; class -1 pads)',
  ssd: 'DIR/x.npy (images) and DIR/boxes.npy ([images, max boxes, 5]: x, y, w, h, class in pixels; class -1 pads)',
  gan: 'DIR/x.npy (real images, 0-1)',
  pix2pix: 'DIR/x.npy (source images, 0-1) and DIR/y.npy (their targets, 0-1)',
  cyclegan: 'DIR/x.npy (images of domain A, 0-1) and DIR/y.npy (of domain B, 0-1, unpaired)',
  fit: 'DIR/x.npy (inputs) and DIR/y.npy (targets)',
};

/** Attributes every nn.Module has: no layer may take them. */
const MODULE_ATTRIBUTES = [
  'forward', 'training', 'train', 'eval', 'parameters', 'buffers', 'children', 'modules', 'state_dict', 'load_state_dict', 'to', 'cpu',
  'cuda', 'float', 'double', 'half', 'apply', 'zero_grad', 'register_buffer', 'register_parameter', 'add_module', 'requires_grad_',
  'named_parameters', 'named_buffers', 'named_children', 'named_modules', 'type', 'extra_repr', 'get_submodule', 'get_parameter', 'dump_patches',
];

/** Input sizes known only at run time get this size when the script checks the model. */
const RUN_TIME_SIZE = 32;

/** One weight of the file's table: tfjs name → state_dict key, with the layout change. */
interface WeightRow {
  from: string;
  to: string;
  perm?: readonly number[];
  reshape?: readonly number[];
}

class TorchWriter {
  private lines: string[] = [];
  private module = new IdentScope('py');
  private layers = new Map<LayerStep, TorchLayer>();
  private sources: CodeSource[] = [];
  private classes = new Map<PlanModel, string>();
  /** Per model: each layer step's attribute and each model step's attribute. */
  private attrs = new Map<PlanModel, Map<LayerStep | PlanModel, string>>();
  /** The task train() is written for, once tail() ran (null: none). */
  private trainedTask: string | null = null;

  constructor(private plan: CodePlan) {
    for (const name of MODULE) this.module.claim(name);
    const byId = new Map<string, CodeSource>();
    for (const m of plan.models) {
      for (const s of m.steps) {
        if (s.type !== 'layer') continue;
        const layer = this.torchLayer(m, s);
        this.layers.set(s, layer);
        for (const src of layer.sources ?? []) if (!byId.has(src.id)) byId.set(src.id, src);
      }
    }
    this.sources = [...byId.values()];
    for (const src of this.sources) for (const name of definedNames(src.code, 'keras')) this.module.claim(name);
    const pascal = new Set<string>();
    for (const m of plan.models) {
      const snake = this.module.claim(m === plan.main ? 'model' : m.key);
      let name = snake.split('_').filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Model';
      for (let i = 2; pascal.has(name); i++) name = `${name}${i}`;
      pascal.add(name);
      this.module.claim(name);
      this.classes.set(m, name);
    }
  }

  private torchLayer(m: PlanModel, s: LayerStep): TorchLayer {
    const write = getSpec(s.className)?.code?.pytorch;
    if (!write) throw new Error(`${s.kind} layers cannot be written for PyTorch yet`);
    const inputs = s.inputs.map((t) => m.tensors[t]!.shape!);
    const r = write({ className: s.className, config: s.config, inputs, output: m.tensors[s.output]!.shape! });
    if ('refuse' in r) throw new Error(`${s.kind} cannot be written for PyTorch: ${r.refuse}`);
    return r;
  }

  write(): string {
    const { plan } = this;
    const body: string[] = [];
    this.lines = body;
    for (const src of this.sources) body.push('', '', src.code);
    for (const m of [...plan.models.slice(1), plan.main]) this.model(m);
    this.tail();
    const notes = [...new Set([...this.layers.values()].flatMap((l) => (l.note ? [`# ${l.note}`] : [])))];
    const head = [
      // User text never on lines 1-2: Python reads an encoding declaration there.
      `# Generated by netloom: PyTorch (torch>=${TORCH_MIN.join('.')}) nn.Module classes, ${plan.analysis.totals.params.toLocaleString('en-US')} params in all.`,
      "# build_model() makes the same layers and shapes as netloom; load_weights() reads netloom's trained weights.",
      `# Graph: ${commentText(plan.doc.name || 'Untitled')}`,
      "# Layout: every module takes and returns netloom's shapes, channels last ([batch, height, width, channels]);",
      '# inside forward() feature maps are channels first ([batch, channels, height, width]), as PyTorch layers take them.',
      '# Flatten and Reshape put a map back in channels-last order first, so Dense weights mean what they mean in netloom.',
      '# Run it: python3 THIS_FILE.py [--weights NAME.model.json] [--onnx OUT.onnx] prints the parameter count and output shapes as JSON.',
      ...(this.trainedTask
        ? [`# Train it (${this.trainedTask === 'ssd' ? 'detect, SSD-style rows of default boxes' : this.trainedTask}): python3 THIS_FILE.py --data DIR, or torchrun --nproc_per_node=K THIS_FILE.py --data DIR (DistributedDataParallel).`]
        : []),
      ...notes,
      'import argparse',
      ...(this.trainedTask === 'gan' || this.trainedTask === 'pix2pix' || this.trainedTask === 'cyclegan' ? ['import contextlib'] : []),
      'import json',
      'import math',
      ...(this.trainedTask ? ['import os'] : []),
      'from pathlib import Path',
      '',
      ...(this.trainedTask === 'detect' || this.trainedTask === 'ssd' ? ['import numpy as np'] : []),
      'import torch',
      'from torch import nn',
      ...(/\bF\./.test(body.join('\n')) ? ['import torch.nn.functional as F'] : []),
    ];
    return `${[...head, ...body].join('\n')}\n`;
  }

  private model(m: PlanModel) {
    // Attributes live on self: they need only differ from each other and from nn.Module's own.
    const attrs = new IdentScope('py');
    for (const a of MODULE_ATTRIBUTES) attrs.claim(a);
    const own = new Map<LayerStep | PlanModel, string>();
    this.attrs.set(m, own);
    const local = new IdentScope('py', this.module);
    local.claim('self');
    const v: string[] = [];
    const shapeOf = (t: number): Shape => m.tensors[t]!.shape ?? [];
    const ins = m.inputs.map((i) => fmtShape(shapeOf(i.tensor))).join(', ');
    const outs = m.outputs.map((t) => fmtShape(shapeOf(t))).join(', ');
    const init: string[] = [];
    const forward: string[] = [];
    for (const i of m.inputs) v[i.tensor] = local.claim(i.nodeId, 'input');
    for (const i of m.inputs) {
      const shape = shapeOf(i.tensor);
      if (i.label) forward.push(`        # ${commentText(i.label)}`);
      // contiguous: convolution gradients then have the layout DistributedDataParallel's buckets expect.
      if (channelsFirst(shape)) forward.push(`        ${v[i.tensor]} = ${toChannelsFirst(v[i.tensor]!, shape)}.contiguous()  # channels first inside`);
    }
    for (const step of m.steps) {
      if (step.label) forward.push(`        # ${commentText(step.label)}`);
      if (step.type === 'layer') {
        const layer = this.layers.get(step)!;
        let self = '';
        if (layer.module) {
          const attr = attrs.claim(step.name, step.kind);
          own.set(step, attr);
          self = `self.${attr}`;
          init.push(`        ${self} = ${layer.module}  # ${commentText(step.name)}: ${shapeNote(shapeOf(step.output), step.params)}`);
        }
        v[step.output] = local.claim(m.tensors[step.output]!.base, step.kind);
        const names = step.inputs.map((t) => v[t]!);
        const expr = layer.forward.replace(/\$(m|all|\d+)/g, (_, k: string) => (k === 'm' ? self : k === 'all' ? names.join(', ') : names[Number(k)]!));
        forward.push(`        ${v[step.output]} = ${expr}  # ${shapeNote(shapeOf(step.output))}`);
      } else {
        const attr = attrs.claim(step.model.key, 'block');
        own.set(step.model, attr);
        init.push(`        self.${attr} = ${this.classes.get(step.model)}()`);
        if (step.model.weightsUrl) init.push(`        # Pretrained weights: ${commentText(step.model.weightsUrl)} (a tfjs model.json: load_weights() reads it).`);
        if (step.model.frozen) init.push(`        self.${attr}.requires_grad_(False)  # frozen: its weights stay as they are while the rest trains`);
        // The block takes and gives netloom's layout; this forward holds maps channels first.
        const args = step.inputs.map((t) => toChannelsLast(v[t]!, shapeOf(t))).join(', ');
        const raw = step.outputs.map((t) => local.claim(m.tensors[t]!.base, 'block'));
        forward.push(`        ${raw.join(', ')} = self.${attr}(${args})  # ${step.outputs.map((t) => shapeNote(shapeOf(t))).join('; ')}`);
        step.outputs.forEach((t, i) => {
          v[t] = raw[i]!;
          if (channelsFirst(shapeOf(t))) forward.push(`        ${raw[i]} = ${toChannelsFirst(raw[i]!, shapeOf(t))}`);
        });
      }
    }
    const results = m.outputs.map((t) => toChannelsLast(v[t]!, shapeOf(t)));
    const doc = `${commentText(m.key)} (${m.role}): ${ins} -> ${outs} per sample, ${m.params.toLocaleString('en-US')} params.`;
    this.lines.push(
      '',
      '',
      `# ${doc}`,
      `class ${this.classes.get(m)}(nn.Module):`,
      '    def __init__(self):',
      '        super().__init__()',
      ...(init.length ? init : []),
      '',
      `    def forward(self, ${m.inputs.map((i) => v[i.tensor]).join(', ')}):`,
      ...forward,
      `        return ${results.join(', ')}`,
    );
  }

  /** state_dict keys of every weight, walking from the main module: [tfjs name, key, layout change]. */
  private weightRows(m: PlanModel, prefix: string): WeightRow[] {
    const own = this.attrs.get(m)!;
    const rows: WeightRow[] = [];
    for (const step of m.steps) {
      if (step.type === 'model') {
        rows.push(...this.weightRows(step.model, `${prefix}${own.get(step.model)}.`));
        continue;
      }
      for (const w of this.layers.get(step)!.weights ?? []) rows.push({ from: `${step.name}/${w.from}`, to: `${prefix}${own.get(step)}.${w.to}`, perm: w.perm, reshape: w.reshape });
    }
    return rows;
  }

  /** train() and its settings (netloom's, from the graph's training hints), or why this file has none. */
  private training(paths: Map<PlanModel, string>): { lines: string[]; task: string | null } {
    const main = this.plan.main;
    const t = planKerasTask(this.plan);
    const c = t.config;
    const settings = (recipe: string, task: string = t.task) => [
      '',
      '',
      `# Training as netloom trains this graph: the ${task} task, its ${recipe}, optimizer and settings (the graph's training hints).`,
      `TASK = ${pyString(task)}`,
      `OPTIMIZER = ${pyString(c.optimizer)}`,
      `EPOCHS = ${fmtNumber(c.epochs)}`,
      `BATCH_SIZE = ${fmtNumber(c.batchSize)}`,
      `LEARNING_RATE = ${fmtNumber(c.learningRate)}`,
      `SEED = ${fmtNumber(c.seed)}`,
    ];
    const cycle = t.task === 'cyclegan' ? t.blocks : null;
    if (cycle?.ab && cycle.ba && cycle.a && cycle.b) {
      const shapeOf = (m: PlanModel) => m.tensors[m.inputs[0]!.tensor]!.shape ?? [];
      // Identity asks G_ab(b) = b: only when both domains have one shape (as netloom).
      const identity = JSON.stringify(shapeOf(cycle.ab)) === JSON.stringify(shapeOf(cycle.ba)) ? c.identityWeight : 0;
      return {
        task: t.task,
        lines: [
          ...settings('losses with one optimizer per side'),
          `A_SHAPE = ${py(shapeOf(cycle.ab))}  # one image of domain A (x.npy), channels last`,
          `B_SHAPE = ${py(shapeOf(cycle.ba))}  # one image of domain B (y.npy), channels last`,
          `CYCLE_WEIGHT = ${fmtNumber(c.cycleWeight)}`,
          `IDENTITY_WEIGHT = ${fmtNumber(identity)}`,
          '',
          '',
          'def gan_parts(model):',
          '    """The generators A->B and B->A, then the discriminators of A and of B: parts of the model, so its weights and checkpoint hold all four."""',
          `    return ${[cycle.ab, cycle.ba, cycle.a, cycle.b].map((m) => paths.get(m)).join(', ')}`,
          ...apart(TORCH_PROCESSES, TORCH_GAN_OPTIMIZER, TORCH_TRAIN_CYCLEGAN),
        ],
      };
    }
    const gan = t.task === 'gan' || t.task === 'pix2pix' ? t.blocks : null;
    if (gan?.generator && gan.discriminator) {
      const g = gan.generator;
      const source = g.tensors[g.inputs[0]!.tensor]!.shape ?? [];
      return {
        task: t.task,
        lines: [
          ...settings('losses with one optimizer per side'),
          `NOISE_SIZE = ${t.task === 'gan' ? fmtNumber(source[0]!) : 'None'}  # gan: the generator's noise vector`,
          `SOURCE_SHAPE = ${t.task === 'pix2pix' ? py(source) : 'None'}  # pix2pix: one source image, channels last`,
          `IMAGE_SHAPE = ${py(g.tensors[g.outputs[0]!]!.shape ?? [])}  # one generated (and real) image, channels last`,
          `L1_WEIGHT = ${fmtNumber(c.l1Weight)}  # pix2pix: the weight of the L1 distance to the target in the generator's loss`,
          '',
          '',
          'def gan_parts(model):',
          '    """The generator and the discriminator, each with its own optimizer: parts of the model, so its weights and checkpoint hold both."""',
          `    return ${paths.get(g)}, ${paths.get(gan.discriminator)}`,
          ...apart(TORCH_PROCESSES, TORCH_GAN_OPTIMIZER, TORCH_TRAIN_GAN),
        ],
      };
    }
    const out = t.outputShape;
    if (t.task === 'detect' && main.inputs.length === 1 && main.outputs.length === 1 && out.length === 3 && out[0] && out[0] === out[1] && (out[2] ?? 0) > 5) {
      // A YOLO-style grid [S, S, 5 + C]; SSD-style rows of default boxes are not trained by this file yet.
      return {
        task: t.task,
        lines: [
          ...settings('grid detection loss'),
          `GRID = ${fmtNumber(out[0])}  # cells per side of the output grid`,
          `CLASSES = ${fmtNumber(out[2]! - 5)}  # each cell: objectness, x, y, w, h, then a score per class`,
          `SCORE_THRESHOLD = ${fmtNumber(c.scoreThreshold)}  # mAP: boxes scoring less are dropped`,
          `NMS_IOU = ${fmtNumber(c.nmsIoU)}  # mAP: a box overlapping a better one of its class by more is dropped`,
          ...apart(TORCH_PROCESSES, DETECTION_TARGETS.trim(), TORCH_DETECTION_LOSS, TORCH_DETECTION_DATA, MAP_FUNCTIONS, TORCH_TRAIN_DETECT),
        ],
      };
    }
    // SSD-style rows of default boxes [N, 4 + 1 + C + 4]: netloom trains them as detect (the Keras file fits them plainly).
    const rows = this.plan.doc.training?.task === 'detect' && main.inputs.length === 1 && main.outputs.length === 1 && out.length === 2 && out[0] && (out[1] ?? 0) > 9;
    if (rows) {
      return {
        task: 'ssd',
        lines: [
          ...settings('SSD loss (default boxes matched by IoU, 3:1 hard negatives)', 'detect'),
          `CLASSES = ${fmtNumber(out[1]! - 9)}  # each row: 4 box deltas, background + a score per class, then its default box`,
          `SCORE_THRESHOLD = ${fmtNumber(c.scoreThreshold)}  # mAP: boxes scoring less are dropped`,
          `NMS_IOU = ${fmtNumber(c.nmsIoU)}  # mAP: a box overlapping a better one of its class by more is dropped`,
          ...apart(TORCH_PROCESSES, TORCH_ANCHOR_LOSS, TORCH_DETECTION_DATA, MAP_FUNCTIONS, TORCH_TRAIN_DETECT),
        ],
      };
    }
    if (!ONE_MODEL_TASKS.includes(t.task) || main.inputs.length !== 1 || main.outputs.length !== 1) {
      return { lines: [], task: null };
    }
    return {
      task: t.task,
      lines: [
        ...settings('loss'),
        `LOSS = ${pyString(t.losses[0] ?? 'meanSquaredError')}`,
        `NOISE_FACTOR = ${fmtNumber(c.noiseFactor)}`,
        `OUTPUT_SHAPE = ${py(t.outputShape)}  # one sample's output, channels last`,
        `FROM_LOGITS = ${t.fromLogits ? 'True' : 'False'}  # segment's loss from raw scores (True: the output has no softmax at its end)`,
        '',
        '',
        TORCH_PROCESSES,
        '',
        '',
        TORCH_TRAIN,
      ],
    };
  }

  /** Each composite's attribute path from the main module (`model.encoder`, `model.stage.block`). */
  private modelPaths(m: PlanModel, path: string, out: Map<PlanModel, string>): Map<PlanModel, string> {
    out.set(m, path);
    for (const s of m.steps) if (s.type === 'model') this.modelPaths(s.model, `${path}.${this.attrs.get(m)!.get(s.model)}`, out);
    return out;
  }

  private tail() {
    const main = this.plan.main;
    const paths = this.modelPaths(main, 'model', new Map());
    const training = this.training(paths);
    this.trainedTask = training.task;
    const rows = this.weightRows(main, '');
    const inputShapes = main.inputs.map((i) => (main.tensors[i.tensor]!.shape ?? []).map((d) => d ?? RUN_TIME_SIZE));
    this.lines.push(
      '',
      '',
      `# One sample's shape per input, channels last as in netloom (sizes known only at run time taken as ${RUN_TIME_SIZE}).`,
      `INPUT_SHAPES = [${inputShapes.map((s) => py(s)).join(', ')}]`,
      '',
      '',
      KERAS_INIT,
      '',
      '',
      'def build_model():',
      `    """The whole graph as one module: ${main.inputs.map((i) => fmtShape([null, ...(main.tensors[i.tensor]!.shape ?? [])])).join(', ')} in, ${main.outputs.map((t) => fmtShape([null, ...(main.tensors[t]!.shape ?? [])])).join(', ')} out (? is the batch)."""`,
      `    return keras_init(${this.classes.get(main)}())`,
      '',
      '',
      'def build_models():',
      "    '''Every model by netloom's name for it (the whole graph, then each composite: a GAN's generator and",
      "    discriminator, an autoencoder's encoder and decoder), the composites as parts of the whole: one set of weights.'''",
      '    model = build_model()',
      `    return {${this.plan.models.map((m) => `${pyString(m.key)}: ${paths.get(m)}`).join(', ')}}`,
      '',
      '',
      "# netloom's (tfjs) weight name -> state_dict key, the axes in PyTorch's order, then PyTorch's shape (None: as is).",
      '# Conv kernels [kh, kw, in, out] -> [out, in, kh, kw]; Dense [in, out] -> [out, in]; depthwise [kh, kw, C, m] -> [C*m, 1, kh, kw].',
      'WEIGHTS = [',
      ...rows.map((r) => `    (${pyString(r.from)}, ${pyString(r.to)}, ${r.perm ? py([...r.perm]) : 'None'}, ${r.reshape ? py([...r.reshape]) : 'None'}),`),
      ']',
      '',
      '',
      READ_TFJS,
      '',
      '',
      LOAD_WEIGHTS,
      '',
      '',
      COUNT_PARAMS,
      '',
      '',
      'def check(model, batch=2):',
      `    """A batch of zero samples through the model (sizes known only at run time taken as ${RUN_TIME_SIZE}): netloom's parameter count and the output shapes."""`,
      '    model.train(False)  # inference mode: no dropout, no noise, batch norm from its moving statistics',
      '    inputs = [torch.zeros((batch, *shape)) for shape in INPUT_SHAPES]',
      '    with torch.no_grad():',
      '        outputs = model(*inputs)',
      '    outputs = outputs if isinstance(outputs, tuple) else (outputs,)',
      "    return {'params': count_params(model), 'outputs': [list(o.shape[1:]) for o in outputs]}",
      '',
      '',
      'def export_onnx(model, path):',
      "    '''The model as an ONNX file (Netron, onnxruntime, ...): inputs and outputs channels last, any batch size.'''",
      '    model.train(False)',
      '    inputs = tuple(torch.zeros((1, *shape)) for shape in INPUT_SHAPES)',
      `    input_names = [${main.inputs.map((i) => pyString(i.name)).join(', ')}]`,
      `    output_names = [${main.outputs.map((_, i) => pyString(`output_${i}`)).join(', ')}]`,
      "    batch = {name: {0: 'batch'} for name in input_names + output_names}",
      '    torch.onnx.export(model, inputs, path, input_names=input_names, output_names=output_names, dynamic_axes=batch, opset_version=13)',
      '',
      '',
      ...training.lines,
      '',
      '',
      'def main():',
      "    parser = argparse.ArgumentParser(description='Build the model, optionally load netloom weights, print its parameter count and output shapes; or train it.')",
      "    parser.add_argument('--weights', help=\"netloom's NAME.model.json, its .bin beside it: from Download trained model or netloom export --lang torch --weights\")",
      "    parser.add_argument('--onnx', help='also write the model (with those weights) as this ONNX file')",
      ...(training.task
        ? [
            `    parser.add_argument('--data', help=${pyString(`train on ${DATA_HELP[training.task] ?? 'DIR/x.npy (samples, also the targets)'}: one process, or one per device under torchrun`)})`,
            "    parser.add_argument('--epochs', type=int, default=EPOCHS)",
            "    parser.add_argument('--batch-size', type=int, default=BATCH_SIZE, help='per process')",
            "    parser.add_argument('--learning-rate', type=float, default=LEARNING_RATE)",
            "    parser.add_argument('--checkpoint', help='saved after every epoch, and resumed from when it exists')",
          ]
        : []),
      '    args = parser.parse_args()',
      ...(training.task
        ? [
            '    if args.data:',
            '        metrics, rank = train(args.data, args.epochs, args.batch_size, args.learning_rate, args.weights, args.checkpoint)',
            "        # The last line on every machine (torchrun's LOCAL_RANK 0 there; the metrics are summed over all processes).",
            "        if rank == 0 or os.environ.get('LOCAL_RANK') == '0':",
            '            print(json.dumps(metrics))',
            '        return',
          ]
        : []),
      '    model = build_model()',
      '    if args.weights:',
      '        load_weights(model, args.weights)',
      '    if args.onnx:',
      '        export_onnx(model, args.onnx)',
      '    print(json.dumps(check(model)))',
      '',
      '',
      "if __name__ == '__main__':",
      '    main()',
    );
  }
}

const KERAS_INIT = String.raw`
def keras_init(model):
    '''Keras's starting weights, which netloom trains from: glorot_uniform kernels with Keras's fans (a depthwise
    kernel's fan_in is kh*kw*channels), zero biases. PyTorch's own defaults differ.'''
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
                w = m.weight
                area = w[0][0].numel()
                groups = getattr(m, 'groups', 1)
                if isinstance(m, nn.ConvTranspose2d):
                    fan_in, fan_out = w.shape[1] * area, w.shape[0] * area
                elif groups > 1:
                    fan_in, fan_out = groups * area, w.shape[0] // groups * area
                else:
                    fan_in, fan_out = w.shape[1] * area, w.shape[0] * area
                limit = math.sqrt(6 / (fan_in + fan_out))
                w.uniform_(-limit, limit)
                if m.bias is not None:
                    m.bias.zero_()
    return model
`.trim();

const READ_TFJS = String.raw`
def read_tfjs_weights(path):
    """The weights of a tfjs model.json (what netloom's Download trained model saves, with its .bin beside it),
    by name, as netloom holds them (channels last)."""
    path = Path(path)
    manifest = json.loads(path.read_text())
    dtypes = {'float32': torch.float32, 'int32': torch.int32}
    tensors = {}
    for group in manifest['weightsManifest']:
        data = b''.join((path.parent / part).read_bytes() for part in group['paths'])
        offset = 0
        for spec in group['weights']:
            shape = [int(n) for n in spec['shape']]
            size = math.prod(shape) * 4
            chunk = bytearray(data[offset:offset + size])
            tensors[spec['name']] = torch.frombuffer(chunk, dtype=dtypes[spec['dtype']]).reshape(shape) if size else torch.zeros(shape)
            offset += size
    return tensors
`.trim();

const LOAD_WEIGHTS = String.raw`
def load_weights(model, path):
    """Copies netloom's trained weights (a model.json of this graph) into a module made by build_model(),
    in PyTorch's layouts (see WEIGHTS). Names a weight that is missing or does not fit; returns the model."""
    tensors = read_tfjs_weights(path)
    state = model.state_dict()
    missing = [name for name, _, _, _ in WEIGHTS if name not in tensors]
    if missing:
        # netloom import -o and netloom train --save-weights name weights by node path, not by tfjs layer.
        by_path = json.loads(Path(path).read_text()).get('format') == 'netloom.weights'
        convert = ' (a GRAPH.weights.json: netloom export GRAPH.json --lang torch --weights -o OUT.py writes OUT.model.json for this)' if by_path else ''
        raise ValueError(f'{path} lacks {len(missing)} weights of this model, e.g. {missing[0]}{convert}')
    with torch.no_grad():
        for name, key, perm, shape in WEIGHTS:
            value = tensors[name]
            if perm is not None:
                value = value.permute(perm)
            if shape is not None:
                value = value.reshape(shape)
            if tuple(value.shape) != tuple(state[key].shape):
                raise ValueError(f'{name} has shape {tuple(value.shape)}, and {key} needs {tuple(state[key].shape)}')
            state[key].copy_(value)
    return model
`.trim();

const COUNT_PARAMS = String.raw`
def count_params(model):
    """Parameters as netloom counts them: the learned ones and batch norm's moving mean and variance."""
    buffers = sum(b.numel() for name, b in model.named_buffers() if not name.endswith('num_batches_tracked'))
    return sum(p.numel() for p in model.parameters()) + buffers
`.trim();
