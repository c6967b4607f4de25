import { z } from 'zod';
import { defineNode, type CodeSource, type NodeDiagnostic, type WeightShape } from './spec.ts';
import { py, torchDim } from './common/torch.ts';
import { fmtShape, int, size } from './common/params.ts';
import { failed } from './common/checks.ts';
import { isOff, shown } from './common/keras.ts';
import { msg, type Text, text } from '../i18n/text.ts';

const params = z.object({
  /** The axis whose entries get their own statistics, Keras-style (counts the batch axis; -1 = channels). */
  axis: int(-4, 4).default(-1),
  momentum: z.number().min(0).max(1).default(0.99),
  epsilon: z.number().positive().max(1).default(0.001),
  /** Learn a shift beta. */
  center: z.boolean().default(true),
  /** Learn a scale gamma. */
  scale: z.boolean().default(true),
});
export type BatchNormalizationParams = z.infer<typeof params>;

function axisError(said: { text: Text; message: string }): NodeDiagnostic {
  return { severity: 'error', code: 'bad-axis', param: 'axis', ...said, fix: { kind: 'set-param', param: 'axis', value: -1 } };
}

export const batchNormalization = defineNode({
  kind: 'BatchNormalization',
  category: 'norm',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const rank = x!.length;
    if (p.axis === 0) return failed(axisError(msg('node.bn.axis-batch')));
    const a = p.axis < 0 ? rank + p.axis : p.axis - 1; // Keras axis counts the batch axis
    if (a < 0 || a >= rank) return failed(axisError(msg('node.bn.axis-missing', { axis: String(p.axis), rank, shape: fmtShape(x!) })));
    if (rank > 3) {
      return failed({
        severity: 'error',
        code: 'unsupported-rank',
        ...msg('node.bn.rank', { shape: fmtShape(x!), rank }),
      });
    }
    const c = x![a];
    if (c === null || c === undefined) {
      return failed({ severity: 'error', code: 'unknown-channels', ...msg('node.bn.unknown-channels', { axis: String(p.axis), shape: fmtShape(x!) }) });
    }
    // tfjs 4.22 builds and predicts these, but throws on the first training step.
    const diagnostics: NodeDiagnostic[] = [];
    const off = (['center', 'scale'] as const).filter((k) => !p[k]);
    if (off.length) {
      diagnostics.push({
        severity: 'warning',
        code: 'tfjs-training-unsupported',
        param: off[0],
        ...msg(off.length === 2 ? 'node.bn.untrainable.both' : `node.bn.untrainable.${off[0]!}`),
        fix: { kind: 'set-param', param: off[0]!, value: true },
      });
    }
    if (a !== rank - 1) {
      diagnostics.push({
        severity: 'warning',
        code: 'tfjs-training-unsupported',
        param: 'axis',
        ...msg('node.bn.untrainable-axis', { axis: String(p.axis), shape: fmtShape(x!) }),
        fix: { kind: 'set-param', param: 'axis', value: -1 },
      });
    }
    return {
      outputs: [x!],
      diagnostics,
      weights: { trainable: (p.center ? c : 0) + (p.scale ? c : 0), nonTrainable: 2 * c },
      // When predicting it is one multiply-add per value (scale and shift folded together).
      macs: size(x!) ?? undefined,
    };
  },
  layers: ({ axis, momentum, epsilon, center, scale }) => [{ className: 'BatchNormalization', config: { axis, momentum, epsilon, center, scale } }],
  weightShapes(p, [x]) {
    const n = (p.axis < 0 ? x![x!.length + p.axis] : x![p.axis - 1]) ?? null;
    const out: WeightShape[] = [];
    if (p.scale) out.push(['gamma', [n]]);
    if (p.center) out.push(['beta', [n]]);
    return [...out, ['moving_mean', [n]], ['moving_variance', [n]]];
  },
  kernels: () => ['FusedBatchNorm'],
  code: {
    pytorch: ({ config: c, inputs: [x] }) => {
      const shape = x!;
      const axis = c.axis as number;
      const n = shape[axis < 0 ? shape.length + axis : axis - 1];
      // Keras's momentum is how much of the running average stays, PyTorch's how much the batch brings.
      const args = `${py(n)}, eps=${py(c.epsilon)}, momentum=${py(Number((1 - (c.momentum as number)).toPrecision(12)))}`;
      const weights = [
        ...(c.scale === false ? [] : [{ from: 'gamma', to: 'weight' }]),
        ...(c.center === false ? [] : [{ from: 'beta', to: 'bias' }]),
        { from: 'moving_mean', to: 'running_mean' },
        { from: 'moving_variance', to: 'running_var' },
      ];
      const dim = torchDim(axis, shape);
      const plain = c.scale !== false && c.center !== false;
      if (plain && shape.length === 3 && dim === 1) return { module: `nn.BatchNorm2d(${args})`, forward: '$m($0)', weights };
      if (plain && shape.length === 1) return { module: `nn.BatchNorm1d(${args})`, forward: '$m($0)', weights };
      const flags = `${c.scale === false ? ', scale=False' : ''}${c.center === false ? ', center=False' : ''}`;
      return { module: `BatchNorm(${args}, dim=${dim}${flags})`, forward: '$m($0)', weights, sources: [BATCH_NORM] };
    },
  },
  keras: {
    refuse(c) {
      if (!isOff(c.renorm)) return text('import.why.bn-renorm');
      if (!isOff(c.virtual_batch_size)) return text('import.why.bn-virtual-batch');
      if (!isOff(c.adjustment)) return text('import.why.bn-adjustment');
      // Keras 1: mode 0 is the usual layer; 1 normalizes each sample, 2 uses the batch's statistics when predicting too.
      if (c.mode !== undefined && c.mode !== 0) return text('import.why.bn-mode', { value: shown(c.mode) });
      return null;
    },
  },
  caption: (p) => (p.axis === -1 ? '' : `axis ${p.axis}`),
  doc: {
    en: {
      title: 'BatchNormalization',
      summary: 'Rescales each channel to mean 0 and variance 1 over the batch, then learns its own scale and shift.',
      detail:
        'While training it normalizes every channel with the mean and variance of the current batch and keeps running averages of both (momentum sets how slowly they move); when predicting it uses those averages. gamma (scale) and beta (center) let the network undo the normalization where that helps. Training becomes faster and steadier; DCGAN and ResNet use it after most convolutions. Weights per channel: 2 trained (gamma, beta) + 2 not trained (moving mean and variance).',
    },
    ko: {
      title: 'BatchNormalization (배치 정규화)',
      summary: '채널마다 배치의 평균을 0, 분산을 1로 맞춘 뒤, 자기만의 배율과 이동을 학습합니다.',
      detail:
        '학습할 때는 지금 배치의 평균과 분산으로 채널마다 정규화하고, 두 값의 이동 평균을 따로 기억합니다(momentum이 얼마나 천천히 바뀔지 정합니다). 예측할 때는 그 이동 평균을 씁니다. gamma(scale)와 beta(center)로 네트워크가 필요하면 정규화를 되돌릴 수 있습니다. 학습이 빠르고 안정적이 되어 DCGAN과 ResNet은 대부분의 합성곱 뒤에 둡니다. 채널마다 가중치: 학습되는 2개(gamma, beta) + 학습되지 않는 2개(이동 평균, 이동 분산).',
    },
  },
  conformance: {
    inputs: [[[6, 6, 4]], [[10]], [[5, 3]], [[null, null, 2]], [[2, 3, 4, 2]]],
    params: [{}, { center: false }, { scale: false }, { center: false, scale: false }, { axis: 1 }, { axis: -2 }, { momentum: 0.9, epsilon: 1e-5 }],
  },
});

/** BatchNormalization on any axis, with or without gamma and beta (nn.BatchNorm*d normalise dim 1 and learn both). */
const BATCH_NORM: CodeSource = {
  id: 'BatchNorm',
  code: String.raw`
class BatchNorm(nn.Module):
    """Keras's BatchNormalization on any axis: statistics per entry of dim over all other axes, with or without
    the learned scale (gamma, here weight) and shift (beta, here bias). momentum as PyTorch means it."""

    def __init__(self, num_features, eps=1e-3, momentum=0.01, dim=1, scale=True, center=True):
        super().__init__()
        self.eps, self.momentum, self.dim = eps, momentum, dim
        self.weight = nn.Parameter(torch.ones(num_features)) if scale else None
        self.bias = nn.Parameter(torch.zeros(num_features)) if center else None
        self.register_buffer('running_mean', torch.zeros(num_features))
        self.register_buffer('running_var', torch.ones(num_features))

    def forward(self, x):
        y = F.batch_norm(x.movedim(self.dim, 1), self.running_mean, self.running_var, self.weight, self.bias, self.training, self.momentum, self.eps)
        return y.movedim(1, self.dim)
`.trim(),
};
