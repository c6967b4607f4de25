/**
 * `netloom train FILE [--task …] [--dataset …] [--epochs N] … [--json]`:
 * trains a graph file headlessly on a built-in dataset, in Node (wasm with
 * netloom's gradient kernels, cpu as the fallback). Settings not given come
 * from the graph's training hints, then the defaults.
 *
 * Output: one line per epoch and a last line with the test metrics and the
 * backend; with --json those lines are JSON objects and stdout holds nothing
 * else (anything tfjs prints goes to stderr). Ctrl-C stops after the batch
 * in progress and still prints the last line.
 *
 * --save-weights writes the trained weights beside the graph, GRAPH.weights.json
 * + GRAPH.weights.bin (src/cli/graph-weights.ts), for `netloom export --lang
 * torch --weights` and the app's Load weights….
 *
 * Exit 0: trained (or stopped). 1: the graph or the settings cannot train
 * (one line each, like `summary`), or training went NaN. 2: the file, the
 * command line, the data or the backend cannot be used.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analysis/analyze.ts';
import { BUILTIN_DATASETS, builtinFacts, findBuiltinDataset } from '../data/catalog.ts';
import type { BackendName } from '../train/backend/select.ts';
import { configFromDoc, OPTIMIZER_NAMES, parseTrainConfig, TASKS, type TrainConfig, type TrainConfigInput } from '../train/config.ts';
import type { BatchEvent, DoneEvent, EpochEvent, Metrics, StartedEvent, TrainEvent } from '../train/events.ts';
import { commandUsage, EXIT, readError, type CliIO, type Command, type ParsedArgs } from './io.ts';
import { openGraph } from './open-graph.ts';
import { diagnosticLine } from './summary-format.ts';
import { printable } from './text.ts';
import { english } from '../i18n/text.ts';
import { budgetCaution } from '../analysis/budget.ts';
import { graphWeightsPaths, graphWeightsRefusal, writeGraphWeights } from './graph-weights.ts';
import type { BinaryIO } from './import.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BACKENDS = ['auto', 'wasm', 'cpu'] as const;

/** Option → config field, and how its value is read. */
const NUMBERS: Record<string, { field: keyof TrainConfigInput; whole: boolean }> = {
  '--epochs': { field: 'epochs', whole: true },
  '--batch-size': { field: 'batchSize', whole: true },
  '--learning-rate': { field: 'learningRate', whole: false },
  '--max-samples': { field: 'maxSamples', whole: true },
  '--seed': { field: 'seed', whole: true },
};
const CHOICES: Record<string, { field: keyof TrainConfigInput; values: readonly string[] }> = {
  '--task': { field: 'task', values: TASKS },
  '--optimizer': { field: 'optimizer', values: OPTIMIZER_NAMES },
  '--backend': { field: 'backend', values: BACKENDS },
};
const FLAG_OF: Record<string, string> = Object.fromEntries([...Object.entries(NUMBERS), ...Object.entries(CHOICES)].map(([flag, { field }]) => [field, flag]));

interface Args {
  file: string;
  json: boolean;
  saveWeights: boolean;
  overrides: Partial<TrainConfigInput>;
  dataset?: string;
}

function parse({ flags, options, positionals }: ParsedArgs): Args | string {
  if (positionals.length !== 1) return positionals.length ? `one graph file at a time (got ${positionals.length})` : 'which file? give one graph file';
  const overrides: Record<string, unknown> = {};
  for (const [flag, { field, values }] of Object.entries(CHOICES)) {
    const v = options.get(flag);
    if (v === undefined) continue;
    if (!values.includes(v)) return `${flag} takes ${values.join(', ')} (got ${printable(v)})`;
    overrides[field] = v;
  }
  for (const [flag, { field, whole }] of Object.entries(NUMBERS)) {
    const v = options.get(flag);
    if (v === undefined) continue;
    const n = Number(v);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) || !Number.isFinite(n) || (whole && !Number.isInteger(n))) {
      return `${flag} takes ${whole ? 'a whole number' : 'a number'} (got ${printable(v)})`;
    }
    overrides[field] = n;
  }
  const dataset = options.get('--dataset');
  if (dataset !== undefined && !findBuiltinDataset(dataset)) return `--dataset takes ${BUILTIN_DATASETS.map((d) => d.id).join(', ')} (got ${printable(dataset)})`;
  return { file: positionals[0]!, json: flags.has('--json'), saveWeights: flags.has('--save-weights'), overrides: overrides as Partial<TrainConfigInput>, ...(dataset ? { dataset } : {}) };
}

/** The graph's hints, then the command line; a bad value names its option. */
function settings(doc: Parameters<typeof configFromDoc>[0], args: Args): TrainConfig | string {
  const base = configFromDoc(doc, args.overrides.task ? { task: args.overrides.task } : {});
  const r = parseTrainConfig({ ...base, ...args.overrides, ...(args.dataset ? { data: { source: 'builtin', id: args.dataset } } : {}) });
  if (r.ok) return r.value;
  const field = r.message.split(':')[0]!;
  return FLAG_OF[field] ? r.message.replace(field, FLAG_OF[field]) : r.message;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toPrecision(4));
const metricText = (m: Metrics) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join('  ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function backendText(s: StartedEvent['backend']): string {
  return s.active === 'wasm' && s.wasm ? `wasm (${s.wasm.simd ? 'SIMD' : 'no SIMD'}${s.wasm.threads > 1 ? `, ${s.wasm.threads} threads` : ''})` : s.active;
}

/** Prints events as they come: readable lines, or JSON lines with --json. */
function printer(io: CliIO, args: Args, config: TrainConfig) {
  let started: StartedEvent | null = null;
  let last: BatchEvent | null = null;
  let lastEpochAt = 0;
  return {
    get started() {
      return started;
    },
    /** The last batch finished (where a stop left the run). */
    get last() {
      return last;
    },
    onEvent(e: TrainEvent) {
      if (e.type === 'batch') last = e;
      else if (e.type === 'started') {
        started = e;
        if (!args.json) {
          const data = config.data.source === 'builtin' ? config.data.id : 'your data';
          io.stdout(
            `training ${printable(args.file)}: ${e.task} on ${data}, ${e.trainCount.toLocaleString('en-US')} training / ${e.valCount.toLocaleString('en-US')} validation / ${e.testCount.toLocaleString('en-US')} test samples, ${e.epochs} × ${e.batchesPerEpoch} batches of ${config.batchSize}, ${backendText(e.backend)}`,
          );
        }
      } else if (e.type === 'epoch') {
        const ms = e.elapsedMs - lastEpochAt;
        lastEpochAt = e.elapsedMs;
        io.stdout(args.json ? JSON.stringify(epochLine(e, ms)) : `epoch ${e.epoch + 1}/${config.epochs}  loss ${fmt(e.loss)}  ${metricText(e.metrics)}  (${seconds(ms)})`);
      } else if (e.type === 'anomaly' && !args.json) {
        io.stdout(`threshold ${fmt(e.threshold)} = mean ${fmt(e.mean)} + ${e.k} × std ${fmt(e.std)} of the normal training errors; ${e.abnormal.filter(Boolean).length} of ${e.errors.length} test samples are abnormal`);
      } else if ((e.type === 'iou' || e.type === 'map') && !args.json) {
        const scores = e.classNames.map((c, i) => `${printable(c)} ${e.perClass[i] == null ? '–' : fmt(e.perClass[i]!)}`).join('  ');
        io.stdout(`${e.type === 'iou' ? 'IoU' : 'AP@0.5'} per class on the test set: ${scores}`);
      }
    },
  };
}

function epochLine(e: EpochEvent, ms: number): Record<string, unknown> {
  return { epoch: e.epoch + 1, loss: e.loss, ...e.metrics, ms: Math.round(ms) };
}

/** Where a stop left the run, counted as the app's progress line counts: "in epoch 2 after batch 23 of 113". */
function stoppedAt(last: BatchEvent | null): string {
  return last ? `in epoch ${last.epoch + 1} after batch ${last.batch + 1} of ${last.batchesPerEpoch}` : 'before the first batch';
}

function finalLines(io: CliIO, args: Args, done: DoneEvent, started: StartedEvent | null, last: BatchEvent | null, saved: { path: string; count: number } | null) {
  const backend = started?.backend;
  if (args.json) {
    io.stdout(
      JSON.stringify({
        done: done.reason,
        epochs: done.epochsCompleted,
        test: done.test ?? {},
        backend: backend?.active ?? null,
        ...(backend?.wasm ? { simd: backend.wasm.simd, threads: backend.wasm.threads } : {}),
        ms: Math.round(done.elapsedMs),
        ...(done.message ? { message: done.message } : {}),
        ...(done.nodeId ? { nodeId: done.nodeId } : {}),
        ...(saved ? { weights: saved.path } : {}),
      }),
    );
  } else {
    if (done.test && Object.keys(done.test).length) io.stdout(`test: ${metricText(done.test)}`);
    if (done.reason === 'finished' || done.reason === 'stopped') {
      const where = done.reason === 'stopped' ? `stopped ${stoppedAt(last)}` : `done after ${done.epochsCompleted} ${done.epochsCompleted === 1 ? 'epoch' : 'epochs'}`;
      io.stdout(`${where} in ${seconds(done.elapsedMs)}${backend ? ` on ${backendText(backend)}` : ''}`);
    }
    if (saved) io.stdout(`wrote ${printable(saved.path)} and ${printable(graphWeightsPaths(args.file).bin)} (${saved.count} weights)`);
  }
  if (done.message) io.stderr(printable(done.reason === 'non-finite' ? `stopped: ${done.message}` : done.message));
}

/** While training, whatever tfjs prints with console.log goes to stderr: stdout stays ours. */
async function quietStdout<T>(io: CliIO, fn: () => Promise<T>): Promise<T> {
  const { log, info } = console;
  console.log = console.info = (...a: unknown[]) => io.stderr(a.map(String).join(' '));
  try {
    return await fn();
  } finally {
    console.log = log;
    console.info = info;
  }
}

export const trainCommand: Command = {
  name: 'train',
  usage: 'FILE [--task T] [--dataset D] [--epochs N] [--save-weights] [--json] …',
  summary:
    `train a graph file on a built-in dataset (settings default to the graph's training hints); T: ${TASKS.join('|')}, D: ${BUILTIN_DATASETS.map((d) => d.id).join('|')}; also --batch-size N, --learning-rate X, --optimizer adam|sgd|rmsprop, --max-samples N, --seed N, --backend auto|wasm|cpu; --save-weights: write the trained weights beside FILE (FILE.weights.json + .bin, for export --weights); --json: one JSON line per epoch, then the test metrics`,
  flags: ['--json', '--save-weights'],
  options: ['--task', '--dataset', '--epochs', '--batch-size', '--learning-rate', '--optimizer', '--max-samples', '--seed', '--backend'],
  async run(parsed, io) {
    const args = parse(parsed);
    if (typeof args === 'string') {
      io.stderr(`${args}\n${commandUsage(trainCommand)}`);
      return EXIT.unusable;
    }
    const opened = openGraph(args.file, io);
    if (!opened.ok) {
      io.stderr(opened.message);
      return EXIT.unusable;
    }
    const doc = opened.doc;
    const analysis = analyze(doc);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length || !analysis.valid) {
      for (const d of errors) io.stderr(diagnosticLine(d));
      if (!errors.length) io.stderr('error: the graph has no layers to train');
      return EXIT.invalid;
    }
    const hinted = doc.training?.task;
    if (!args.overrides.task && typeof hinted === 'string' && !(TASKS as readonly string[]).includes(hinted)) {
      io.stderr(printable(`error: this graph is for the task "${hinted}", which netloom train cannot run yet (it runs ${TASKS.join(', ')}; choose one with --task)`));
      return EXIT.invalid;
    }
    const config = settings(doc, args);
    if (typeof config === 'string') {
      io.stderr(`${printable(config)}\n${commandUsage(trainCommand)}`);
      return EXIT.unusable;
    }
    const dataset = config.data.source === 'builtin' ? findBuiltinDataset(config.data.id) : undefined;
    if (!dataset) {
      io.stderr(`the graph asks for the dataset "${printable(config.data.source === 'builtin' ? config.data.id : config.data.name)}", which is not built in: add --dataset ${BUILTIN_DATASETS.map((d) => d.id).join('|')}`);
      return EXIT.unusable;
    }
    // Loaded on use: the other commands never load tfjs.
    const { checkTraining, runTraining } = await import('../train/run.ts');
    const reasons = checkTraining(doc, config, builtinFacts(dataset), analysis);
    if (reasons.length) {
      for (const r of reasons) io.stderr(printable(`error: ${english(r)}`));
      return EXIT.invalid;
    }
    // Fits, but more than the app starts without asking: say so, and train.
    const caution = budgetCaution(analysis.totals, config);
    if (caution) io.stderr(`warning: ${english(caution)}`);
    // Refused before training, not after it.
    const refusal = args.saveWeights ? graphWeightsRefusal(args.file, io) : null;
    if (refusal) {
      io.stderr(`${refusal} (--save-weights writes the weights beside the graph)`);
      return EXIT.unusable;
    }
    return quietStdout(io, async () => {
      const [{ loadTf }, { selectNodeBackend }, { nodeFetchBytes }] = await Promise.all([
        import('../compile/tf.ts'),
        import('../train/backend/select-node.ts'),
        import('../data/node/read-data-files.ts'),
      ]);
      const tf = await loadTf();
      const order: BackendName[] = config.backend === 'cpu' ? ['cpu'] : config.backend === 'wasm' ? ['wasm'] : ['wasm', 'cpu'];
      let backend;
      try {
        backend = await selectNodeBackend(tf, { doc, order });
      } catch (e) {
        io.stderr(printable(e instanceof Error ? e.message : String(e)));
        return EXIT.unusable;
      }
      const loaded = await dataset.load({ fetchBytes: nodeFetchBytes({ root: ROOT }) });
      if (!loaded.ok) {
        io.stderr(printable(`cannot load the dataset ${dataset.id}: ${loaded.error.message}`));
        return EXIT.unusable;
      }
      const initialWeights = await pretrained(doc, io);
      const out = printer(io, args, config);
      let stop = false;
      const onSigint = () => {
        if (stop) process.exit(130);
        stop = true;
        io.stderr('stopping after this batch (Ctrl-C again to quit at once)');
      };
      process.on('SIGINT', onSigint);
      try {
        const { done, compiled } = await runTraining({
          tf,
          doc,
          config,
          data: loaded.value,
          backend,
          ...(initialWeights ? { initialWeights } : {}),
          onEvent: (e) => out.onEvent(e),
          control: { shouldStop: () => stop, waitWhilePaused: async () => {} },
        });
        let saved: { path: string; count: number } | null = null;
        if (args.saveWeights && compiled && (done.reason === 'finished' || done.reason === 'stopped')) {
          const { extractWeights } = await import('../train/save.ts');
          const weights = await extractWeights(compiled);
          try {
            saved = { path: writeGraphWeights(args.file, weights, (io as CliIO & Partial<BinaryIO>).writeFile ?? ((p, d) => writeFileSync(p, d))), count: weights.size };
          } catch (e) {
            io.stderr(readError(graphWeightsPaths(args.file).json, e).replace(/^cannot read/, 'cannot write'));
            compiled.main.dispose();
            finalLines(io, args, done, out.started, out.last, null);
            return EXIT.unusable;
          }
        }
        compiled?.main.dispose();
        finalLines(io, args, done, out.started, out.last, saved);
        return done.reason === 'finished' || done.reason === 'stopped' ? EXIT.ok : EXIT.invalid;
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
  },
};

/** Weights of pretrained blocks (weightsUrl, read from public/); a block that cannot get them starts fresh, with a warning. */
async function pretrained(doc: Parameters<typeof configFromDoc>[0], io: CliIO) {
  const { pretrainedBlocks, loadPretrainedWeights } = await import('../train/pretrained.ts');
  if (!pretrainedBlocks(doc).length) return undefined;
  const { nodeFetchUrl } = await import('../train/pretrained-node.ts');
  const r = await loadPretrainedWeights(doc, nodeFetchUrl(ROOT));
  for (const p of r.problems) io.stderr(printable(`warning: ${english(p)}; that block starts from fresh weights`));
  return r.weights.size ? r.weights : undefined;
}
