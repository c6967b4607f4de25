import { globalPoolingNode, globalPool } from './common/pooling.ts';

export const globalMaxPooling2d = globalPoolingNode('GlobalMaxPooling2D', {
  en: {
    title: 'GlobalMaxPooling2D',
    summary: 'Keeps the largest value of each channel over the whole map: [H, W, C] becomes [C].',
    detail:
      'Answers, per channel, "did this feature appear anywhere, and how strongly?", ignoring where. Useful before a classifier when an object can be anywhere in the image. No weights.',
  },
  ko: {
    title: 'GlobalMaxPooling2D (전역 최대 풀링)',
    summary: '채널마다 맵 전체에서 가장 큰 값만 남깁니다: [H, W, C]가 [C]가 됩니다.',
    detail:
      '채널마다 "이 특징이 어디에든 나타났는가, 얼마나 강하게?"만 남기고 위치는 버립니다. 물체가 이미지 어디에나 있을 수 있는 분류 문제에서 분류기 앞에 쓰기 좋습니다. 가중치는 없습니다.',
  },
}, { aliases: ['GlobalMaxPool2D'], pytorch: globalPool('amax') });
