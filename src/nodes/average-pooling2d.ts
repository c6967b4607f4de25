import { poolingNode, windowPool } from './common/pooling.ts';

export const averagePooling2d = poolingNode('AveragePooling2D', {
  en: {
    title: 'AveragePooling2D',
    summary: 'Shrinks a feature map by averaging each window (no weights).',
    detail:
      'Moves a poolSize window over every channel and writes the mean of the values inside it: a smoother downsampling than max pooling, as in LeNet. Output size per axis: ⌊(N + 2p − k) / s⌋ + 1, or ⌈N / s⌉ with padding "same"; strides default to poolSize. With an explicit padding number the added zeros take part in the mean.',
  },
  ko: {
    title: 'AveragePooling2D (평균 풀링)',
    summary: '창마다 평균을 내어 특징 맵을 줄입니다(가중치 없음).',
    detail:
      'poolSize 크기의 창을 채널마다 옮겨 가며 창 안 값들의 평균을 씁니다. LeNet처럼 최대 풀링보다 부드럽게 크기를 줄입니다. 축마다 출력 크기는 ⌊(N + 2p − k) / s⌋ + 1, padding이 "same"이면 ⌈N / s⌉이며, strides를 비워 두면 poolSize와 같습니다. padding에 숫자를 주면 덧붙인 0도 평균에 들어갑니다.',
  },
}, { kernels: ['AvgPool', 'AvgPoolGrad'], aliases: ['AvgPool2D'], pytorch: windowPool('avg') });
