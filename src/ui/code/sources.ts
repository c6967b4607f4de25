/**
 * The code panel's tabs: what each shows for a document. Adding a language
 * means one entry here. Generated tabs are read-only; Graph JSON is editable.
 */
import type { GraphDoc } from '../../graph/schema.ts';
import { saveGraph } from '../../graph/load.ts';

export interface CodeSource {
  id: 'ts' | 'py' | 'json';
  /** Monaco language id. */
  language: string;
  /** i18n key in the 'code' namespace. */
  labelKey: string;
  fileName(doc: GraphDoc): string;
  generate(doc: GraphDoc): string;
  editable: boolean;
}

const base = (doc: GraphDoc) =>
  (doc.name || 'model')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'model';

export const GRAPH_JSON: CodeSource = {
  id: 'json',
  language: 'json',
  labelKey: 'tabJson',
  fileName: (doc) => `${base(doc)}.json`,
  generate: saveGraph,
  editable: true,
};

export const CODE_SOURCES: CodeSource[] = [GRAPH_JSON];
