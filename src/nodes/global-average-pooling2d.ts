import { globalPoolingNode, globalPool } from './common/pooling.ts';

export const globalAveragePooling2d = globalPoolingNode('GlobalAveragePooling2D', {
  en: {
    title: 'GlobalAveragePooling2D',
    summary: 'Averages each channel over the whole map: [H, W, C] becomes [C] (no weights).',
    detail:
      'Replaces every channel by its mean over all positions, so the result no longer depends on the image size. A light alternative to Flatten before the final Dense layer (ResNet, MobileNet): it adds no weights and keeps the Dense layer small.',
  },
  ko: {
    title: 'GlobalAveragePooling2D (전역 평균 풀링)',
    summary: '채널마다 맵 전체의 평균을 냅니다: [H, W, C]가 [C]가 됩니다(가중치 없음).',
    detail:
      '채널 하나를 모든 위치에 걸친 평균값 하나로 바꾸므로, 결과가 이미지 크기와 상관없어집니다. 마지막 Dense 앞에서 Flatten 대신 쓰는 가벼운 방법입니다(ResNet, MobileNet). 가중치가 없고 뒤따르는 Dense 층도 작게 유지됩니다.',
  },
}, { aliases: ['GlobalAvgPool2D'], pytorch: globalPool('mean') });
