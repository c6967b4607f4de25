/**
 * The netloom graph file: the public format people save, share and open.
 *
 * The schema checks structure only (ids, kinds, edges, nesting). A node's
 * `params` stay an open record here: each node kind validates its own params
 * in analysis, so one bad number becomes a diagnostic on that node instead of
 * a refusal of the whole file. Unknown fields are kept (`z.looseObject`) so a
 * file written by a newer minor tool survives a round trip through this one.
 */
import { z } from 'zod';
import { refineText } from '../i18n/text.ts';

export const GRAPH_FORMAT = 'netloom.graph';
/** The newest file version this build reads and writes. */
export const GRAPH_VERSION = 1;

/** Ids are used as map keys and layer names: keep them short, printable and non-empty. */
export const IdSchema = z
  .string()
  .refine((s) => s.length >= 1, { ...refineText('load.id-empty'), abort: true })
  .refine((s) => s.length <= 200, { ...refineText('load.id-long'), abort: true })
  .refine((s) => !/[\u0000-\u001f]/.test(s), refineText('load.id-control'));

export const PositionSchema = z.looseObject({ x: z.number().finite(), y: z.number().finite() });

/** A node's params: any JSON object. Keys that would touch Object.prototype are refused. */
export const ParamsSchema = z
  .record(z.string(), z.unknown())
  .refine((r) => !Object.keys(r).some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype'), refineText('load.param-names'));

export interface GraphNode {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  position?: { x: number; y: number };
  label?: string;
  /** Only on composite nodes: the inner graph. Its Input and Output nodes are the ports. */
  graph?: SubGraph;
  [extra: string]: unknown;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** `out0`, `out1`, … (default `out0`). */
  sourceHandle?: string;
  /** `in0`, `in1`, … For merge nodes without handles, edge order decides. */
  targetHandle?: string;
  [extra: string]: unknown;
}

export interface SubGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  [extra: string]: unknown;
}

export interface GraphDoc extends SubGraph {
  format: typeof GRAPH_FORMAT;
  version: number;
  name: string;
  /** Free-form training hints (task, dataset, loss…); read by the trainer, never executed. */
  training?: Record<string, unknown>;
}

const HandleSchema = z.string().refine((s) => /^(in|out)\d{1,3}$/.test(s), refineText('load.handle'));

export const EdgeSchema: z.ZodType<GraphEdge> = z.looseObject({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
  sourceHandle: HandleSchema.optional(),
  targetHandle: HandleSchema.optional(),
});

// Composite nodes nest graphs, hence the lazy recursion.
export const NodeSchema: z.ZodType<GraphNode> = z.lazy(() =>
  z.looseObject({
    id: IdSchema,
    kind: z.string().min(1).max(100),
    params: ParamsSchema.default({}),
    position: PositionSchema.optional(),
    label: z.string().max(500).optional(),
    graph: SubGraphSchema.optional(),
  }),
) as z.ZodType<GraphNode>;

export const SubGraphSchema: z.ZodType<SubGraph> = z.lazy(() =>
  z.looseObject({
    nodes: z.array(NodeSchema).max(20000),
    edges: z.array(EdgeSchema).max(100000),
  }),
) as z.ZodType<SubGraph>;

export const GraphDocSchema = z.looseObject({
  format: z.literal(GRAPH_FORMAT),
  version: z.literal(GRAPH_VERSION),
  name: z.string().max(500).default('Untitled'),
  nodes: z.array(NodeSchema).max(20000),
  edges: z.array(EdgeSchema).max(100000),
  training: z.record(z.string(), z.unknown()).optional(),
}) as unknown as z.ZodType<GraphDoc>;

/** An empty, valid document. */
export function emptyDoc(name = 'Untitled'): GraphDoc {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes: [], edges: [] };
}
