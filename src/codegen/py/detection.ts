/**
 * Python for the detection task: netloom's grid detection loss written out
 * with keras.ops (Keras has no loss that fits), the box targets, and mAP@0.5
 * as netloom measures it (decoding, per-class NMS, VOC average precision).
 * Fixed text, no user text. tests/codegen/keras-numeric.test.ts runs them
 * under numpy and compares with src/train/losses.ts and src/train/detect/.
 */

/** detection_loss(y_true, y_pred): the same sum as detectionLoss (λobj 1, λnoobj 0.5, λcoord 5, λcls 1). */
export const DETECTION_LOSS = String.raw`
def detection_loss(y_true, y_pred):
    """netloom's grid detection loss (YOLO v1 style). Both are [batch, S, S, 5 + classes]: per cell
    objectness, x, y, w, h, then a score per class. y_pred holds raw scores (logits); y_true holds
    encode_boxes() targets. Per image, summed over cells:
      objectness: binary cross-entropy from logits, x1 where an object is, x0.5 where none is;
      box: squared error of sigmoid(x, y, w, h) against the targets, x5, where an object is;
      class: cross-entropy of softmax(class scores), x1, where an object is.
    Keras then averages the per-image values over the batch, as netloom does."""
    has_object = y_true[..., 0]
    logit = y_pred[..., 0]
    # Binary cross-entropy from a logit, written so that it never overflows: max(x, 0) - x*z + log(1 + e^-|x|).
    bce = ops.relu(logit) - logit * has_object + ops.log1p(ops.exp(-ops.abs(logit)))
    box = ops.sum(ops.square(ops.sigmoid(y_pred[..., 1:5]) - y_true[..., 1:5]), axis=-1)
    classes = -ops.sum(y_true[..., 5:] * ops.log_softmax(y_pred[..., 5:], axis=-1), axis=-1)
    per_cell = has_object * (1.0 * bce + 5.0 * box + 1.0 * classes) + 0.5 * (1 - has_object) * bce
    return ops.sum(per_cell, axis=(1, 2))
`;

export const DETECTION_TARGETS = String.raw`
def encode_boxes(boxes, grid, classes, height, width):
    """The targets of one image for a grid detector: [grid, grid, 5 + classes]. Each box [x, y, w, h, class]
    (pixels, x and y the top-left corner) goes to the cell holding its centre, with objectness 1, the centre's
    offset in that cell (0-1), sqrt(w / width), sqrt(h / height) and its class one-hot. When two centres share
    a cell, the bigger box keeps it."""
    target = np.zeros((grid, grid, 5 + classes), 'float32')
    area = np.zeros((grid, grid))
    cell_w, cell_h = width / grid, height / grid
    for x, y, w, h, cls in boxes:
        cls = int(cls)
        if not (0 <= cls < classes and w > 0 and h > 0):
            continue
        col = min(grid - 1, max(0, int((x + w / 2) // cell_w)))
        row = min(grid - 1, max(0, int((y + h / 2) // cell_h)))
        if area[row, col] >= w * h:
            continue
        area[row, col] = w * h
        target[row, col] = 0
        target[row, col, :5] = [1, (x + w / 2) / cell_w - col, (y + h / 2) / cell_h - row, np.sqrt(min(1, w / width)), np.sqrt(min(1, h / height))]
        target[row, col, :5] = np.clip(target[row, col, :5], 0, 1)
        target[row, col, 5 + cls] = 1
    return target
`;

/** decode_grid, iou and mean_average_precision: plain numpy and Python, shared by the Keras and PyTorch files. */
export const MAP_FUNCTIONS = String.raw`
def decode_grid(scores, height, width, score_threshold=0.25, iou_threshold=0.45, max_boxes=20):
    """Boxes [x, y, w, h, class, score] from one image's raw grid output [S, S, 5 + classes], best first:
    score = sigmoid(objectness) x the best class probability; boxes under score_threshold are dropped, then
    per-class non-max suppression drops a box overlapping a better one of its class by more than iou_threshold."""
    grid = scores.shape[0]
    sigmoid = 1 / (1 + np.exp(-scores[..., :5]))
    logits = scores[..., 5:] - scores[..., 5:].max(axis=-1, keepdims=True)
    probs = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
    found = []
    for row in range(grid):
        for col in range(grid):
            objectness, x, y, w, h = sigmoid[row, col]
            cls = int(np.argmax(probs[row, col]))
            score = objectness * probs[row, col, cls]
            if objectness < score_threshold or score < score_threshold:
                continue
            w, h = w * w * width, h * h * height
            cx, cy = (col + x) * width / grid, (row + y) * height / grid
            found.append([cx - w / 2, cy - h / 2, w, h, cls, score])
    kept = []
    for box in sorted(found, key=lambda b: -b[5]):
        if len(kept) < max_boxes and all(k[4] != box[4] or iou(k, box) <= iou_threshold for k in kept):
            kept.append(box)
    return kept


def iou(a, b):
    """Intersection over union of two boxes [x, y, w, h, ...]."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / (a[2] * a[3] + b[2] * b[3] - w * h)


def mean_average_precision(predicted, truths, classes, iou_threshold=0.5):
    """mAP@0.5 as netloom reports it (PASCAL VOC, all points): per class, detections best first; one is right
    when it overlaps a not yet matched true box of its class by IoU >= iou_threshold. AP is the area under the
    precision-recall curve made monotone; mAP the mean over the classes that have true boxes."""
    aps = []
    for cls in range(classes):
        positives = sum(1 for boxes in truths for b in boxes if int(b[4]) == cls)
        if positives == 0:
            continue
        detections = sorted(((b[5], image, b) for image, boxes in enumerate(predicted) for b in boxes if b[4] == cls), key=lambda d: -d[0])
        matched = [[False] * len(boxes) for boxes in truths]
        precision, recall, right = [], [], 0
        for k, (_, image, box) in enumerate(detections):
            best, best_iou = -1, 0.0
            for j, t in enumerate(truths[image]):
                if int(t[4]) == cls and iou(box, t) > best_iou:
                    best, best_iou = j, iou(box, t)
            if best >= 0 and best_iou >= iou_threshold and not matched[image][best]:
                matched[image][best] = True
                right += 1
            precision.append(right / (k + 1))
            recall.append(right / positives)
        for k in range(len(precision) - 2, -1, -1):
            precision[k] = max(precision[k], precision[k + 1])
        aps.append(sum((r - r0) * p for r, r0, p in zip(recall, [0] + recall[:-1], precision)))
    return sum(aps) / len(aps) if aps else 0.0
`.trim();

/** MAP_FUNCTIONS, the ValidationMAP callback and detection_map (with netloom's thresholds). */
export const meanAP = (scoreThreshold: string, nmsIoU: string): string => `
${MAP_FUNCTIONS}


` + String.raw`class ValidationMAP(keras.callbacks.Callback):
    """mAP@0.5 on the validation images after every epoch, logged as val_mAP (netloom's chart shows it too)."""

    def __init__(self, x, boxes, classes):
        super().__init__()
        self.x, self.boxes, self.classes = x, boxes, classes

    def on_epoch_end(self, epoch, logs=None):
        score = detection_map(self.model, self.x, self.boxes, self.classes)
        if logs is not None:
            logs['val_mAP'] = score
        print(f' - val_mAP: {score:.4f}')


def detection_map(model, x, boxes, classes):
    """mAP@0.5 of the model's boxes on images x against their true boxes."""
    height, width = x.shape[1:3]
    predicted = [decode_grid(scores, height, width, ${scoreThreshold}, ${nmsIoU}) for scores in model.predict(x, verbose=0)]
    return mean_average_precision(predicted, boxes, classes)
`;
