/** What analysis returns. Plain data; Maps keyed by node id so any id (even "constructor") is safe. */
import type { AnyNodeSpec, Fix, Formula, Severity, Shape, WeightCount } from '../nodes/spec.ts';
import type { Role } from '../nodes/composite.ts';
import type { Text } from '../i18n/text.ts';
import type { Heaviest, MemoryBudget } from './budget.ts';

export interface Diagnostic {
  severity: Severity;
  code: string;
  /** English words (CLI, logs); the app shows `text` in the reader's language. */
  message: string;
  /** The sentence as data: the app renders it in the reader's language. */
  text: Text;
  /** The node the problem belongs to (inside `path` when nested). */
  nodeId?: string;
  edgeId?: string;
  param?: string;
  /** Composite node ids from the top level down to the graph holding `nodeId`. */
  path?: string[];
  fix?: Fix;
  /** Other fixes, in order of preference, offered after `fix`. */
  alternatives?: Fix[];
}

export interface NodeAnalysis {
  id: string;
  kind: string;
  spec: AnyNodeSpec | undefined;
  /** Params after validation and defaults; undefined when they are invalid. */
  params: Record<string, unknown> | undefined;
  inputs: Shape[];
  /** One per output port; empty when the node could not be inferred. */
  outputs: Shape[];
  weights: WeightCount;
  macs: number;
  formulas: Formula[];
  diagnostics: Diagnostic[];
  /** For composites: the analysis of the inner graph. */
  inner?: GraphAnalysis;
  /** An imported layer netloom cannot build that keeps its input's shape: its output is known, its weights are not. */
  uncounted?: boolean;
}

export interface EdgeAnalysis {
  /** The tensor shape carried, when known. */
  shape: Shape | null;
  /** The port index on the target this edge fills. */
  port: number | null;
}

export interface GraphAnalysis {
  nodes: Map<string, NodeAnalysis>;
  edges: Map<string, EdgeAnalysis>;
  /** Topological order (nodes in cycles are left out). */
  order: string[];
  /** Input node ids, in node-list order. */
  inputs: string[];
  /** Nodes whose outputs are the graph's outputs: Output nodes, else sinks. */
  outputs: string[];
  /** Nodes the outputs depend on: what compile() builds and the totals count. */
  live: Set<string>;
  weights: WeightCount;
  macs: number;
  /** Float32 bytes of all node outputs for one sample. */
  activationBytes: number;
  /** Some layer the outputs depend on could not be counted: weights, MACs and memory are lower bounds. */
  partial: boolean;
  /** The counted node with the largest output, and the one with the most weights (paths into composites): where memory goes. */
  largestOutput: Heaviest | null;
  mostWeights: Heaviest | null;
}

export interface ModelSummary {
  /** `model`/`autoencoder` for the top level, the composite's name otherwise. */
  key: string;
  role: Role | 'Model';
  /** The composite node (with its path) or null for the top level. */
  nodeId: string | null;
  path: string[];
  params: number;
  trainableParams: number;
  inputs: Shape[];
  outputs: Shape[];
}

export interface Analysis extends GraphAnalysis {
  /** True when there are no errors and the graph has at least one output. */
  valid: boolean;
  /** Every diagnostic of every node, edge and nested graph, errors first. */
  diagnostics: Diagnostic[];
  totals: {
    params: number;
    trainableParams: number;
    nonTrainableParams: number;
    macs: number;
    flops: number;
    activationBytes: number;
    paramBytes: number;
    /** Some layer the outputs depend on could not be counted (an error, an unsupported layer): these are lower bounds. */
    partial: boolean;
  };
  /** Memory to run and to train, with the graph's hinted (or default) batch size and optimizer, against what tfjs can hold. */
  memory: MemoryBudget;
  models: ModelSummary[];
}
