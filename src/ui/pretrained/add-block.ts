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
import type { Text } from '../../i18n/text.ts';

/** The backbone the app ships (made by prepare-data): a small CNN pretrained on MNIST digits 0–4. */
export const BUILTIN_BACKBONE_URL = 'data/backbone-digits-0-4/model.json';

/** Why a block was not added: no address, the address did not answer (or not with 200), the file did not import, the graph refused it. */
export type AddRefusal = { why: 'empty' } | { why: 'unreachable' } | { why: 'http'; status: number } | { why: 'import'; error: { text?: Text; message: string } } | { why: 'edit'; reason: Text };

export type AddResult = { ok: true; id: string; name: string } | { ok: false; refusal: AddRefusal };

/** Absolute for fetch, relative to the app's base URL for paths inside the app. */
function resolve(url: string): string {
  const base = new URL(import.meta.env.BASE_URL ?? '/', location.href);
  return new URL(url, base).href;
}

export async function addBlockFromUrl(url: string): Promise<AddResult> {
  const trimmed = url.trim();
  if (!trimmed) return { ok: false, refusal: { why: 'empty' } };
  let text: string;
  try {
    const res = await fetch(resolve(trimmed));
    if (!res.ok) return { ok: false, refusal: { why: 'http', status: res.status } };
    text = await res.text();
  } catch {
    // The browser does not say why (offline, blocked, no such host): its "Failed to fetch" adds nothing.
    return { ok: false, refusal: { why: 'unreachable' } };
  }
  const r = importModel(text);
  if (!r.ok) return { ok: false, refusal: { why: 'import', error: r.error } };
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
  if (!r.ok) return { ok: false, refusal: { why: 'edit', reason: r.reason } };
  select([r.id!]);
  return { ok: true, id: r.id!, name: unique };
}
