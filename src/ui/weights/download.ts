/**
 * "Download the weights" (when the browser could not keep them): netloom's
 * `<name>.weights.json` + `<name>.weights.bin`, which Load weights… reads back.
 */
import { useEditor } from '../store.ts';
import { useWeights } from './store.ts';
import { fileStem } from '../persist/fileName.ts';
import { markWeightsDownloaded } from '../persist/autosave.ts';
import { writeWeights } from '../../import/weights-file.ts';

function save(blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

export function downloadWeights(): void {
  const { weights } = useWeights.getState();
  if (!weights) return;
  const base = fileStem(useEditor.getState().history.present.name);
  const { manifest, bin } = writeWeights(weights, `${base}.weights.bin`);
  save(new Blob([manifest], { type: 'application/json' }), `${base}.weights.json`);
  save(new Blob([bin as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), `${base}.weights.bin`);
  markWeightsDownloaded(weights);
}
