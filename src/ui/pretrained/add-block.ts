/**
 * Adding a pretrained model to the graph as a frozen Backbone block, from a
 * URL (or a path inside the app): the architecture comes from its model.json
 * now; its weights are fetched by the trainer before training (weightsUrl).
 */
import { addNode, graphAt } from '../../graph/commands.ts';
import { blockName, pretrainedBlock } from '../../graph/pretrained-block.ts';
import type { SubGraph } from '../../graph/schema.ts';
import { importModel } from '../../import/import-model.ts';
import { useEditor } from '../store.ts';
import { sayNow } from '../../i18n/say-now.ts';

/** The backbone the app ships (made by prepare-data): a small CNN pretrained on MNIST digits 0–4. */
export const BUILTIN_BACKBONE_URL = 'data/backbone-digits-0-4/model.json';

export type AddResult = { ok: true; id: string; name: string } | { ok: false; reason: string };

/** Absolute for fetch, relative to the app's base URL for paths inside the app. */
function resolve(url: string): string {
  const base = new URL(import.meta.env.BASE_URL ?? '/', location.href);
  return new URL(url, base).href;
}

export async function addBlockFromUrl(url: string): Promise<AddResult> {
  const trimmed = url.trim();
  if (!trimmed) return { ok: false, reason: 'empty' };
  let text: string;
  try {
    const res = await fetch(resolve(trimmed));
    if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };
    text = await res.text();
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const r = importModel(text);
  if (!r.ok) return { ok: false, reason: sayNow(r.error) };
  return insertBlock(r.doc, blockName(r.doc.name === 'Imported model' ? (trimmed.split('/').at(-2) ?? 'backbone') : r.doc.name), trimmed);
}

/** Inserts the block unconnected and selected, left of the graph being edited: the user wires it in. */
export function insertBlock(imported: SubGraph, name: string, weightsUrl?: string): AddResult {
  const { edit, select, history, path } = useEditor.getState();
  const taken = new Set<string>();
  const walk = (g: SubGraph) => g.nodes.forEach((n) => (n.kind === 'Composite' && typeof n.params?.name === 'string' && taken.add(n.params.name), n.graph && walk(n.graph)));
  walk(history.present);
  let unique = name;
  for (let i = 2; taken.has(unique); i++) unique = `${name}_${i}`;
  const block = pretrainedBlock(imported, { name: unique, weightsUrl });
  const xs = (graphAt(history.present, path)?.nodes ?? []).map((n) => n.position?.x ?? 0);
  const position = { x: Math.round((xs.length ? Math.min(...xs) : 0) - 280), y: 0 };
  const r = edit((d, p) => addNode(d, { kind: 'Composite', ...block, position }, p));
  if (!r.ok || !r.id) return { ok: false, reason: r.ok ? 'not added' : r.reason };
  select([r.id]);
  return { ok: true, id: r.id, name: unique };
}
