/** Names for places in a document: composite names along a path, as the breadcrumb shows them. */
import type { GraphDoc, GraphNode } from '../../graph/schema.ts';
import { graphAt } from '../../graph/commands.ts';
import type { Lang } from '../../i18n/index.ts';
import { roleName } from '../role-name.ts';

/** A composite's shown name: its model name, else its role (in the reader's words), else its id. */
export function compositeName(n: GraphNode | undefined, id: string, lang: Lang): string {
  if (n?.params?.name != null) return String(n.params.name);
  return n?.params?.role != null ? roleName(n.params.role, lang) : id;
}

/** The names of the composites along `path`, top level first. */
export function pathNames(doc: GraphDoc, path: readonly string[], lang: Lang): string[] {
  return path.map((id, i) => compositeName(graphAt(doc, path.slice(0, i))?.nodes.find((x) => x.id === id), id, lang));
}

/** True when two paths name the same graph. */
export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
