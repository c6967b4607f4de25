/**
 * One Keras layer entry (one call of it) → one netloom node: a layer node,
 * a Composite for a model used as a layer, or an Unsupported node that keeps
 * the class and config and is never run.
 */
import type { GraphNode, SubGraph } from '../graph/schema.ts';
import type { Role } from '../nodes/composite.ts';
import { settingsOf, type LayerEntry } from './keras-schema.ts';
import { keepsShape, kindFor, unknownClassReason, UNSUPPORTED_KIND } from './layer-kinds.ts';
import { convertParams, FROZEN_LAYER } from './layer-params.ts';
import { fromKeras1 } from './keras1.ts';
import { english } from '../i18n/text.ts';
import { MODEL_CLASSES } from './read-source.ts';
import type { ImportNote } from './types.ts';

/** Where a Keras layer ended up: used to give each weight to its node(s). */
export interface Owner {
  /** Keras names of the models around the layer (not the top one). */
  kerasScope: string[];
  /** Composite ids, then the node id. */
  nodePath: string[];
  kind: string;
}

export interface BuildCtx {
  notes: ImportNote[];
  /** Keras layer name → every node made from it (one per call, per copy of its model). */
  owners: Map<string, Owner[]>;
  /** The file was written by Keras 1: its layers are read in Keras 2 names first (keras1.ts). */
  keras1?: boolean;
}

export interface Scope {
  /** Composite ids from the top level down. */
  path: string[];
  kerasScope: string[];
  /** Inside a model Keras wrote as frozen: its layers need no note of their own. */
  frozen?: boolean;
}

/** What the entry's nested model builds into, when the entry is a model. */
export type BuildInner = (entry: LayerEntry, at: string, scope: Scope) => SubGraph;

/** Extra entry keys beyond the ones we read (Keras 3: module, registered_name, build_config). */
function entryExtras(entry: LayerEntry): Record<string, unknown> {
  const { class_name: _c, name: _n, config: _cfg, inbound_nodes: _i, ...extra } = entry;
  return extra;
}

export function isModelEntry(entry: LayerEntry): boolean {
  return (MODEL_CLASSES as readonly string[]).includes(entry.class_name);
}

export function layerName(entry: LayerEntry, index: number): string {
  const n = entry.name ?? settingsOf(entry).name;
  return typeof n === 'string' && n ? n : `${entry.class_name.toLowerCase()}_${index + 1}`;
}

export function buildLayer(entry: LayerEntry, name: string, id: string, at: string, scope: Scope, ctx: BuildCtx, inner: BuildInner): GraphNode {
  const nodePath = [...scope.path, id];
  const extras = entryExtras(entry);
  const register = (kind: string) => {
    const list = ctx.owners.get(name) ?? [];
    list.push({ kerasScope: scope.kerasScope, nodePath, kind });
    ctx.owners.set(name, list);
  };
  const config = settingsOf(entry);
  if (isModelEntry(entry)) {
    const frozen = scope.frozen || config.trainable === false;
    const graph = inner(entry, at, { path: nodePath, kerasScope: [...scope.kerasScope, name], frozen });
    const modelName = typeof config.name === 'string' ? config.name : name;
    const params: Record<string, unknown> = { role: roleFor(modelName) };
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(modelName) && modelName.length <= 64) params.name = modelName;
    // Keras writes a frozen nested model's `trainable: false` (tfjs's toJSON does not): keep it frozen.
    if (config.trainable === false) params.trainable = false;
    const node: GraphNode = { id, kind: 'Composite', params, graph };
    if (Object.keys(extras).length) node.imported = { class_name: entry.class_name, ...extras };
    register('Composite');
    return node;
  }
  // A Keras 1 file: its settings in Keras 2 names, a Merge as the kind of its mode.
  const legacy = ctx.keras1 ? fromKeras1(entry.class_name, config) : { className: entry.class_name, config };
  const className = 'className' in legacy ? legacy.className : entry.class_name;
  const kind = 'reason' in legacy ? undefined : kindFor(className);
  const converted = kind && 'config' in legacy ? convertParams(className, kind, legacy.config) : undefined;
  // Why it stays Unsupported: the English kept as `reason`, the Text as `why` (so a Korean screen says it in Korean).
  const why = 'why' in legacy ? legacy.why : !kind ? unknownClassReason(entry.class_name) : converted?.reason;
  const reason = why && english(why);
  if (!kind || !converted || reason) {
    register(UNSUPPORTED_KIND);
    ctx.notes.push({
      severity: 'error',
      code: 'unsupported-layer',
      nodePath,
      message: `${entry.class_name} layer "${name}" is not supported: ${reason}; it is kept, with its config, as an Unsupported node and is never run`,
    });
    const imported: Record<string, unknown> = { class_name: entry.class_name, config: entry.config, ...extras, reason };
    if (why) imported.why = why;
    if (keepsShape(className, kind, entry.config)) imported.keepsShape = true;
    return { id, kind: UNSUPPORTED_KIND, params: {}, label: entry.class_name.slice(0, 500), imported };
  }
  for (const message of converted.notes.filter((m) => !(scope.frozen && m === FROZEN_LAYER))) ctx.notes.push({ severity: 'warning', code: 'import-note', nodePath, message: `${entry.class_name} "${name}": ${message}` });
  const node: GraphNode = { id, kind, params: converted.params };
  if (kind === 'Input' && scope.path.length) delete node.params.shape; // inside a block the shape comes from outside
  if (Object.keys(converted.rest).length || Object.keys(extras).length || kind !== entry.class_name) {
    node.imported = { class_name: entry.class_name, config: converted.rest, ...extras };
  }
  register(kind);
  return node;
}

/** Encoder / Decoder / Generator / Discriminator when the model's name says so, else Block. */
export function roleFor(name: string): Role {
  const n = name.toLowerCase();
  const has = (word: string, short: string) => n.includes(word) || new RegExp(`(^|[^a-z])${short}([^a-z]|$)`).test(n);
  return has('decoder', 'dec') ? 'Decoder' : has('encoder', 'enc') ? 'Encoder' : has('discriminator', 'disc') || n.includes('critic') ? 'Discriminator' : has('generator', 'gen') ? 'Generator' : 'Block';
}
