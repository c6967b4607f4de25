/**
 * Where a schema path (`nodes[3].params.filters`) sits in a JSON text, so
 * an error can be marked on the right line. Pure; uses jsonc-parser's tree.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

export interface TextRange {
  offset: number;
  length: number;
}

/** `nodes[3].params` → ['nodes', 3, 'params'] */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** The text range of the deepest existing node along `path` (the whole text's start when none). */
export function locatePath(text: string, path: string): TextRange {
  const root = parseTree(text);
  if (!root) return { offset: 0, length: 1 };
  const segs = parsePath(path);
  for (let n = segs.length; n > 0; n--) {
    const node: Node | undefined = findNodeAtLocation(root, segs.slice(0, n));
    if (node) {
      // For a property value, mark the property (key and value) so the key is highlighted too.
      const target = node.parent?.type === 'property' ? node.parent : node;
      return { offset: target.offset, length: Math.min(target.length, 200) };
    }
  }
  return { offset: root.offset, length: 1 };
}
