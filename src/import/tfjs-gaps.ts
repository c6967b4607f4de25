/**
 * What tfjs 4.x leaves out when it saves a model, put back where the file
 * still tells: SeparableConv2D's getConfig() omits depthMultiplier, but the
 * depthwise kernel's shape [kh, kw, channels, depthMultiplier] holds it.
 */
import type { SubGraph } from '../graph/schema.ts';
import type { ImportedWeights, ImportNote } from './types.ts';

export function restoreDepthMultiplier(g: SubGraph, weights: ImportedWeights | undefined, fromTfjs: boolean, notes: ImportNote[], path: string[] = []): void {
  for (const n of g.nodes) {
    if (n.graph) restoreDepthMultiplier(n.graph, weights, fromTfjs, notes, [...path, n.id]);
    if (n.kind !== 'SeparableConv2D') continue;
    const nodePath = [...path, n.id];
    const kernel = weights?.get([...nodePath, 'depthwise_kernel'].join('/'));
    const said = (n.params.depthMultiplier as number | undefined) ?? 1;
    if (kernel && kernel.shape.length === 4 && kernel.shape[3] !== said) {
      n.params = { ...n.params, depthMultiplier: kernel.shape[3] };
      notes.push({ severity: 'info', code: 'depth-multiplier-from-weights', nodePath, message: `SeparableConv2D "${n.id}": depthMultiplier ${kernel.shape[3]} read from its depthwise kernel's shape (tfjs does not save it)` });
    } else if (!kernel && fromTfjs) {
      notes.push({ severity: 'warning', code: 'depth-multiplier-unknown', nodePath, message: `SeparableConv2D "${n.id}": tfjs does not save depthMultiplier, so it was read as ${said}; import with the weights to be sure` });
    }
  }
}
