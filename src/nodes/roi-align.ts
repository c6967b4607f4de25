/**
 * RoIAlign: stage 2's input in a two-stage detector. Crops every box (in1,
 * [K, ≥4]: x1, y1, x2, y2 as fractions of the image) out of the shared
 * feature map (in0, [H, W, C]) to poolSize × poolSize bins: [K, P, P, C].
 * Its layer is netloom's own (src/compile/layers/detection.ts).
 */
import { z } from 'zod';
import { defineNode } from './spec.ts';
import { fmtShape, int } from './common/params.ts';
import { failed, needImage } from './common/checks.ts';
import { NO_WEIGHTS } from './common/shape.ts';
import { ownLayerTs } from './common/own-layer.ts';
import { msg } from '../i18n/text.ts';
import { DETECTION_KERAS_NOTE, DETECTION_TORCH } from './common/detection-code.ts';
import { fn, py } from './common/torch.ts';

const params = z.object({
  /** Bins per side of every crop (P). */
  poolSize: int(1, 32).default(4),
  /** Bilinear samples per bin side, averaged. */
  samplingRatio: int(1, 8).default(2),
});

export const roiAlign = defineNode({
  kind: 'RoIAlign',
  category: 'detect',
  params,
  inputs: { min: 2, max: 2 },
  outputs: 1,
  infer([map, boxes], p) {
    const image = needImage('RoIAlign', map!, 0);
    if (image) return failed(image);
    if (boxes!.length !== 2 || (boxes![1] !== null && boxes![1]! < 4)) {
      return failed({ severity: 'error', code: 'rank-mismatch', port: 1, ...msg('node.roi-align.boxes', { shape: fmtShape(boxes!) }) });
    }
    const [h, w, c] = map!;
    const k = boxes![0] ?? null;
    const known = [h, w, c, k].every((d) => d !== null);
    // Per image: the rows pass reads the map once per box row, the columns pass once per bin.
    const macs = known ? k! * p.poolSize * c! * w! * (h! + p.poolSize) : undefined;
    return { outputs: [[k, p.poolSize, p.poolSize, c ?? null]], weights: NO_WEIGHTS, ...(macs !== undefined ? { macs } : {}) };
  },
  layers: ({ poolSize, samplingRatio }) => [{ className: 'RoIAlign', config: { poolSize, samplingRatio } }],
  code: {
    ts: (std, call) => ownLayerTs(std, call, 'detection', ["DefaultBoxes, RegionProposals and RoIAlign as netloom defines them (tfjs has no such layers)."]),
    keras: DETECTION_KERAS_NOTE,
    pytorch: ({ config }) => fn(`roi_align($0, $1, ${py(config.poolSize ?? 4)}, ${py(config.samplingRatio ?? 2)})`, { sources: [DETECTION_TORCH] }),
  },
  caption: (p) => `${p.poolSize}×${p.poolSize}`,
  doc: {
    en: {
      title: 'RoIAlign',
      summary: 'Crops every region of interest out of the shared feature map to a fixed size.',
      detail:
        'Stage 2 of a two-stage detector looks at each proposal separately, but proposals come in every size: RoIAlign cuts each box (in1) out of the feature map the backbone computed once for the whole image (in0) and resamples it to poolSize × poolSize bins, each the mean of samplingRatio² bilinear samples (Mask R-CNN\'s RoIAlign: no rounding to whole cells, unlike the first RoI pooling). Output [K, P, P, C]: one small feature map per box, which the RoI head classifies and refines. Sharing the backbone\'s map is what made Fast R-CNN much faster than R-CNN, which ran the CNN once per region. The gradient flows into the feature map, not into the boxes. No weights.',
    },
    ko: {
      title: 'RoIAlign (관심 영역 정렬)',
      summary: '공유 특징 맵에서 관심 영역마다 같은 크기로 잘라 냅니다.',
      detail:
        '2단계 검출기의 2단계는 제안을 하나씩 따로 보는데, 제안의 크기는 제각각입니다. RoIAlign은 백본이 이미지 전체에 대해 한 번 계산한 특징 맵(in0)에서 상자(in1)마다 그 영역을 잘라 poolSize × poolSize 칸으로 다시 샘플링합니다. 칸 하나는 쌍선형 샘플 samplingRatio²개의 평균입니다(Mask R-CNN의 RoIAlign: 처음 나온 RoI 풀링과 달리 칸 경계를 정수로 반올림하지 않습니다). 출력은 [K, P, P, C]로 상자마다 작은 특징 맵 하나이며, RoI 헤드가 이것을 분류하고 상자를 다듬습니다. 백본의 특징 맵을 함께 쓰는 덕분에 Fast R-CNN은 영역마다 CNN을 다시 돌리던 R-CNN보다 훨씬 빨라졌습니다. 기울기는 특징 맵으로 흐르고 상자로는 흐르지 않습니다. 가중치는 없습니다.',
    },
  },
  conformance: {
    inputs: [
      [[8, 8, 4], [6, 5]],
      [[16, 16, 2], [3, 4]],
      [[5, 7, 3], [2, 5]],
      [[8, 8, 4], [6, 3]],
    ],
    params: [{}, { poolSize: 2, samplingRatio: 1 }, { poolSize: 3 }],
  },
});
