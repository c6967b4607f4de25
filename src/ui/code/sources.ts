/**
 * The code panel's tabs: what each shows for a document. Adding a language
 * means one entry here. Generated tabs are read-only; Graph JSON is editable.
 */
import type { GraphDoc } from '../../graph/schema.ts';
import { saveGraph } from '../../graph/load.ts';
import { emitTypeScript } from '../../codegen/typescript.ts';
import { emitKeras } from '../../codegen/keras.ts';
import { emitTorch } from '../../codegen/torch.ts';
import type { EmitResult } from '../../codegen/result.ts';
import { fileStem, torchFileName } from '../persist/fileName.ts';

export interface CodeSource {
  id: 'ts' | 'py' | 'torch' | 'json';
  /** Monaco language id. */
  language: string;
  /** i18n key in the 'code' namespace. */
  labelKey: string;
  fileName(doc: GraphDoc): string;
  generate(doc: GraphDoc): string;
  editable: boolean;
}

/** Every download of a graph shares its stem (Save, code, trained model, weights). */
const base = (doc: GraphDoc) => fileStem(doc.name);

export const GRAPH_JSON: CodeSource = {
  id: 'json',
  language: 'json',
  labelKey: 'tabJson',
  fileName: (doc) => `${base(doc)}.json`,
  generate: saveGraph,
  editable: true,
};

/** Generated code, or comment lines saying why there is none yet (the viewer is read-only text). */
function codeOrProblems(r: EmitResult, comment: string): string {
  if (r.ok) return r.code;
  const lines = r.diagnostics.map((d) => `${comment} - ${[...(d.path ?? []), d.nodeId ?? ''].filter(Boolean).join(' › ')}: ${d.message}`.replace(/[\r\n\u2028\u2029]+/g, ' '));
  return [`${comment} No code yet: fix these problems in the graph first.`, ...lines, ''].join('\n');
}

export const TYPESCRIPT: CodeSource = {
  id: 'ts',
  language: 'typescript',
  labelKey: 'tabTs',
  fileName: (doc) => `${base(doc)}.ts`,
  generate: (doc) => codeOrProblems(emitTypeScript(doc), '//'),
  editable: false,
};

export const KERAS: CodeSource = {
  id: 'py',
  language: 'python',
  labelKey: 'tabPy',
  fileName: (doc) => `${base(doc)}.py`,
  generate: (doc) => codeOrProblems(emitKeras(doc), '#'),
  editable: false,
};

export const TORCH: CodeSource = {
  id: 'torch',
  language: 'python',
  labelKey: 'tabTorch',
  fileName: (doc) => torchFileName(doc.name),
  generate: (doc) => codeOrProblems(emitTorch(doc), '#'),
  editable: false,
};

export const CODE_SOURCES: CodeSource[] = [TYPESCRIPT, KERAS, TORCH, GRAPH_JSON];
