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
import { useWeights } from '../weights/store.ts';
import { binBytes, MAX_WEIGHT_BYTES, quoteNames, readBins, splitPicked } from '../weights/picked-files.ts';
import { sayNow } from '../../i18n/say-now.ts';

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

/**
 * Open what was picked or dropped: one graph or model file (.json), plus the
 * .bin weight files of a model.json. Says why not when that is not what came.
 */
export async function openFiles(files: File[]): Promise<boolean> {
  const { json, bins } = splitPicked(files);
  const say = useEditor.getState().say;
  if (json.length === 0 && bins.length > 0) {
    say({ kind: 'error', text: () => t('files:binOnly') });
    return false;
  }
  if (json.length > 1) {
    say({ kind: 'error', text: () => t('files:oneJson', { names: quoteNames(json.map((f) => f.name)) }) });
    return false;
  }
  return json[0] ? openGraphFile(json[0], bins) : false;
}

/** Open a graph file (or import a model.json with its weight files): replace the document, or say why not (the document stays as it was). */
export async function openGraphFile(file: File, bins: File[] = []): Promise<boolean> {
  const { say, replace } = useEditor.getState();
  const r = await readGraphFile(file);
  if (!r.ok && r.error.code === 'not-a-graph') {
    const imported = await importModelFile(file, bins);
    if (imported !== 'not-a-model') return imported;
  }
  if (!r.ok) {
    say({ kind: 'error', text: () => t('files:openFailed', { name: file.name, reason: describeLoadError(r.error, t) }) });
    return false;
  }
  replace(withLayout(r.doc));
  const opened = t('files:opened', { name: file.name });
  say({ kind: 'info', text: bins.length ? `${opened} ${t('files:binsNotUsed')}` : opened });
  return true;
}

/**
 * A Keras / tfjs model.json (not a netloom graph): import its architecture as
 * an editable graph, and its weights when their .bin files came along (they
 * go to the weights store; a missing one is named). Loaded lazily: most
 * people never open one. 'not-a-model' lets the caller report the graph error.
 */
async function importModelFile(file: File, bins: File[]): Promise<boolean | 'not-a-model'> {
  const { importModel } = await import('../../import/import-model.ts');
  const { missingWeightFiles } = await import('../../import/file-weights.ts');
  const say = useEditor.getState().say;
  const text = await file.text();
  const refuse = (reason: string) => {
    say({ kind: 'error', text: () => t('files:openFailed', { name: file.name, reason }) });
    return false;
  };
  const missing = missingWeightFiles(text, bins.map((b) => b.name));
  let weightFiles: Map<string, ArrayBuffer> | undefined;
  if (bins.length && !missing.length) {
    if (binBytes(bins) > MAX_WEIGHT_BYTES) return refuse(t('files:r_binsTooLarge', { size: (binBytes(bins) / 1024 / 1024).toFixed(1), max: MAX_WEIGHT_BYTES / 1024 / 1024 }));
    try {
      weightFiles = await readBins(bins);
    } catch {
      return refuse(t('files:r_unreadable'));
    }
  }
  let r = importModel(text, weightFiles);
  let broken: string | undefined;
  // Weights that do not decode (a truncated .bin): keep the architecture, say why the weights stayed behind.
  if (!r.ok && r.error.code === 'weights' && weightFiles) {
    broken = sayNow(r.error);
    r = importModel(text);
  }
  if (!r.ok) {
    // Not a model file at all (no path): the graph loader's words fit better. With a path the importer
    // recognised what the file is (a tfjs graph model, a model of another class) and says so itself.
    if (r.error.code === 'json' || (r.error.code === 'not-a-model' && r.error.path === undefined)) return 'not-a-model';
    return refuse(r.error.code === 'not-a-model' ? sayNow(r.error) : t('files:r_badModel', { detail: sayNow(r.error) }));
  }
  useEditor.getState().replace(r.doc);
  // After replace(), which forgets the weights of the graph that was open.
  if (r.weights?.size) useWeights.getState().setWeights(r.weights, file.name);
  const unsupported = r.doc.nodes.filter((n) => n.kind === 'Unsupported').length;
  const head = t('files:imported', { name: file.name, count: r.doc.nodes.length, unsupported });
  const note = r.notes.find((n) => n.code === 'unmatched-weights');
  const unmatched = note && sayNow(note);
  const tail = r.weights?.size
    ? t('files:importedWeights', { count: r.weights.size })
    : missing.length
      ? t('files:importedShardMissing', { count: missing.length, files: quoteNames(missing) })
      : broken || unmatched
        ? t('files:importedWeightsBroken', { reason: broken ?? unmatched })
        : t('files:importedNoWeights');
  // A Keras 1 file says so: its settings were read under their Keras 2 names.
  const keras1 = r.notes.find((n) => n.code === 'keras1');
  const said = keras1 ? sayNow(keras1) : '';
  say({ kind: 'info', text: [head, said && `${said[0]!.toUpperCase()}${said.slice(1)}.`, tail].filter(Boolean).join(' ') });
  return true;
}

export function newGraph() {
  const { replace, say } = useEditor.getState();
  replace(emptyDoc());
  say({ kind: 'info', text: () => t('files:newDone') });
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
