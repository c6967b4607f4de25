/**
 * Which incoming edge fills which input port: edges naming a `targetHandle`
 * (`in0`, `in1`, …) take that port, the others fill the free ports in edge
 * order. Shared by analysis, compile and the editing commands so they agree.
 */
import type { GraphEdge } from './schema.ts';

export function handleIndex(h: unknown, prefix: 'in' | 'out'): number | null {
  if (typeof h !== 'string') return null;
  const m = (prefix === 'in' ? /^in(\d{1,3})$/ : /^out(\d{1,3})$/).exec(h);
  return m ? Number(m[1]) : null;
}

export interface PortSlots {
  /** slots[i] is the edge on input i (holes are possible). */
  slots: (GraphEdge | undefined)[];
  /** Set when two edges name the same port: [first, second]. */
  conflict?: [GraphEdge, GraphEdge];
}

/** `edges` are the edges arriving at one node, in document order. */
export function portSlots(edges: readonly GraphEdge[]): PortSlots {
  const slots: (GraphEdge | undefined)[] = [];
  const loose: GraphEdge[] = [];
  for (const e of edges) {
    const i = handleIndex(e.targetHandle, 'in');
    if (i === null) loose.push(e);
    else if (slots[i]) return { slots, conflict: [slots[i]!, e] };
    else slots[i] = e;
  }
  for (const e of loose) {
    let i = 0;
    while (slots[i]) i++;
    slots[i] = e;
  }
  return { slots };
}

/** The output port an edge leaves from (default 0). */
export function sourcePort(e: GraphEdge): number {
  return handleIndex(e.sourceHandle, 'out') ?? 0;
}
