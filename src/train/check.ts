/**
 * checkTraining: every reason a graph, a config and a dataset cannot train
 * together, as Text naming the node or the numbers (the page shows it in the
 * reader's language, the CLI in English). No tfjs: the page runs it before
 * starting a worker.
 */
import { analyze } from '../analysis/analyze.ts';
import { budgetRefusal, type MemoryTotals } from '../analysis/budget.ts';
import type { Analysis, Diagnostic } from '../analysis/types.ts';
import type { GraphDoc } from '../graph/schema.ts';
import { text, type Text } from '../i18n/text.ts';
import { trainableOn, type TrainIssue } from './backend/trainable.ts';
import { isAdversarial, type TrainConfig } from './config.ts';
import { adversarialChecks } from './adversarial/check.ts';
import { fitInput, showShape, valuesIn } from './shapes.ts';
import { recipeFor } from './tasks/index.ts';
import { dataNameOf, taskText } from './tasks/naming.ts';
import { at, textOf } from './reasons.ts';
import type { DataFacts } from './data-facts.ts';

export { factsOf, type DataFacts } from './data-facts.ts';
import type { CheckFacts } from './tasks/task.ts';

const where = (d: { path?: string[]; nodeId?: string }) => [...(d.path ?? []), ...(d.nodeId !== undefined ? [d.nodeId] : [])].join(' › ');

export const diagnosticReason = (d: Diagnostic): Text => at(where(d), textOf(d));

/** A node tfjs or a backend cannot train, naming where it is. */
export const issueReason = (i: TrainIssue): Text => at([...i.path, i.nodeId].join(' › '), i.text);

/**
 * One reason not to train, and the node it is about when there is one (the
 * page links to it). `problem`: an error of the graph itself, also listed in
 * the Problems panel.
 */
export interface Reason {
  text: Text;
  node?: { path: string[]; id: string };
  problem?: true;
}

const plain = (t: Text): Reason => ({ text: t });

/** The model's one input and output, or the reasons there is not exactly one of each. */
function ports(a: Analysis, config: TrainConfig): { reasons: Reason[]; facts?: Pick<CheckFacts, 'inputId' | 'inputShape' | 'outputId' | 'outputShape'> } {
  const reasons: Reason[] = [];
  const main = a.models[0];
  if (!main) return { reasons: [plain(text('train.no-model'))] };
  const task = taskText(config.task);
  if (main.inputs.length !== 1) {
    reasons.push(plain(main.inputs.length === 0 ? text('train.no-input') : text('train.inputs', { task, count: main.inputs.length, ids: a.inputs.join(', ') })));
  }
  if (main.outputs.length !== 1) {
    reasons.push(plain(main.outputs.length === 0 ? text('train.no-output') : text('train.outputs', { task, count: main.outputs.length, ids: a.outputs.join(', ') })));
  }
  if (reasons.length) return { reasons };
  return { reasons, facts: { inputId: a.inputs[0]!, inputShape: main.inputs[0]!, outputId: a.outputs[0]!, outputShape: main.outputs[0]! } };
}

/** Reasons tfjs itself cannot train a node on any backend (kernels of a given backend are checked when it starts). */
function tfjsLimits(doc: GraphDoc, a: Analysis): Reason[] {
  const anyKernel = { getKernel: () => ({}) } as unknown as Parameters<typeof trainableOn>[2];
  return trainableOn('any', doc, anyKernel, a)
    .filter((i) => i.scope === 'tfjs')
    .map((i) => ({ text: issueReason(i), node: { path: i.path, id: i.nodeId } }));
}

/**
 * The totals a run meets: an Input with open sizes (null) takes the data's,
 * so its layer outputs are counted at that size (analysis leaves them out,
 * and a folder of megapixel images through [?, ?, 3] would otherwise pass).
 */
function totalsForData(doc: GraphDoc, a: Analysis, data: DataFacts): MemoryTotals {
  const shape = a.models[0]?.inputs.length === 1 && a.inputs.length === 1 ? a.models[0].inputs[0]! : null;
  if (!shape || shape.every((d) => d !== null)) return a.totals;
  const fitted = fitInput(shape, data.shape);
  if (!fitted) return a.totals;
  const id = a.inputs[0]!;
  const sized = analyze({ ...doc, nodes: doc.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, shape: fitted } } : n)) });
  return sized.valid || sized.diagnostics.some((d) => d.code === 'too-large-to-run') ? sized.totals : a.totals;
}

/** Every reason this graph, config and data cannot train together, each with the node it is about (empty: they can). */
export function trainingRefusal(doc: GraphDoc, config: TrainConfig, data: DataFacts, analysis: Analysis = analyze(doc)): Reason[] {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !analysis.valid) {
    if (!errors.length) return [plain(text('train.no-layers'))];
    return errors.map((d) => ({ text: diagnosticReason(d), problem: true, ...(d.nodeId !== undefined ? { node: { path: d.path ?? [], id: d.nodeId } } : {}) }));
  }
  // Memory first: with these settings the run would exhaust what tfjs can hold, before anything is allocated.
  const memory = budgetRefusal(isAdversarial(config.task) ? analysis.totals : totalsForData(doc, analysis, data), config);
  const rest = fitChecks(doc, config, data, analysis);
  return memory ? [plain(memory), ...rest] : rest;
}

/** Whether the graph, the task and the data fit one another. */
function fitChecks(doc: GraphDoc, config: TrainConfig, data: DataFacts, analysis: Analysis): Reason[] {
  const name = dataNameOf(config);
  if (isAdversarial(config.task)) {
    const facts = { shape: data.shape, dataName: name, ...(data.pairing !== undefined ? { pairing: data.pairing } : {}), ...(data.pairShape ? { pairShape: data.pairShape } : {}) };
    return [...tfjsLimits(doc, analysis), ...adversarialChecks(analysis, { ...config, task: config.task }, facts).map(plain)];
  }
  const task = recipeFor(config.task);
  if (!task) return [plain(text('train.unknown-task', { task: config.task }))];
  // Data without what the task learns from: that is the one thing to fix (its sizes would only add noise).
  if (task.needs && data[task.needs.what] === false) return [plain(task.needs.missing(name))];
  const { reasons, facts } = ports(analysis, config);
  reasons.push(...tfjsLimits(doc, analysis));
  if (!facts) return reasons;
  const fitted = fitInput(facts.inputShape, data.shape);
  if (!fitted) {
    const open = facts.inputShape.some((d) => d === null);
    const values = { input: facts.inputId, shape: showShape(facts.inputShape), data: name, dataShape: showShape(data.shape) };
    reasons.push({
      text: open
        ? text('train.input-shape', values)
        : text('train.input-size', { ...values, values: valuesIn(facts.inputShape as number[]), dataValues: valuesIn(data.shape) }),
      node: { path: [], id: facts.inputId },
    });
  }
  reasons.push(...task.check({ config, ...facts, fitted, dataShape: data.shape, classNames: data.classNames, dataName: name }).map(plain));
  return reasons;
}

/** The reasons as sentences (the CLI and the worker print them in English). */
export function checkTraining(doc: GraphDoc, config: TrainConfig, data: DataFacts, analysis: Analysis = analyze(doc)): Text[] {
  return trainingRefusal(doc, config, data, analysis).map((r) => r.text);
}
