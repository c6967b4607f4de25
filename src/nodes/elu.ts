/**
 * ELU, and how to add a node kind. A kind is one file like this one plus
 * its entry in ./index.ts; the numbered notes say what each part of the
 * spec is for and who reads it. Nothing outside this folder names a kind
 * (tests/nodes/one-place.test.ts checks): the palette, the inspector form,
 * validation, shape inference, compile, training, the TypeScript and Keras
 * export, the import of Keras and tfjs files and the weight checks all read
 * the spec. Words a kind says in its diagnostics go in
 * src/i18n/messages/nodes.ts, English and Korean. A kind whose layer tfjs
 * lacks or gets wrong also writes that class in src/compile/layers/ (as
 * ELU does for alpha ≠ 1, see [8]).
 */
import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fn, py } from './common/torch.ts';
import { ANY_RANK, keepShape } from './common/shape.ts';
import { ownLayerTs } from './common/own-layer.ts';

// [1] Params: a zod object with Keras's names (camelCase) and Keras's defaults. One declaration gives
// the inspector's form, validation (a bad value is refused before tfjs ever sees it), the defaults a
// graph file may leave out, and the arguments exported code leaves out because they are at their default.
const params = z.object({
  /** Scale of the negative part: alpha·(eˣ − 1) below 0. */
  alpha: z.number().min(0).default(1),
});

export const elu = defineNode({
  // [2] The kind is the Keras and tfjs class name, so a Keras or tfjs file naming it imports as this
  // kind, each config key read as the param of its camelCase name. What else a file may say goes in
  // `keras`: other class names (`aliases`), Keras 3 keywords that differ (`args`), settings netloom
  // cannot express (`refuse`: the layer stays an Unsupported node with that reason), entries read
  // another way (`read`). ELU's config is just { alpha }, so it needs none of them.
  kind: 'ELU',
  // [3] The category places it in the palette (and colours the node).
  category: 'activation',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  // [4] infer: output shapes, weight counts, MACs, diagnostics (with their fix) and formulas, from the
  // input shapes and params. Pure TypeScript, run on every edit; it must agree with what tfjs builds.
  infer: keepShape,
  // [5] layers: what the node compiles to, as Keras class names and tfjs configs. Every class named
  // here is a kind of that name, which writes it in exported code. A kind with weights adds
  // `weightShapes` (tfjs's names and shapes, checked against files before anything compiles).
  layers: ({ alpha }) => [{ className: 'ELU', config: { alpha } }],
  // [6] kernels: the tfjs kernels a training step runs beyond the basic ones, so a backend that lacks
  // one is named before training starts (tests/train/backend/catalog.test.ts profiles a step to check).
  kernels: () => ['Elu', 'EluGrad'],
  // [7] outputActivation: a layer that is one named activation says which; losses are chosen from the
  // activation a model's output comes out of (cross-entropy on probabilities, or from logits).
  outputActivation: 'elu',
  // [8] code: how exported code writes the layer, per language; a language left out gets its default
  // (`tf.layers.<factory>`, `layers.<ClassName>`). tfjs spells this factory `elu`, and its ELU refuses
  // alpha ≠ 1: then the file carries netloom's own ELU (src/compile/layers/elu.ts, which compile
  // registers) and builds it. Keras's own ELU takes alpha, so Python needs nothing here.
  code: {
    pytorch: ({ config }) => fn(`F.elu($0, ${py(config.alpha)})`),
    ts: (std, call) =>
      call.config.alpha === 1
        ? { ...std, callee: 'tf.layers.elu' }
        : ownLayerTs(std, call, 'elu', ["ELU with alpha other than 1, as netloom defines it (tfjs's own ELU computes alpha 1 only)."]),
  },
  // [9] caption: the short text on the node's face.
  caption: (p) => `α ${p.alpha}`,
  // [10] doc: the palette line and the inspector's help, in English and Korean.
  doc: {
    en: {
      title: 'ELU',
      summary: 'Like relu for positive values; below 0 it curves smoothly down to −alpha instead of stopping at 0.',
      detail:
        'Outputs x for x > 0 and alpha·(eˣ − 1) below 0, which approaches −alpha for very negative inputs. Negative inputs still pass a gradient, and the mean output stays closer to 0 than with relu, which can speed up training. Keras default alpha 1. The same function as the activation "elu", as a node of its own with its own alpha. No weights.',
    },
    ko: {
      title: 'ELU (지수 선형 유닛)',
      summary: '양수에서는 relu와 같고, 0보다 작으면 0에서 멈추지 않고 −alpha 쪽으로 부드럽게 내려갑니다.',
      detail:
        'x > 0이면 x를, 0보다 작으면 alpha·(eˣ − 1)을 내보냅니다. 아주 작은 음수에서는 −alpha에 가까워집니다. 음수 입력에도 기울기가 흐르고, 출력의 평균이 relu보다 0에 가까워 학습이 빨라지기도 합니다. Keras 기본 alpha는 1입니다. 활성화 함수 "elu"와 같은 함수를 alpha를 정할 수 있는 노드로 뗀 것입니다. 가중치는 없습니다.',
    },
  },
  // [11] conformance: inputs × params that tests/conformance.test.ts compiles with tfjs, checking the
  // inferred shapes and weight counts against what tfjs builds, and that it predicts and trains. The
  // export, import-round-trip, weight and kernel tests run over the same grid, so a new kind is tested
  // everywhere without touching a test.
  conformance: { inputs: ANY_RANK, params: [{}, { alpha: 0.5 }, { alpha: 2 }] },
});
