import { z } from 'zod';
import { defineNode, type CodeSource } from './spec.ts';
import { py } from './common/torch.ts';
import { ANY_RANK, keepShape } from './common/shape.ts';

const params = z.object({
  /** Standard deviation of the noise added while training. */
  stddev: z.number().min(0).max(10),
});

export const gaussianNoise = defineNode({
  kind: 'GaussianNoise',
  category: 'regularize',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer: keepShape,
  layers: ({ stddev }) => [{ className: 'GaussianNoise', config: { stddev } }],
  code: { pytorch: ({ config }) => ({ module: `GaussianNoise(${py(config.stddev)})`, forward: '$m($0)', sources: [GAUSSIAN_NOISE] }) },
  caption: (p) => `σ ${p.stddev}`,
  doc: {
    en: {
      title: 'GaussianNoise',
      summary: 'While training, adds random noise with standard deviation stddev.',
      detail:
        'Adds values drawn from a normal distribution (mean 0, standard deviation `stddev`) on every training step and nothing at prediction time. Placed right after the Input of an autoencoder it turns it into a denoising autoencoder: the model must rebuild the clean image from a noisy one. Shape and weights are unchanged.',
    },
    ko: {
      title: 'GaussianNoise (가우시안 잡음)',
      summary: '학습하는 동안 표준편차 stddev인 무작위 잡음을 더합니다.',
      detail:
        '학습 단계마다 평균 0, 표준편차 `stddev`인 정규분포에서 뽑은 값을 더하고, 예측할 때는 더하지 않습니다. 오토인코더의 Input 바로 뒤에 두면 잡음 낀 이미지에서 깨끗한 이미지를 되살려야 하는 잡음 제거 오토인코더가 됩니다. 모양과 가중치는 바뀌지 않습니다.',
    },
  },
  starter: { stddev: 0.2 },
  conformance: { inputs: ANY_RANK, params: [{ stddev: 0.1 }, { stddev: 0 }, { stddev: 1 }] },
});

/** GaussianNoise for PyTorch, which has no such layer: noise in train() mode only. */
const GAUSSIAN_NOISE: CodeSource = {
  id: 'GaussianNoise',
  code: String.raw`
class GaussianNoise(nn.Module):
    """Keras's GaussianNoise: adds normal noise (mean 0, standard deviation stddev) while training, nothing in eval()."""

    def __init__(self, stddev):
        super().__init__()
        self.stddev = stddev

    def forward(self, x):
        return x + torch.randn_like(x) * self.stddev if self.training else x
`.trim(),
};
