/**
 * checkTraining: every reason a graph, a config and a dataset cannot train
 * together, in plain English, naming the node or the numbers. No tfjs: the
 * page runs it before starting a worker.
 */
import { analyze } from '../analysis/analyze.ts';
import type { Analysis, Diagnostic } from '../analysis/types.ts';
import type { GraphDoc } from '../graph/schema.ts';
import { trainableOn } from './backend/trainable.ts';
import { isAdversarial, type TrainConfig } from './config.ts';
import { adversarialChecks } from './adversarial/check.ts';
import { fitInput, showShape, valuesIn } from './shapes.ts';
import { recipeFor } from './tasks/index.ts';
import type { DataFacts } from './data-facts.ts';

export { factsOf, type DataFacts } from './data-facts.ts';
import type { CheckFacts } from './tasks/task.ts';

const where = (d: { path?: string[]; nodeId?: string }) => [...(d.path ?? []), ...(d.nodeId !== undefined ? [d.nodeId] : [])].join(' › ');

export const diagnosticReason = (d: Diagnostic): string => {
  const at = where(d);
  return at ? `${at}: ${d.message}` : d.message;
};

/** How the messages name the data. */
export function dataName(config: TrainConfig): string {
  return config.data.source === 'builtin' ? config.data.id : config.data.name || 'your data';
}

/** The model's one input and output, or the reasons there is not exactly one of each. */
function ports(a: Analysis, task: string): { reasons: string[]; facts?: Pick<CheckFacts, 'inputId' | 'inputShape' | 'outputId' | 'outputShape'> } {
  const reasons: string[] = [];
  const main = a.models[0];
  if (!main) return { reasons: ['the graph has no model to train'] };
  if (main.inputs.length !== 1) {
    reasons.push(
      main.inputs.length === 0
        ? 'the graph has no Input node'
        : `the ${task} task trains a model with one input, and this graph has ${main.inputs.length} (${a.inputs.join(', ')})`,
    );
  }
  if (main.outputs.length !== 1) {
    reasons.push(
      main.outputs.length === 0
        ? 'the graph has no output'
        : `the ${task} task trains a model with one output, and this graph has ${main.outputs.length} (${a.outputs.join(', ')}): remove the extra branches or mark the one to train with an Output node`,
    );
  }
  if (reasons.length) return { reasons };
  return { reasons, facts: { inputId: a.inputs[0]!, inputShape: main.inputs[0]!, outputId: a.outputs[0]!, outputShape: main.outputs[0]! } };
}

/** Reasons tfjs itself cannot train a node on any backend (kernels of a given backend are checked when it starts). */
function tfjsLimits(doc: GraphDoc, a: Analysis): string[] {
  const anyKernel = { getKernel: () => ({}) } as unknown as Parameters<typeof trainableOn>[2];
  return trainableOn('any', doc, anyKernel, a)
    .filter((i) => i.scope === 'tfjs')
    .map((i) => `${[...i.path, i.nodeId].join(' › ')}: ${i.reason}`);
}

export function checkTraining(doc: GraphDoc, config: TrainConfig, data: DataFacts, analysis: Analysis = analyze(doc)): string[] {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !analysis.valid) return errors.length ? errors.map(diagnosticReason) : ['the graph has no layers to train'];
  if (isAdversarial(config.task)) {
    const facts = { shape: data.shape, dataName: dataName(config), ...(data.pairing !== undefined ? { pairing: data.pairing } : {}), ...(data.pairShape ? { pairShape: data.pairShape } : {}) };
    return [...tfjsLimits(doc, analysis), ...adversarialChecks(analysis, { ...config, task: config.task }, facts)];
  }
  const task = recipeFor(config.task);
  if (!task) return [`netloom cannot train the task "${config.task}" here yet`];
  // Data without what the task learns from: that is the one thing to fix (its sizes would only add noise).
  if (task.needs && data[task.needs.what] === false) return [task.needs.missing(dataName(config))];
  const { reasons, facts } = ports(analysis, config.task);
  reasons.push(...tfjsLimits(doc, analysis));
  if (!facts) return reasons;
  const name = dataName(config);
  const fitted = fitInput(facts.inputShape, data.shape);
  if (!fitted) {
    const open = facts.inputShape.some((d) => d === null);
    reasons.push(
      open
        ? `the input "${facts.inputId}" takes samples of shape ${showShape(facts.inputShape)}, and ${name} has samples of shape ${showShape(data.shape)}`
        : `the input "${facts.inputId}" takes ${valuesIn(facts.inputShape as number[])} values per sample ${showShape(facts.inputShape)}, and ${name} has ${valuesIn(data.shape)} ${showShape(data.shape)}: set the Input's shape to ${showShape(data.shape)}`,
    );
  }
  reasons.push(...task.check({ config, ...facts, fitted, dataShape: data.shape, classNames: data.classNames, dataName: name }));
  return reasons;
}
