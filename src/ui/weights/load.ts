/**
 * "Load weights…": a model.json (or a netloom .weights.json) with its .bin
 * files, checked against the graph on screen without compiling it. What fits
 * goes to the weights store; when nothing fits, nothing changes. Either way
 * one notice says, in counts and examples, what happened.
 */
import i18next from 'i18next';
import { analysisOf, useEditor } from '../store.ts';
import { useWeights } from './store.ts';
import { binBytes, MAX_WEIGHT_BYTES, quoteNames, readBins, splitPicked } from './picked-files.ts';
import { MAX_FILE_BYTES } from '../files/actions.ts';
import { describeFit, describeMismatches } from './describe.ts';
import { sayNow } from '../../i18n/say-now.ts';

const t = i18next.t.bind(i18next);

export async function loadWeightsFiles(files: File[]): Promise<boolean> {
  const { say } = useEditor.getState();
  const { json, bins } = splitPicked(files);
  if (json.length !== 1) {
    say({ kind: 'error', text: () => t('files:lwPickOne') });
    return false;
  }
  const file = json[0]!;
  const refuse = (reason: string) => {
    say({ kind: 'error', text: () => t('files:loadFailed', { name: file.name, reason }) });
    return false;
  };
  if (file.size > MAX_FILE_BYTES) return refuse(t('files:r_fileTooLarge', { size: (file.size / 1024 / 1024).toFixed(1), max: MAX_FILE_BYTES / 1024 / 1024 }));
  if (binBytes(bins) > MAX_WEIGHT_BYTES) return refuse(t('files:r_binsTooLarge', { size: (binBytes(bins) / 1024 / 1024).toFixed(1), max: MAX_WEIGHT_BYTES / 1024 / 1024 }));
  let text: string;
  let weightFiles: Map<string, ArrayBuffer>;
  try {
    text = await file.text();
    weightFiles = await readBins(bins);
  } catch {
    return refuse(t('files:r_unreadable'));
  }
  const { fitFileWeights, missingWeightFiles } = await import('../../import/file-weights.ts');
  const missing = missingWeightFiles(text, bins.map((b) => b.name));
  if (missing.length) return refuse(t('files:lwShardMissing', { count: missing.length, files: quoteNames(missing) }));

  // The graph as it is now; the check is pure, so it cannot race an edit.
  const doc = useEditor.getState().history.present;
  const r = fitFileWeights(doc, analysisOf(doc), text, weightFiles);
  if (!r.ok) return refuse(r.error.code === 'not-a-model' || r.error.code === 'not-a-graph' ? t('files:r_notModel', { detail: sayNow(r.error) }) : sayNow(r.error));
  const { fit } = r;
  if (fit.weights.size === 0) {
    const total = fit.mismatched.length + fit.unused.length;
    say({ kind: 'error', text: () => t('files:loadNoneFit', { name: file.name, total, detail: describeMismatches(fit, t) }) });
    return false;
  }
  useWeights.getState().setWeights(fit.weights, file.name);
  say({ kind: 'info', text: describeFit(fit, file.name, t) });
  return true;
}
