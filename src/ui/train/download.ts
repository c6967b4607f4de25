/**
 * Saves a trained model as the two files tfjs's loadLayersModel reads:
 * `<name>.model.json`, whose weightsManifest points at `<name>.weights.bin`.
 */
import { fileStem } from '../persist/fileName.ts';
import type { ExportedModel } from '../../train/worker/protocol.ts';

/** File names from the graph's stem, as its other downloads: "Small CNN" → Small_CNN.model.json / Small_CNN.weights.bin. */
export function modelFileNames(graphName: string): { json: string; bin: string } {
  const base = fileStem(graphName);
  return { json: `${base}.model.json`, bin: `${base}.weights.bin` };
}

/** The model.json with its one weights file renamed to `bin` (a manifest naming several files is left as it is). */
export function withWeightsPath(modelJson: unknown, bin: string): unknown {
  if (!modelJson || typeof modelJson !== 'object') return modelJson;
  const m = modelJson as { weightsManifest?: { paths: string[] }[] };
  if (!Array.isArray(m.weightsManifest) || m.weightsManifest.length !== 1 || m.weightsManifest[0]!.paths?.length !== 1) return modelJson;
  return { ...m, weightsManifest: [{ ...m.weightsManifest[0]!, paths: [`./${bin}`] }] };
}

function save(blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function downloadModel(model: ExportedModel, graphName: string): void {
  const names = modelFileNames(graphName);
  const json = typeof model.modelJson === 'string' ? JSON.parse(model.modelJson) : model.modelJson;
  save(new Blob([JSON.stringify(withWeightsPath(json, names.bin))], { type: 'application/json' }), names.json);
  save(new Blob([model.weightsBin], { type: 'application/octet-stream' }), names.bin);
}
