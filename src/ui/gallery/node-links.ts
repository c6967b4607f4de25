/**
 * Node names in a lesson: `crop1` in backticks names a layer. In the open
 * graph such a name becomes a link that goes to the node (opening the
 * composites it sits in), so "select `crop1`" is one click on the word.
 */
import type { SubGraph } from '../../graph/schema.ts';

/** Where each node id lives (composite path), shallowest first: the top level wins over a block's inside. */
export function nodePaths(g: SubGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let level: { g: SubGraph; path: string[] }[] = [{ g, path: [] }];
  while (level.length) {
    const next: typeof level = [];
    for (const { g: sg, path } of level) {
      for (const n of sg.nodes) {
        if (!out.has(n.id)) out.set(n.id, path);
        if (n.graph) next.push({ g: n.graph, path: [...path, n.id] });
      }
    }
    level = next;
  }
  return out;
}

export type LessonPart = { text: string } | { code: string };

/** Plain text and `code` parts, in order (an unmatched backtick stays as text). */
export function lessonParts(line: string): LessonPart[] {
  const pieces = line.split('`');
  if (pieces.length % 2 === 0) return [{ text: line }];
  return pieces.map((p, i) => (i % 2 ? { code: p } : { text: p })).filter((p) => ('text' in p ? p.text !== '' : true));
}
