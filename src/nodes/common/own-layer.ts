/**
 * Writing a layer whose class is one of netloom's own (src/compile/layers/)
 * in exported TypeScript: `new <module>.<Class>({ … })`, with the module's
 * code carried once at the top of the file, then registered with the file's
 * tfjs (`const augment = registerAugmentLayers(tf);`), so a saved model
 * loads again.
 */
import type { LayerCall, LayerCode } from '../spec.ts';
import { LAYER_SOURCE } from './layer-source.ts';

export function ownLayerTs(std: LayerCode, call: LayerCall, module: string, comment: readonly string[]): LayerCode {
  const src = LAYER_SOURCE[module];
  if (!src) throw new Error(`no own layer module "${module}" (src/compile/layers/; run npm run build-layer-source)`);
  const code = [...comment.map((line) => `// ${line}`), src.code.trimEnd(), '', `const ${module} = ${src.register}(tf);`].join('\n');
  return { ...std, callee: `new ${module}.${call.className}`, source: { id: module, imports: ["import type * as TF from '@tensorflow/tfjs';"], code } };
}
