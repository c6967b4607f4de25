/**
 * Saves a trained model as the two files tfjs's loadLayersModel reads:
 * `<name>.model.json`, whose weightsManifest points at `<name>.weights.bin`;
 * for PyTorch, with `<name>_torch.py`, whose load_weights() reads them.
 */
import { fileStem, torchFileName } from '../persist/fileName.ts';
import type { ExportedModel } from '../../train/worker/protocol.ts';
import type { GraphDoc } from '../../graph/schema.ts';

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

/**
 * The trained model for PyTorch: the PyTorch code of the graph as it was at
 * Start, and the model.json + weights.bin its load_weights() reads. Throws a
 * value carrying the export's Text when the graph cannot be written for PyTorch.
 */
export async function downloadTorch(model: ExportedModel, doc: GraphDoc): Promise<void> {
  const { emitTorch } = await import('../../codegen/torch.ts');
  const r = emitTorch(doc);
  if (!r.ok) throw { text: r.diagnostics[0]!.text };
  downloadModel(model, doc.name ?? '');
  save(new Blob([r.code], { type: 'text/x-python' }), torchFileName(doc.name ?? ''));
}
