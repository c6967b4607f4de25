/**
 * File actions behind the menu, the drop target and the shortcuts. A file
 * that does not load leaves the document untouched and says what is wrong
 * and where; one that loads replaces the document as one undoable step.
 */
import i18next from 'i18next';
import { useEditor } from '../store.ts';
import { loadGraph, MAX_FILE_CHARS, saveGraph } from '../../graph/load.ts';
import { emptyDoc, type GraphDoc } from '../../graph/schema.ts';
import { tidyUp, withLayout } from '../../graph/layout.ts';
import { describeLoadError, type OpenError } from './describe.ts';
import { fileNameFor } from '../persist/fileName.ts';
import { markDownloaded } from '../persist/autosave.ts';

const t = i18next.t.bind(i18next);

/** Files above this many bytes are refused before they are read (16 MB). */
export const MAX_FILE_BYTES = MAX_FILE_CHARS;

function looksLikeJson(file: File): boolean {
  return /\.json$/i.test(file.name) || /json/i.test(file.type) || file.type === '' || file.type === 'text/plain';
}

/** Read and validate a file; never throws. */
export async function readGraphFile(file: File): Promise<{ ok: true; doc: GraphDoc } | { ok: false; error: OpenError }> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, error: { code: 'file-too-large', message: 'too large', bytes: file.size, max: MAX_FILE_BYTES } };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: { code: 'unreadable', message: 'unreadable' } };
  }
  const r = loadGraph(text);
  if (r.ok) return r;
  // A picture or an archive dropped by mistake: say so instead of pointing at byte 1.
  if (r.error.code === 'json' && (!looksLikeJson(file) || text.includes('\u0000') || text.includes('\uFFFD'))) {
    return { ok: false, error: { code: 'not-json', message: 'not JSON' } };
  }
  return r;
}

/** Open a graph file: replace the document, or say why not (the document stays as it was). */
export async function openGraphFile(file: File): Promise<boolean> {
  const { say, replace } = useEditor.getState();
  const r = await readGraphFile(file);
  if (!r.ok && r.error.code === 'not-a-graph' && (await importModelFile(file))) return true;
  if (!r.ok) {
    say({ kind: 'error', text: t('files:openFailed', { name: file.name, reason: describeLoadError(r.error, t) }) });
    return false;
  }
  replace(withLayout(r.doc));
  say({ kind: 'info', text: t('files:opened', { name: file.name }) });
  return true;
}

/**
 * A Keras / tfjs model.json (not a netloom graph): import its architecture as
 * an editable graph. Loaded lazily: most people never open one. Returns false
 * when the file is not a model either, so the caller reports the graph error.
 */
async function importModelFile(file: File): Promise<boolean> {
  const { importModel } = await import('../../import/import-model.ts');
  const r = importModel(await file.text());
  if (!r.ok) return false;
  useEditor.getState().replace(r.doc);
  const unsupported = r.doc.nodes.filter((n) => n.kind === 'Unsupported').length;
  useEditor.getState().say({ kind: 'info', text: t('files:imported', { name: file.name, count: r.doc.nodes.length, unsupported }) });
  return true;
}

export function newGraph() {
  const { replace, say } = useEditor.getState();
  replace(emptyDoc());
  say({ kind: 'info', text: t('files:newDone') });
}

/** Download the present document as `<name>.json`. */
export function downloadGraph(doc: GraphDoc = useEditor.getState().history.present) {
  const blob = new Blob([saveGraph(doc)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(doc.name);
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  markDownloaded(doc);
}

export function tidyUpGraph() {
  const r = useEditor.getState().edit((doc, path) => tidyUp(doc, path));
  if (r.ok) useEditor.setState((s) => ({ viewEpoch: s.viewEpoch + 1 }));
}
