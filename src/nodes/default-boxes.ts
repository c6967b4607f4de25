/**
 * DefaultBoxes: SSD's default boxes / Faster R-CNN's anchors. Turns a
 * detection head's feature map [H, W, A·k] into one row per box,
 * [H·W·A, k + 4]: the head's k values for that box, then the box (x1, y1,
 * x2, y2 as fractions of the image). Its layer is netloom's own
 * (src/compile/layers/detection.ts).
 */
import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fmtShape } from './common/params.ts';
import { failed, needImage } from './common/checks.ts';
import { NO_WEIGHTS } from './common/shape.ts';
import { ownLayerTs } from './common/own-layer.ts';
import { msg } from '../i18n/text.ts';
import { DETECTION_KERAS_NOTE, DETECTION_TORCH } from './common/detection-code.ts';
import { fn, py } from './common/torch.ts';

const params = z.object({
  /** Box sides as fractions of the image side (SSD's scales). */
  sizes: z.array(z.number().gt(0).max(2)).min(1).max(8).default([0.25]),
  /** Width ÷ height of the boxes at every size. */
  aspectRatios: z.array(z.number().min(0.05).max(20)).min(1).max(8).default([1]),
});

const perCell = (p: z.infer<typeof params>) => p.sizes.length * p.aspectRatios.length;

export const defaultBoxes = defineNode({
  kind: 'DefaultBoxes',
  category: 'detect',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const image = needImage('DefaultBoxes', x!);
    if (image) return failed(image);
    const [h, w, c] = x! as [number | null, number | null, number | null];
    const a = perCell(p);
    if (c !== null && c % a !== 0) {
      return failed({
        severity: 'error',
        code: 'channels-split',
        port: 0,
        ...msg('node.default-boxes.split', { boxes: a, sizes: p.sizes.length, ratios: p.aspectRatios.length, channels: c, shape: fmtShape(x!) }),
      });
    }
    return { outputs: [[h === null || w === null ? null : h * w * a, c === null ? null : c / a + 4]], weights: NO_WEIGHTS, macs: 0 };
  },
  layers: ({ sizes, aspectRatios }) => [{ className: 'DefaultBoxes', config: { sizes, aspectRatios } }],
  code: {
    ts: (std, call) => ownLayerTs(std, call, 'detection', ["DefaultBoxes, RegionProposals and RoIAlign as netloom defines them (tfjs has no such layers)."]),
    keras: DETECTION_KERAS_NOTE,
    pytorch: ({ config }) => fn(`default_boxes($0, ${py(config.sizes ?? [0.25])}, ${py(config.aspectRatios ?? [1])})`, { sources: [DETECTION_TORCH] }),
  },
  caption: (p) => `${perCell(p)} / cell`,
  doc: {
    en: {
      title: 'DefaultBoxes',
      summary: 'Anchors / default boxes: one row per box the head predicts, with the box itself.',
      detail:
        'Every cell of the head\'s feature map gets the same A boxes centred on it, one per size and aspect ratio (A = sizes × aspectRatios; a box of size s and ratio r is s·√r wide and s/√r high, as a fraction of the image). The head\'s channels are split into A groups of k values, and each becomes a row: the k values, then the box as x1, y1, x2, y2. SSD calls them default boxes, Faster R-CNN anchors: the head predicts how to move and stretch each box (4 deltas) and what is in it. Bigger boxes belong on coarser feature maps. No weights.',
    },
    ko: {
      title: 'DefaultBoxes (기본 상자·앵커)',
      summary: '앵커(기본 상자): 헤드가 예측하는 상자마다 한 행, 그 상자와 함께.',
      detail:
        '헤드 특징 맵의 칸마다 그 칸을 중심으로 하는 같은 상자 A개를 둡니다. 크기와 가로세로 비율마다 하나씩입니다(A = sizes × aspectRatios. 크기 s, 비율 r인 상자는 너비 s·√r, 높이 s/√r이고 이미지에 대한 비율입니다). 헤드의 채널을 값 k개씩 A묶음으로 나눠 각각 한 행으로 만듭니다: 값 k개, 그다음 상자의 x1, y1, x2, y2. SSD는 기본 상자, Faster R-CNN은 앵커라고 부릅니다. 헤드는 상자를 얼마나 옮기고 늘일지(보정값 4개)와 그 안에 무엇이 있는지를 예측합니다. 큰 상자는 더 거친 특징 맵에 둡니다. 가중치는 없습니다.',
    },
  },
  starter: { sizes: [0.25], aspectRatios: [1, 2, 0.5] },
  conformance: {
    inputs: [[[8, 8, 24]], [[4, 4, 12]], [[3, 5, 6]], [[null, null, 6]]],
    params: [{ sizes: [0.25], aspectRatios: [1, 2, 0.5] }, { sizes: [0.2, 0.4], aspectRatios: [1] }, {}, { sizes: [0.3], aspectRatios: [1, 2, 0.5, 3, 0.33] }],
  },
});
