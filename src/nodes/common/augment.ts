/**
 * What the five augmentation node kinds share: they need an image, keep its
 * shape, have no weights, and take Keras's `seed` (and, for the geometric
 * ones, the fill settings). Their layers are ours (src/compile/layers/augment.ts),
 * and exported TypeScript carries them.
 */
import { z } from 'zod';
import type { CodeSource, InferResult, LayerWriter, Shape, TorchLayer } from '../spec.ts';
import { failed, needImage } from './checks.ts';
import { NO_WEIGHTS } from './shape.ts';
import { refineText } from '../../i18n/text.ts';
import { ownLayerTs } from './own-layer.ts';
import { py } from './torch.ts';

export const seed = z.number().int().min(0).max(2 ** 31 - 1).nullable().default(null);

export const fill = {
  /** How pixels that come from outside the image are filled (Keras default 'reflect'). */
  fillMode: z.enum(['reflect', 'wrap', 'constant', 'nearest']).default('reflect'),
  interpolation: z.enum(['bilinear', 'nearest']).default('bilinear'),
  /** The value outside the image when fillMode is 'constant'. */
  fillValue: z.number().min(-1e6).max(1e6).default(0),
};

/** Data in netloom is scaled to 0–1 (Keras's default range is 0–255). */
export const valueRange = z.tuple([z.number(), z.number()]).refine(([lo, hi]) => lo < hi, refineText('node.range.order')).default([0, 1]);

/** RandomBrightness and RandomContrast: a strength, the value range (results are clipped to it), a seed. */
export const photometric = z.object({ factor: z.number().min(0).max(1), valueRange, seed });

export function augmentInfer(kind: string) {
  return ([x]: Shape[]): InferResult => {
    const rank = needImage(kind, x!);
    if (rank) return failed(rank);
    return { outputs: [x!], weights: NO_WEIGHTS };
  };
}

/** TypeScript: tfjs has none of these layers, so the file carries netloom's. */
export const augmentTs: LayerWriter = (std, call) =>
  ownLayerTs(std, call, 'augment', [
    'Image augmentation layers tfjs does not have (Keras names and arguments), as netloom defines them:',
    'they change images only while training (model.fit) and pass them through when predicting.',
  ]);

/** Conformance inputs: feature maps of a few sizes and channel counts. */
export const AUGMENT_INPUTS: Shape[][] = [[[8, 8, 1]], [[6, 10, 3]], [[5, 5, 2]]];

/**
 * PyTorch: a module of AUGMENT_TORCH (maps held [batch, C, H, W]) with the
 * node's arguments; it changes images in train() mode only. `args` are
 * numbers and fixed words only.
 */
export function augmentTorch(className: string, args: Record<string, unknown>): TorchLayer {
  const text = Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${py(v)}`)
    .join(', ');
  return { module: `${className}(${text})`, forward: '$m($0)', sources: [AUGMENT_TORCH] };
}

/** The fill settings of RandomRotation and RandomZoom as PyTorch arguments. */
export const fillArgs = (c: Record<string, unknown>) => ({ fill_mode: c.fillMode, interpolation: c.interpolation, fill_value: c.fillValue, seed: c.seed });

/** The five augmentation layers for PyTorch, as netloom computes them (src/compile/layers/augment.ts). */
const AUGMENT_TORCH: CodeSource = {
  id: 'augment',
  code: String.raw`
class Augment(nn.Module):
    """netloom's image augmentation on a [batch, channels, height, width] map: random in train() mode, nothing
    in eval(). A seed makes the draws repeatable (its own generator), as in netloom."""

    def __init__(self, seed=None):
        super().__init__()
        self.generator = None if seed is None else torch.Generator().manual_seed(seed)

    def uniform(self, n, low, high, like):
        return (torch.rand(n, generator=self.generator) * (high - low) + low).to(like.device, like.dtype)

    def forward(self, x):
        return self.augment(x) if self.training else x


class RandomFlip(Augment):
    """Each image mirrored left-right and/or upside down, a coin per axis and per image."""

    def __init__(self, mode='horizontal_and_vertical', seed=None):
        super().__init__(seed)
        self.mode = mode

    def augment(self, x):
        for dim, used in ((3, self.mode != 'vertical'), (2, self.mode != 'horizontal')):
            if used:
                coin = (self.uniform(len(x), 0, 1, x) < 0.5).view(-1, 1, 1, 1)
                x = torch.where(coin, x.flip(dim), x)
        return x


class Warp(Augment):
    """Rotation and zoom: output pixel (u, v) reads input (a0 u + a1 v + a2, b0 u + b1 v + b2), filled as Keras's
    fill_mode says (reflect about the image's outer edges, wrap, nearest edge pixel, or constant fill_value)."""

    def __init__(self, fill_mode='reflect', interpolation='bilinear', fill_value=0.0, seed=None):
        super().__init__(seed)
        self.fill_mode, self.interpolation, self.fill_value = fill_mode, interpolation, fill_value

    def warp(self, x, rows):
        n, _, h, w = x.shape
        v, u = torch.meshgrid(torch.arange(h, dtype=x.dtype, device=x.device), torch.arange(w, dtype=x.dtype, device=x.device), indexing='ij')
        a = rows.view(n, 6, 1, 1)
        px = a[:, 0] * u + a[:, 1] * v + a[:, 2]
        py = a[:, 3] * u + a[:, 4] * v + a[:, 5]
        if self.fill_mode == 'wrap':
            px, py = self.wrap(px, w), self.wrap(py, h)
        # align_corners=False: -1 and 1 are the outer edges of the image, about which 'reflection' mirrors.
        grid = torch.stack(((2 * px + 1) / w - 1, (2 * py + 1) / h - 1), dim=-1)
        padding = {'reflect': 'reflection', 'nearest': 'border', 'wrap': 'border', 'constant': 'zeros'}[self.fill_mode]
        y = F.grid_sample(x, grid, mode=self.interpolation, padding_mode=padding, align_corners=False)
        if self.fill_mode == 'constant' and self.fill_value != 0:
            inside = F.grid_sample(torch.ones_like(x[:, :1]), grid, mode=self.interpolation, padding_mode='zeros', align_corners=False)
            y = y + self.fill_value * (1 - inside)
        return y


    @staticmethod
    def wrap(c, n):
        """TensorFlow's coordinate for fill_mode='wrap' (its own rule, kept so images match netloom's)."""
        if n <= 1:
            return torch.zeros_like(c)
        below = c + n * (torch.trunc(-c / (n - 1)) + 1)
        above = c - n * torch.trunc(c / (n - 1))
        return torch.where(c < 0, below, torch.where(c > n - 1, above, c)).clamp(0, n - 1)


class RandomRotation(Warp):
    """Each image turned about its centre by an angle from [-factor, factor] x a full turn."""

    def __init__(self, factor, **fill):
        super().__init__(**fill)
        self.factor = factor

    def augment(self, x):
        n, _, h, w = x.shape
        turn = self.factor * 2 * math.pi
        angle = self.uniform(n, -turn, turn, x)
        cos, sin = torch.cos(angle), torch.sin(angle)
        dx = (w - 1 - (cos * (w - 1) - sin * (h - 1))) / 2
        dy = (h - 1 - (sin * (w - 1) + cos * (h - 1))) / 2
        return self.warp(x, torch.stack((cos, -sin, dx, sin, cos, dy), dim=1))


class RandomZoom(Warp):
    """Each image zoomed about its centre by 1 + z, z from [-height_factor, height_factor] (positive: out),
    the width by its own draw or, without width_factor, by the same."""

    def __init__(self, height_factor, width_factor=None, **fill):
        super().__init__(**fill)
        self.height_factor, self.width_factor = height_factor, width_factor

    def augment(self, x):
        n, _, h, w = x.shape
        zy = self.uniform(n, 1 - self.height_factor, 1 + self.height_factor, x)
        zx = zy if self.width_factor is None else self.uniform(n, 1 - self.width_factor, 1 + self.width_factor, x)
        zero = torch.zeros_like(zx)
        return self.warp(x, torch.stack((zx, zero, (1 - zx) * (w - 1) / 2, zero, zy, (1 - zy) * (h - 1) / 2), dim=1))


class RandomBrightness(Augment):
    """Each image shifted by a value from [-factor, factor] x the width of value_range, then clipped to it."""

    def __init__(self, factor, value_range=(0, 1), seed=None):
        super().__init__(seed)
        self.factor, self.value_range = factor, value_range

    def augment(self, x):
        low, high = self.value_range
        spread = self.factor * (high - low)
        return torch.clamp(x + self.uniform(len(x), -spread, spread, x).view(-1, 1, 1, 1), low, high)


class RandomContrast(Augment):
    """Each image's channels stretched about their means by a factor from [1 - factor, 1 + factor], clipped to value_range."""

    def __init__(self, factor, value_range=(0, 1), seed=None):
        super().__init__(seed)
        self.factor, self.value_range = factor, value_range

    def augment(self, x):
        c = self.uniform(len(x), 1 - self.factor, 1 + self.factor, x).view(-1, 1, 1, 1)
        mean = x.mean(dim=(2, 3), keepdim=True)
        return torch.clamp((x - mean) * c + mean, *self.value_range)
`.trim(),
};
