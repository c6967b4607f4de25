import { poolingNode, windowPool } from './common/pooling.ts';

export const maxPooling2d = poolingNode('MaxPooling2D', {
  en: {
    title: 'MaxPooling2D',
    summary: 'Shrinks a feature map by keeping the strongest value in each window (no weights).',
    detail:
      'Moves a poolSize window over every channel and keeps only its largest value, so a feature still counts when it shifts by a pixel or two. With the default (poolSize 2, strides = poolSize) height and width halve. Output size per axis: ⌊(N + 2p − k) / s⌋ + 1, or ⌈N / s⌉ with padding "same". The channel count does not change.',
  },
  ko: {
    title: 'MaxPooling2D (최대 풀링)',
    summary: '창마다 가장 큰 값만 남겨 특징 맵을 줄입니다(가중치 없음).',
    detail:
      'poolSize 크기의 창을 채널마다 옮겨 가며 그 안의 최댓값 하나만 남깁니다. 그래서 특징이 한두 픽셀 옮겨져도 그대로 잡힙니다. 기본값(poolSize 2, strides = poolSize)이면 높이와 너비가 절반이 됩니다. 축마다 출력 크기는 ⌊(N + 2p − k) / s⌋ + 1, padding이 "same"이면 ⌈N / s⌉입니다. 채널 수는 그대로입니다.',
  },
}, { kernels: ['MaxPool', 'MaxPoolGrad'], aliases: ['MaxPool2D'], pytorch: windowPool('max') });
