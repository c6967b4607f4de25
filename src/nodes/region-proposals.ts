/**
 * RegionProposals: stage 1 of a two-stage detector (Faster R-CNN). From the
 * rows of an RPN head (4 box deltas, 1 objectness logit, the anchor), the K
 * best boxes after decoding, clipping and non-max suppression: [K, 5] =
 * x1, y1, x2, y2, objectness. Its layer is netloom's own
 * (src/compile/layers/detection.ts).
 */
import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fmtShape, int } from './common/params.ts';
import { failed } from './common/checks.ts';
import { NO_WEIGHTS } from './common/shape.ts';
import { ownLayerTs } from './common/own-layer.ts';
import { msg } from '../i18n/text.ts';
import { DETECTION_KERAS_NOTE, DETECTION_TORCH } from './common/detection-code.ts';
import { fn, py } from './common/torch.ts';

const params = z.object({
  /** How many boxes go on to stage 2 (K). */
  proposals: int(1, 1000).default(32),
  /** Non-max suppression: a box overlapping a better one by more than this IoU is dropped. */
  iouThreshold: z.number().min(0).max(1).default(0.7),
  /** Only this many best-scoring boxes go into non-max suppression. */
  preNms: int(1, 100_000).default(300),
});

export const regionProposals = defineNode({
  kind: 'RegionProposals',
  category: 'detect',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    if (x!.length !== 2 || x![1] !== 9) {
      return failed({ severity: 'error', code: 'rank-mismatch', port: 0, ...msg('node.region-proposals.rows', { shape: fmtShape(x!) }) });
    }
    return { outputs: [[p.proposals, 5]], weights: NO_WEIGHTS, macs: 0 };
  },
  layers: ({ proposals, iouThreshold, preNms }) => [{ className: 'RegionProposals', config: { proposals, iouThreshold, preNms } }],
  code: {
    ts: (std, call) => ownLayerTs(std, call, 'detection', ["DefaultBoxes, RegionProposals and RoIAlign as netloom defines them (tfjs has no such layers)."]),
    keras: DETECTION_KERAS_NOTE,
    pytorch: ({ config }) => fn(`region_proposals($0, ${py(config.proposals ?? 32)}, ${py(config.iouThreshold ?? 0.7)}, ${py(config.preNms ?? 300)})`, { sources: [DETECTION_TORCH] }),
  },
  caption: (p) => `${p.proposals} · NMS ${p.iouThreshold}`,
  doc: {
    en: {
      title: 'RegionProposals',
      summary: 'Stage 1 of a two-stage detector: the K boxes most likely to hold an object.',
      detail:
        'Reads the rows of a Region Proposal Network (4 box deltas, an objectness score and the anchor, as DefaultBoxes gives them), moves every anchor by its deltas, clips it to the image, keeps the preNms best by objectness, drops any box overlapping a better one by more than iouThreshold (non-max suppression), and passes the best `proposals` on as [K, 5]: x1, y1, x2, y2 (fractions of the image) and the objectness. These are the regions of interest (RoIs) stage 2 classifies. More proposals find more objects but cost more time per image. A selection, not a calculation with a gradient: the boxes are constants for what follows (Faster R-CNN\'s approximate joint training). No weights.',
    },
    ko: {
      title: 'RegionProposals (영역 제안)',
      summary: '2단계 검출기의 1단계: 물체가 있을 법한 상자 K개.',
      detail:
        'RPN(영역 제안 네트워크)의 행(상자 보정값 4개, 물체일 점수, 앵커. DefaultBoxes가 주는 모양)을 읽어, 앵커를 보정값만큼 옮기고 이미지 안으로 자른 뒤, 물체일 점수가 높은 preNms개를 남기고, 더 좋은 상자와 iouThreshold보다 많이 겹치는 상자를 지운 다음(NMS, 비최대 억제), 가장 좋은 proposals개를 [K, 5]로 넘깁니다: x1, y1, x2, y2(이미지에 대한 비율)와 물체일 점수. 이것이 2단계가 분류할 관심 영역(RoI)입니다. 제안이 많을수록 물체를 더 찾지만 이미지 한 장에 드는 시간도 늘어납니다. 기울기가 있는 계산이 아니라 고르는 일이라, 뒤에서는 이 상자들이 상수입니다(Faster R-CNN의 근사 공동 학습). 가중치는 없습니다.',
    },
  },
  conformance: {
    inputs: [[[64, 9]], [[10, 9]], [[null, 9]], [[10, 8]]],
    params: [{}, { proposals: 4 }, { proposals: 8, iouThreshold: 0.5, preNms: 20 }],
  },
});
