/**
 * zod schemas for what a tfjs / Keras model file may hold. They check
 * structure only; what a layer's config means is read in layer-params.ts.
 * Every failure names the JSON path it happened at.
 */
import { z } from 'zod';
import { describeIssue } from '../analysis/params.ts';
import { text } from '../i18n/text.ts';
import { fail, join } from './types.ts';

const Name = z.string().min(1, 'must not be empty').max(200, 'is longer than 200 characters');

export const WeightEntrySchema = z.looseObject({
  name: z.string().min(1),
  shape: z.array(z.number().int().min(0)).max(8),
  dtype: z.enum(['float32', 'int32', 'bool', 'string', 'complex64']).default('float32'),
  quantization: z
    .looseObject({ scale: z.number().optional(), min: z.number().optional(), dtype: z.enum(['uint8', 'uint16', 'float16']) })
    .optional(),
});
export type WeightEntry = z.infer<typeof WeightEntrySchema>;

export const WeightGroupSchema = z.looseObject({
  paths: z.array(z.string().min(1)).min(1),
  weights: z.array(WeightEntrySchema),
});
export type WeightGroup = z.infer<typeof WeightGroupSchema>;

export const WeightsManifestSchema = z.array(WeightGroupSchema);

/**
 * One entry of a model config's `layers`. Keras 2 Sequential layers carry
 * their name only in `config.name`. Keras ≤ 2.2 wrote a Sequential used as a
 * layer with its config as the bare list of its layers, at any depth; a
 * custom class may hold a list or null there too (it becomes an Unsupported node).
 */
export const LayerSchema = z.looseObject({
  class_name: Name,
  name: Name.optional(),
  config: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullable().default({}),
  inbound_nodes: z.array(z.unknown()).optional(),
});
export type LayerEntry = z.infer<typeof LayerSchema>;

/** A layer's settings: its config, or none when the config is a bare list (a Keras ≤ 2.2 Sequential). */
export const settingsOf = (entry: { config: unknown }): Record<string, unknown> =>
  entry.config !== null && typeof entry.config === 'object' && !Array.isArray(entry.config) ? (entry.config as Record<string, unknown>) : {};

/** `{ class_name, config }` of a whole model (or of a model used as a layer). */
export const ModelSchema = z.looseObject({
  class_name: Name,
  // Keras ≤ 2.2 wrote a Sequential config as the bare list of layers.
  config: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]),
});

export const ModelConfigSchema = z.looseObject({
  name: z.string().max(500).optional(),
  layers: z.array(LayerSchema).max(20000),
  input_layers: z.unknown().optional(),
  output_layers: z.unknown().optional(),
});
export type ModelConfig = z.infer<typeof ModelConfigSchema>;

/** `[layer name, node index, tensor index]` (+ kwargs in Keras 2). */
export const TensorRefSchema = z.tuple([Name, z.number().int().min(0).max(100000), z.number().int().min(0).max(1000)]).rest(z.unknown());

/** Parse `value` or fail with a message naming the first bad path under `at`. */
export function check<T>(schema: z.ZodType<T>, value: unknown, at: string): T {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.reduce<string>((p, k) => join(p, typeof k === 'number' ? k : String(k)), at);
  return fail('schema', text('import.schema', { path: path || 'file', problem: describeIssue(issue) }), path);
}
