/**
 * netloom's own tfjs layer modules (src/compile/layers/): compile registers
 * every one, exported TypeScript carries the current code of the ones a
 * graph uses, and what any carried code defines can never clash with
 * another module's names or with a name from the graph.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { OWN_LAYERS } from '../../src/compile/layers/index.ts';
import { LAYER_SOURCE } from '../../src/nodes/common/layer-source.ts';
import { layerFiles, layerSourceModule, moduleId } from '../../scripts/build-layer-source.ts';
import { definedNames, layerCode, sourcesOf } from '../../src/codegen/layer-code.ts';
import { planCode } from '../../src/codegen/plan.ts';
import { conformanceGraphs } from '../codegen/corpus.ts';

describe('own layer modules', () => {
  test('exported TypeScript carries the current layer code (run `npm run build-layer-source` after editing src/compile/layers/)', () => {
    expect(readFileSync('src/nodes/common/layer-source.ts', 'utf8')).toBe(layerSourceModule());
  });

  test('every module in the folder is registered by compile and has its source', () => {
    const ids = layerFiles().map(moduleId).sort();
    expect(Object.keys(OWN_LAYERS).sort()).toEqual(ids);
    expect(Object.keys(LAYER_SOURCE).sort()).toEqual(ids);
    for (const [id, register] of Object.entries(OWN_LAYERS)) expect(LAYER_SOURCE[id]!.register, id).toBe(register.name);
  });

  test('the augmentation module defines exactly the names the exporter used to reserve by hand', () => {
    expect(definedNames(LAYER_SOURCE.augment!.code, 'ts').sort()).toEqual(
      ['AUGMENT_CLASS_NAMES', 'AugmentLayers', 'FillMode', 'Interpolation', 'Kwargs', 'LayerClass', 'Tensor', 'Tensor4D', 'Tf', 'defined', 'registerAugmentLayers'].sort(),
    );
  });
});

describe('code carried by exported files', () => {
  // Every source any conformance case needs, per language.
  const sources = { ts: new Map<string, string>(), keras: new Map<string, string>() };
  for (const e of conformanceGraphs()) {
    const plan = planCode(e.doc);
    if (!plan.ok) continue;
    for (const lang of ['ts', 'keras'] as const) {
      const codes = plan.plan.models.flatMap((m) => m.steps.flatMap((s) => (s.type === 'layer' ? [layerCode(lang, s)] : [])));
      for (const src of sourcesOf(codes)) {
        const known = sources[lang].get(src.id);
        expect(known === undefined || known === src.code, `${lang} source ${src.id} is always the same text`).toBe(true);
        sources[lang].set(src.id, src.code);
      }
    }
  }

  test.each(['ts', 'keras'] as const)('%s: sources define distinct top-level names', (lang) => {
    expect(sources[lang].size).toBeGreaterThan(0);
    const owner = new Map<string, string>();
    for (const [id, code] of sources[lang]) {
      const names = definedNames(code, lang);
      expect(names.length, id).toBeGreaterThan(0);
      for (const n of names) {
        expect(owner.get(n), `${n} is defined by ${owner.get(n)} and ${id}`).toBeUndefined();
        owner.set(n, id);
      }
    }
  });
});
