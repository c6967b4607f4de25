/**
 * Weights for pretrained blocks: every composite with a `weightsUrl` gets
 * the weights of the tfjs model.json there (and the .bin files its manifest
 * names, next to it), keyed by the composite's node path so
 * loadImportedWeights puts them into the compiled block. The block's inside
 * must be that model's layers with the same ids (which is what importing the
 * model as a Backbone block produces).
 *
 * No tfjs here: fetching and decoding only. Failures are plain lines naming
 * the block and the file; training then starts that block from fresh weights
 * only if the caller accepts it.
 */
import type { GraphDoc, SubGraph } from '../graph/schema.ts';
import { importModel } from '../import/import-model.ts';
import type { ImportedWeights } from '../import/types.ts';
import { text, type Text } from '../i18n/text.ts';

/** Bytes of a URL as written in weightsUrl (relative to the app, or http/https). */
export type FetchUrl = (url: string) => Promise<Uint8Array>;

export interface PretrainedBlock {
  /** Composite ids from the top down, ending with the block's id. */
  path: string[];
  url: string;
}

export interface PretrainedWeights {
  weights: ImportedWeights;
  /** One sentence per block that could not get its weights. */
  problems: Text[];
  /** Blocks that got weights, with how many tensors. */
  loaded: { path: string[]; url: string; tensors: number }[];
}

/** Every composite (at any depth) that names a weightsUrl. */
export function pretrainedBlocks(g: SubGraph, path: string[] = []): PretrainedBlock[] {
  return g.nodes.flatMap((n) => {
    if (n.kind !== 'Composite' || !n.graph) return [];
    const here = [...path, n.id];
    const url = n.params?.weightsUrl;
    return [...(typeof url === 'string' && url ? [{ path: here, url }] : []), ...pretrainedBlocks(n.graph, here)];
  });
}

/** `dir/of/model.json` + `weights.bin` → `dir/of/weights.bin` (absolute URLs keep their origin). */
export function besideUrl(url: string, file: string): string {
  const cut = url.lastIndexOf('/');
  return `${cut < 0 ? '' : url.slice(0, cut + 1)}${file}`;
}

export async function loadPretrainedWeights(doc: GraphDoc, fetchUrl: FetchUrl): Promise<PretrainedWeights> {
  const out: PretrainedWeights = { weights: new Map(), problems: [], loaded: [] };
  for (const block of pretrainedBlocks(doc)) {
    const problem = (key: string, values: Record<string, string | Text> = {}) => out.problems.push(text(key, { block: block.path.join(' › '), url: block.url, ...values }));
    let json: string;
    try {
      json = new TextDecoder().decode(await fetchUrl(block.url));
    } catch (e) {
      problem('train.pretrained.fetch', { detail: e instanceof Error ? e.message : String(e) });
      continue;
    }
    let manifest: unknown;
    try {
      manifest = (JSON.parse(json) as { weightsManifest?: unknown }).weightsManifest;
    } catch {
      problem('train.pretrained.not-json');
      continue;
    }
    const paths = Array.isArray(manifest) ? manifest.flatMap((g) => (Array.isArray((g as { paths?: unknown }).paths) ? ((g as { paths: unknown[] }).paths.filter((p) => typeof p === 'string') as string[]) : [])) : [];
    const files = new Map<string, Uint8Array>();
    try {
      for (const p of paths) files.set(p, await fetchUrl(besideUrl(block.url, p)));
    } catch (e) {
      problem('train.pretrained.fetch-bins', { detail: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const r = importModel(json, files);
    if (!r.ok) {
      problem('train.pretrained.not-a-model', { detail: r.error.text });
      continue;
    }
    if (!r.weights?.size) {
      problem('train.pretrained.no-weights');
      continue;
    }
    const prefix = block.path.join('/');
    for (const [key, t] of r.weights) out.weights.set(`${prefix}/${key}`, t);
    out.loaded.push({ path: block.path, url: block.url, tensors: r.weights.size });
  }
  return out;
}
