/**
 * How the Keras export writes the detector layers (DefaultBoxes,
 * RegionProposals, RoIAlign), which Keras does not have: the file defines
 * them with keras.ops, computing what netloom's tfjs layers compute
 * (src/compile/layers/detection.ts; tests/codegen/keras-python.test.ts runs
 * them under numpy against tfjs), and says so in a note at its head.
 */
import type { CodeSource, LayerWriter } from '../spec.ts';

export const DETECTION_PY: CodeSource = {
  id: 'netloom_detection_layers',
  imports: ['import numpy as np', 'from keras import ops'],
  code: String.raw`
class DefaultBoxes(keras.layers.Layer):
    """netloom's DefaultBoxes (SSD's default boxes, Faster R-CNN's anchors): a head's feature map
    [H, W, A*k] becomes one row per box, [H*W*A, k + 4]: the k values, then the box x1, y1, x2, y2 as
    fractions of the image. Each cell holds A = sizes x aspect_ratios boxes centred on it; a box of size s
    and ratio r is s*sqrt(r) wide and s/sqrt(r) high."""

    def __init__(self, sizes=(0.25,), aspect_ratios=(1.0,), **kwargs):
        super().__init__(**kwargs)
        self.sizes = list(sizes)
        self.aspect_ratios = list(aspect_ratios)

    def boxes(self, rows, cols):
        out = []
        for r in range(rows):
            for c in range(cols):
                cx, cy = (c + 0.5) / cols, (r + 0.5) / rows
                for s in self.sizes:
                    for ratio in self.aspect_ratios:
                        w, h = s * ratio ** 0.5, s / ratio ** 0.5
                        out.append([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
        return np.array(out, 'float32')

    def call(self, x):
        _, rows, cols, channels = x.shape
        a = len(self.sizes) * len(self.aspect_ratios)
        values = ops.reshape(x, (-1, rows * cols * a, channels // a))
        boxes = ops.cast(ops.convert_to_tensor(self.boxes(rows, cols)), values.dtype)
        return ops.concatenate([values, ops.broadcast_to(boxes[None], (ops.shape(values)[0], rows * cols * a, 4))], axis=-1)

    def compute_output_shape(self, input_shape):
        batch, rows, cols, channels = input_shape
        a = len(self.sizes) * len(self.aspect_ratios)
        return (batch, rows * cols * a, channels // a + 4)

    def get_config(self):
        return {**super().get_config(), 'sizes': self.sizes, 'aspect_ratios': self.aspect_ratios}


def decode_box_deltas(anchors, deltas):
    """Boxes x1, y1, x2, y2 from anchors (the same) and deltas (dx, dy, dw, dh), variances 0.1 and 0.2."""
    aw, ah = anchors[..., 2] - anchors[..., 0], anchors[..., 3] - anchors[..., 1]
    cx = anchors[..., 0] + aw / 2 + deltas[..., 0] * 0.1 * aw
    cy = anchors[..., 1] + ah / 2 + deltas[..., 1] * 0.1 * ah
    w = aw * ops.exp(ops.minimum(deltas[..., 2] * 0.2, np.log(1000 / 16)))
    h = ah * ops.exp(ops.minimum(deltas[..., 3] * 0.2, np.log(1000 / 16)))
    return ops.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=-1)


def box_iou(a, b):
    """IoU of x1, y1, x2, y2 boxes, broadcasting a against b (0 where either is empty)."""
    w = ops.minimum(a[..., 2], b[..., 2]) - ops.maximum(a[..., 0], b[..., 0])
    h = ops.minimum(a[..., 3], b[..., 3]) - ops.maximum(a[..., 1], b[..., 1])
    inter = ops.where((w > 0) & (h > 0), w * h, 0.0)
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
    return ops.where(inter > 0, inter / (area_a + area_b - inter + 1e-12), 0.0)


class RegionProposals(keras.layers.Layer):
    """netloom's RegionProposals (stage 1 of Faster R-CNN): rows of 4 deltas, 1 objectness logit and the
    anchor become the best proposals [K, 5] = x1, y1, x2, y2, objectness: decoded, clipped to the image,
    the pre_nms best by score, then greedy non-max suppression at iou_threshold; zero rows when fewer
    survive. No gradient flows through the selection (the proposals are constants for the RoI head)."""

    def __init__(self, proposals=32, iou_threshold=0.7, pre_nms=300, **kwargs):
        super().__init__(**kwargs)
        self.proposals = proposals
        self.iou_threshold = iou_threshold
        self.pre_nms = pre_nms

    def call(self, rows):
        rows = ops.stop_gradient(rows)
        take = min(rows.shape[1], max(self.proposals, self.pre_nms))
        scores, order = ops.top_k(ops.sigmoid(rows[..., 4]), k=take)
        picked = ops.take_along_axis(rows, ops.expand_dims(order, -1), axis=1)
        boxes = ops.clip(decode_box_deltas(picked[..., 5:9], picked[..., :4]), 0.0, 1.0)
        alive = (boxes[..., 2] > boxes[..., 0]) & (boxes[..., 3] > boxes[..., 1])
        index = ops.arange(take)
        out = []
        for _ in range(self.proposals):
            best = ops.argmax(ops.where(alive, scores, -1.0), axis=1)
            found = ops.take_along_axis(alive, best[:, None], axis=1)
            box = ops.take_along_axis(boxes, best[:, None, None], axis=1)[:, 0]
            score = ops.take_along_axis(scores, best[:, None], axis=1)
            out.append(ops.where(found, ops.concatenate([box, score], axis=-1), 0.0))
            alive = alive & found & (box_iou(box[:, None], boxes) <= self.iou_threshold) & (index[None] != best[:, None])
        return ops.stack(out, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.proposals, 5)

    def get_config(self):
        return {**super().get_config(), 'proposals': self.proposals, 'iou_threshold': self.iou_threshold, 'pre_nms': self.pre_nms}


class RoIAlign(keras.layers.Layer):
    """netloom's RoIAlign: every box of the second input (x1, y1, x2, y2 as fractions of the image) cut out
    of the feature map (first input) into pool_size x pool_size bins, each the mean of sampling_ratio^2
    bilinear samples at regular points (half-pixel centres, samples beyond the map read its edge):
    [K, P, P, C]. The gradient flows into the feature map, not into the boxes."""

    def __init__(self, pool_size=4, sampling_ratio=2, **kwargs):
        super().__init__(**kwargs)
        self.pool_size = pool_size
        self.sampling_ratio = sampling_ratio

    def weights_along(self, u1, u2, size):
        points = (ops.arange(self.pool_size, dtype='float32')[:, None] + (ops.arange(self.sampling_ratio, dtype='float32')[None] + 0.5) / self.sampling_ratio) / self.pool_size
        y = (u1[..., None, None] + points * (u2 - u1)[..., None, None]) * size - 0.5
        inside = ops.cast((y >= -1) & (y <= size), 'float32')
        y = ops.clip(y, 0.0, size - 1.0)
        w = ops.maximum(0.0, 1 - ops.abs(y[..., None] - ops.arange(size, dtype='float32')))
        return ops.mean(w * inside[..., None], axis=3)

    def call(self, inputs):
        feature_map, boxes = inputs
        boxes = ops.cast(ops.stop_gradient(boxes), 'float32')
        _, height, width, _ = feature_map.shape
        wy = self.weights_along(boxes[..., 1], boxes[..., 3], height)
        wx = self.weights_along(boxes[..., 0], boxes[..., 2], width)
        return ops.einsum('bkph,bhwc,bkqw->bkpqc', ops.cast(wy, feature_map.dtype), feature_map, ops.cast(wx, feature_map.dtype))

    def compute_output_shape(self, input_shape):
        feature_map, boxes = input_shape
        return (feature_map[0], boxes[1], self.pool_size, self.pool_size, feature_map[3])

    def get_config(self):
        return {**super().get_config(), 'pool_size': self.pool_size, 'sampling_ratio': self.sampling_ratio}
`.trim(),
};

/** The Keras writing of all three: the class the file defines (Keras has none), with a note at the file's head. */
export const DETECTION_KERAS_NOTE: LayerWriter = (std, call) => ({
  callee: call.className,
  args: std.args,
  source: DETECTION_PY,
  note: 'DefaultBoxes, RegionProposals and RoIAlign: Keras has no such layers; this file defines them with keras.ops, computing what netloom computes.',
});

/**
 * The same three layers for the PyTorch export, as functions (no weights):
 * forward() holds a feature map channels first, so DefaultBoxes and
 * RoIAlign turn it channels last before they read it; rows stay as they are.
 */
export const DETECTION_TORCH: CodeSource = {
  id: 'netloom_detection_torch',
  code: String.raw`
def default_boxes(x, sizes, ratios):
    """netloom's DefaultBoxes: a head [batch, A*k, H, W] becomes rows [batch, H*W*A, k + 4], each the k values of one
    box, then the box (x1, y1, x2, y2 as fractions of the image); A = sizes x ratios boxes centred on every cell."""
    x = x.permute(0, 2, 3, 1)
    batch, rows, cols, channels = x.shape
    corners = []
    for r in range(rows):
        for c in range(cols):
            cx, cy = (c + 0.5) / cols, (r + 0.5) / rows
            for s in sizes:
                for ratio in ratios:
                    w, h = s * ratio ** 0.5, s / ratio ** 0.5
                    corners.append([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
    a = len(sizes) * len(ratios)
    boxes = torch.tensor(corners, dtype=x.dtype, device=x.device)
    values = x.reshape(batch, rows * cols * a, channels // a)
    return torch.cat([values, boxes.expand(batch, -1, -1)], dim=2)


def decode_box_deltas(anchors, deltas):
    """Boxes x1, y1, x2, y2 from anchors and deltas (dx, dy, dw, dh), variances 0.1 and 0.2."""
    aw, ah = anchors[..., 2] - anchors[..., 0], anchors[..., 3] - anchors[..., 1]
    cx = anchors[..., 0] + aw / 2 + deltas[..., 0] * 0.1 * aw
    cy = anchors[..., 1] + ah / 2 + deltas[..., 1] * 0.1 * ah
    w = aw * torch.exp(torch.clamp(deltas[..., 2] * 0.2, max=math.log(1000 / 16)))
    h = ah * torch.exp(torch.clamp(deltas[..., 3] * 0.2, max=math.log(1000 / 16)))
    return torch.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], dim=-1)


def box_iou(a, b):
    """IoU of one x1, y1, x2, y2 box against many (0 where either is empty)."""
    w = torch.clamp(torch.minimum(a[2], b[:, 2]) - torch.maximum(a[0], b[:, 0]), min=0)
    h = torch.clamp(torch.minimum(a[3], b[:, 3]) - torch.maximum(a[1], b[:, 1]), min=0)
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1]) - inter
    return torch.where(inter > 0, inter / union, torch.zeros_like(inter))


def region_proposals(rows, count, iou_threshold, pre_nms):
    """netloom's RegionProposals: rows [batch, N, 9] (4 deltas, objectness logit, anchor) become the best proposals
    [batch, count, 5] (x1, y1, x2, y2, objectness): decoded, clipped to the image, the best max(count, pre_nms) by
    score, boxes with no area dropped, greedy NMS; zero rows when fewer survive. No gradient flows through them."""
    rows = rows.detach()
    out = torch.zeros(rows.shape[0], count, 5, dtype=rows.dtype, device=rows.device)
    take = min(rows.shape[1], max(count, pre_nms))
    for i in range(rows.shape[0]):
        order = torch.sort(-rows[i, :, 4], stable=True).indices[:take]
        picked = rows[i, order]
        boxes = torch.clamp(decode_box_deltas(picked[:, 5:9], picked[:, :4]), 0.0, 1.0)
        alive = (boxes[:, 2] > boxes[:, 0]) & (boxes[:, 3] > boxes[:, 1])
        boxes, scores = boxes[alive], torch.sigmoid(picked[alive, 4])
        kept = []
        for j in range(boxes.shape[0]):
            if len(kept) == count:
                break
            if kept and bool((box_iou(boxes[j], boxes[kept]) > iou_threshold).any()):
                continue
            out[i, len(kept), :4] = boxes[j]
            out[i, len(kept), 4] = scores[j]
            kept.append(j)
    return out


def roi_weights(u1, u2, size, bins, ratio):
    """RoIAlign's sampling along one axis for K boxes: [K, bins, size], each bin the mean of ratio bilinear samples."""
    points = (torch.arange(bins, dtype=u1.dtype)[:, None] + (torch.arange(ratio, dtype=u1.dtype)[None] + 0.5) / ratio) / bins
    y = (u1[:, None, None] + points * (u2 - u1)[:, None, None]) * size - 0.5
    inside = ((y >= -1) & (y <= size)).to(u1.dtype)
    y = torch.clamp(y, 0.0, size - 1.0)
    w = torch.clamp(1 - torch.abs(y[..., None] - torch.arange(size, dtype=u1.dtype)), min=0)
    return (w * inside[..., None]).mean(dim=2)


def roi_align(feature_map, boxes, pool_size, sampling_ratio):
    """netloom's RoIAlign: every box (x1, y1, x2, y2 as fractions of the image) cut out of the feature map
    [batch, C, H, W] into pool_size x pool_size bins of sampling_ratio^2 bilinear samples: [batch, K, P, P, C]."""
    fmap = feature_map.permute(0, 2, 3, 1)
    _, height, width, _ = fmap.shape
    boxes = boxes.detach().to(fmap.dtype)
    batch, k, depth = boxes.shape
    flat = boxes.reshape(batch * k, depth)
    wy = roi_weights(flat[:, 1], flat[:, 3], height, pool_size, sampling_ratio).reshape(batch, k, pool_size, height)
    wx = roi_weights(flat[:, 0], flat[:, 2], width, pool_size, sampling_ratio).reshape(batch, k, pool_size, width)
    return torch.einsum('bkph,bhwc,bkqw->bkpqc', wy, fmap, wx)
`.trim(),
};
