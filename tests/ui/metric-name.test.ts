import i18next from 'i18next';
import { beforeAll, expect, test } from 'vitest';
import { train } from '../../src/i18n/strings/train.ts';
import { metricName } from '../../src/ui/train/metric-name.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { train: train.en }, ko: { train: train.ko } }, interpolation: { escapeValue: false } });
});

test('metric keys read as words, prefixes and the before-training suffix included', () => {
  const t = i18n.getFixedT('en');
  expect(metricName(t, 'acc')).toBe('accuracy');
  expect(metricName(t, 'val_acc')).toBe('validation accuracy');
  expect(metricName(t, 'test_pixel_distance')).toBe('test distance to real pixel statistics');
  expect(metricName(t, 'cycle_l1_at_start')).toBe('cycle L1 (there and back) before training');
  expect(metricName(t, 'val_meanIoU')).toBe('validation mean IoU');
});

test('Korean, and an unknown key shown as sent', () => {
  const t = i18n.getFixedT('ko');
  expect(metricName(t, 'l1_at_start')).toBe('학습 전 정답과의 L1 거리');
  expect(metricName(t, 'val_acc')).toBe('검증 정확도');
  expect(metricName(t, 'test_something_new')).toBe('테스트 something_new');
});
