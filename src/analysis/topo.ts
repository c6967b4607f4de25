/** Topological order (Kahn) and the loops that prevent one. */
import type { GraphEdge } from '../graph/schema.ts';

export interface TopoResult {
  order: string[];
  /** Each loop as a list of node ids, one message per loop. */
  cycles: string[][];
}

export function topoOrder(ids: string[], outgoing: Map<string, GraphEdge[]>): TopoResult {
  const indeg = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of ids) for (const e of outgoing.get(id) ?? []) indeg.set(e.target, (indeg.get(e.target) ?? 0) + 1);
  const queue = ids.filter((id) => indeg.get(id) === 0);
  const order: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    order.push(id);
    for (const e of outgoing.get(id) ?? []) {
      const d = indeg.get(e.target)! - 1;
      indeg.set(e.target, d);
      if (d === 0) queue.push(e.target);
    }
  }
  if (order.length === ids.length) return { order, cycles: [] };
  return { order, cycles: findCycles(new Set(ids.filter((id) => indeg.get(id)! > 0)), outgoing) };
}

/** One concrete loop per strongly tangled group, found by walking until a node repeats. */
function findCycles(stuck: Set<string>, outgoing: Map<string, GraphEdge[]>): string[][] {
  // Nodes downstream of a loop are stuck too. Peel off those with no edge back into the
  // rest, so that every node left is on a loop or between loops and no walk dead-ends.
  const left = new Set(stuck);
  const outDeg = new Map<string, number>();
  const into = new Map<string, string[]>();
  for (const id of left) {
    let d = 0;
    for (const e of outgoing.get(id) ?? []) {
      if (!left.has(e.target)) continue;
      d++;
      const list = into.get(e.target);
      if (list) list.push(id);
      else into.set(e.target, [id]);
    }
    outDeg.set(id, d);
  }
  const sinks = [...left].filter((id) => outDeg.get(id) === 0);
  for (let i = 0; i < sinks.length; i++) {
    left.delete(sinks[i]!);
    for (const src of into.get(sinks[i]!) ?? []) {
      const d = outDeg.get(src)! - 1;
      outDeg.set(src, d);
      if (d === 0) sinks.push(src);
    }
  }
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of left) {
    if (done.has(start)) continue;
    const pos = new Map<string, number>();
    const walk: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && !pos.has(cur) && !done.has(cur)) {
      pos.set(cur, walk.length);
      walk.push(cur);
      cur = (outgoing.get(cur) ?? []).map((e) => e.target).find((t) => left.has(t));
    }
    if (cur !== undefined && pos.has(cur)) cycles.push(walk.slice(pos.get(cur)));
    for (const id of walk) done.add(id);
  }
  return cycles;
}
