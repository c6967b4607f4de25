/**
 * The PyTorch file's train() for the detect task, in the two forms netloom
 * trains (src/train/tasks/detect.ts):
 *  - a YOLO-style grid head [S, S, 5 + C]: netloom's grid detection loss in
 *    torch (the same sum as detectionLoss in src/train/losses.ts and the
 *    Keras file's detection_loss), the targets from encode_boxes
 *    (py/detection.ts, shared with the Keras file);
 *  - SSD-style rows of default boxes [N, 4 + 1 + C + 4]: netloom's anchor
 *    matching (IoU 0.5 / 0.4, each box also takes its best anchor) and
 *    anchorLoss (smooth L1 + cross-entropy with 3:1 hard negatives).
 * Both measure mAP@0.5 after every epoch with netloom's decoding, NMS and
 * thresholds. Fixed text: src/codegen/torch.ts writes CLASSES,
 * SCORE_THRESHOLD, NMS_IOU (and GRID for a grid) before it, and
 * TORCH_PROCESSES; each form defines batch_loss, detection_targets and
 * decode_boxes, which train() calls.
 */

/** detection_loss in torch, and the boxes.npy reader. */
export const TORCH_DETECTION_LOSS = String.raw`
def detection_loss(target, output):
    """netloom's grid detection loss (YOLO v1 style) per image. Both are [batch, S, S, 5 + classes]: per cell
    objectness, x, y, w, h, then a score per class. output holds raw scores (logits); target holds
    encode_boxes() values. Summed over cells:
      objectness: binary cross-entropy from logits, x1 where an object is, x0.5 where none is;
      box: squared error of sigmoid(x, y, w, h) against the targets, x5, where an object is;
      class: cross-entropy of softmax(class scores), x1, where an object is.
    train() averages it over the batch, as netloom does."""
    has_object = target[..., 0]
    logit = output[..., 0]
    # Binary cross-entropy from a logit, written so that it never overflows: max(x, 0) - x*z + log(1 + e^-|x|).
    bce = F.relu(logit) - logit * has_object + torch.log1p(torch.exp(-logit.abs()))
    box = ((torch.sigmoid(output[..., 1:5]) - target[..., 1:5]) ** 2).sum(-1)
    classes = -(target[..., 5:] * F.log_softmax(output[..., 5:], -1)).sum(-1)
    per_cell = has_object * (1.0 * bce + 5.0 * box + 1.0 * classes) + 0.5 * (1 - has_object) * bce
    return per_cell.sum((1, 2))


def batch_loss(target, output):
    '''The loss of a batch: detection_loss averaged over its images.'''
    return detection_loss(target, output).mean()


def detection_targets(model, truths, height, width, device):
    '''encode_boxes() of every image's boxes: [images, GRID, GRID, 5 + CLASSES].'''
    return torch.from_numpy(np.stack([encode_boxes(b, GRID, CLASSES, height, width) for b in truths]))


def decode_boxes(scores, height, width):
    '''One image's boxes [x, y, w, h, class, score] from the grid, best first.'''
    return decode_grid(scores, height, width, SCORE_THRESHOLD, NMS_IOU)
`.trim();

/** boxes.npy and mAP, for both forms. */
export const TORCH_DETECTION_DATA = String.raw`
def load_boxes(data_dir, count):
    """DIR/boxes.npy: [samples, max boxes, 5], each row [x, y, w, h, class] in pixels of the image (x, y its
    top-left corner), as netloom holds boxes; rows with class -1 (or no width or height) are padding.
    Returns one list of real boxes per image."""
    path = Path(data_dir) / 'boxes.npy'
    if not path.exists():
        raise ValueError('detect needs DIR/boxes.npy: [samples, max boxes, 5] of [x, y, w, h, class] in pixels, class -1 for padding')
    boxes = np.load(path).astype('float32')
    if boxes.ndim != 3 or boxes.shape[2] != 5:
        raise ValueError(f'boxes.npy has shape {boxes.shape}; detect needs [samples, max boxes, 5]')
    if len(boxes) != count:
        raise ValueError(f'boxes.npy holds boxes of {len(boxes)} images; x.npy holds {count}')
    real = [[b for b in image if b[4] >= 0 and b[2] > 0 and b[3] > 0] for image in boxes]
    wrong = [b[4] for image in real for b in image if b[4] != int(b[4]) or b[4] >= CLASSES]
    if wrong:
        raise ValueError(f'boxes.npy holds class {wrong[0]:g}; this model has classes 0-{CLASSES - 1}')
    return real


def detection_map(model, x, truths, device, batch_size):
    """mAP@0.5 of the model's boxes on images x against their true boxes (netloom's decoding, NMS and thresholds)."""
    height, width = x.shape[1:3]
    model.eval()
    with torch.no_grad():
        scores = torch.cat([model(x[i:i + batch_size].to(device)).cpu() for i in range(0, len(x), batch_size)]).numpy()
    predicted = [decode_boxes(s, height, width) for s in scores]
    return mean_average_precision(predicted, truths, CLASSES)
`.trim();

/** SSD: anchor matching, anchorLoss with hard negatives, and decoding rows of default boxes. */
export const TORCH_ANCHOR_LOSS = String.raw`
NEGATIVES_PER_POSITIVE = 3  # SSD keeps this many background anchors per object anchor (at least this many per image)


def corner_ious(anchors, box):
    '''IoU of one x1, y1, x2, y2 box against every anchor [N, 4] (0 where either is empty).'''
    w = np.minimum(anchors[:, 2], box[2]) - np.maximum(anchors[:, 0], box[0])
    h = np.minimum(anchors[:, 3], box[3]) - np.maximum(anchors[:, 1], box[1])
    inter = np.where((w > 0) & (h > 0), w * h, 0.0)
    union = (anchors[:, 2] - anchors[:, 0]) * (anchors[:, 3] - anchors[:, 1]) + (box[2] - box[0]) * (box[3] - box[1]) - inter
    return np.where(inter > 0, inter / np.where(inter > 0, union, 1.0), 0.0)


def encode_deltas(anchor, box):
    '''The deltas (dx, dy, dw, dh) from an anchor to a box, both x1, y1, x2, y2, with variances 0.1 and 0.2.'''
    aw, ah = anchor[2] - anchor[0], anchor[3] - anchor[1]
    bw, bh = box[2] - box[0], box[3] - box[1]
    return [(box[0] + bw / 2 - (anchor[0] + aw / 2)) / aw / 0.1, (box[1] + bh / 2 - (anchor[1] + ah / 2)) / ah / 0.1, math.log(bw / aw) / 0.2, math.log(bh / ah) / 0.2]


def match_anchors(anchors, boxes, classes, height, width, positive_iou=0.5, negative_iou=0.4):
    '''SSD's targets for one image, rows [N, 4 + 1 + classes + 4] like the model's: each anchor takes the box it
    overlaps most when that IoU reaches positive_iou, and every box also takes the anchor overlapping it most;
    an anchor overlapping every box by less than negative_iou is background (one-hot at 4), the rest are
    ignored (all zeros). Boxes [x, y, w, h, class] in pixels; anchors x1, y1, x2, y2 fractions of the image.'''
    anchors = np.asarray(anchors, 'float64')
    n = len(anchors)
    target = np.zeros((n, 4 + 1 + classes + 4), 'float32')
    target[:, -4:] = anchors
    valid = [b for b in boxes if b[4] == int(b[4]) and 0 <= b[4] < classes and b[2] > 0 and b[3] > 0]
    corners = [[x / width, y / height, (x + w) / width, (y + h) / height] for x, y, w, h, _ in valid]
    best, best_iou, forced = np.full(n, -1), np.zeros(n, 'float32'), np.full(n, -1)
    for j, box in enumerate(corners):
        ious = corner_ious(anchors, box)
        better = ious > best_iou
        best[better], best_iou[better] = j, ious[better]
        if ious.max() > 0:
            forced[int(np.argmax(ious))] = j
    for i in range(n):
        j = forced[i] if forced[i] >= 0 else best[i] if best_iou[i] >= positive_iou else -1
        if j >= 0:
            target[i, :4] = encode_deltas(anchors[i], corners[j])
            target[i, 5 + int(valid[j][4])] = 1
        elif best_iou[i] < negative_iou:
            target[i, 4] = 1
    return target


def hard_negatives(loss, negative, positive):
    '''Per image, 1 for the background anchors with the highest loss (3 per positive, at least 3), 0 elsewhere.'''
    hard = torch.zeros_like(loss)
    for i in range(len(loss)):
        candidates = torch.nonzero(negative[i] > 0).flatten()
        keep = max(NEGATIVES_PER_POSITIVE, round(NEGATIVES_PER_POSITIVE * float(positive[i].sum())))
        order = torch.sort(-loss[i, candidates], stable=True).indices[:keep]
        hard[i, candidates[order]] = 1
    return hard


def batch_loss(target, output):
    '''netloom's SSD loss of a batch, both [batch, N, 4 + 1 + classes + 4]: (sum over positive anchors of the class
    cross-entropy + the same over the hard negatives + smooth L1 of the deltas over positive anchors) / positives.
    Which negatives are hard is read from the values (a choice, without a gradient), as SSD does.'''
    c = output.shape[-1] - 8
    t_box, t_cls = target[..., :4], target[..., 4:4 + c]
    o_box, o_cls = output[..., :4], output[..., 4:4 + c]
    negative, positive = t_cls[..., 0], t_cls[..., 1:].sum(-1)
    log_p = F.log_softmax(o_cls, -1)
    ce = -(t_cls * log_p).sum(-1)
    hard = hard_negatives((-log_p[..., 0] * negative).detach(), negative, positive)
    count = positive.sum().clamp(min=1)
    classes = (ce * (positive + hard)).sum() / count
    # Smooth L1 (Huber, delta 1) as 0.5 min(d, 1)^2 + (d - min(d, 1)).
    diff = (o_box - t_box).abs()
    small = diff.clamp(max=1)
    box = ((0.5 * small ** 2 + diff - small).sum(-1) * positive).sum() / count
    return classes + box


def detection_targets(model, truths, height, width, device):
    '''match_anchors() of every image against the default boxes the model's rows carry (their last 4 values).'''
    model.eval()
    with torch.no_grad():
        anchors = model(torch.zeros((1, *INPUT_SHAPES[0]), device=device))[0, :, -4:].cpu().numpy()
    return torch.from_numpy(np.stack([match_anchors(anchors, b, CLASSES, height, width) for b in truths]))


def decode_boxes(rows, height, width, max_boxes=20):
    '''One image's boxes [x, y, w, h, class, score] from its rows, best first: per row the likeliest class other than
    background, scored by its softmax probability, the box decoded from the row's anchor and clipped to the image;
    boxes under SCORE_THRESHOLD dropped, then per-class non-max suppression at NMS_IOU.'''
    found = []
    for row in np.asarray(rows, 'float64'):
        scores = np.exp(row[4:5 + CLASSES] - row[4:5 + CLASSES].max())
        cls = int(np.argmax(row[5:5 + CLASSES]))
        score = scores[1 + cls] / scores.sum()
        if not score >= SCORE_THRESHOLD:
            continue
        a, d = row[-4:], row[:4]
        aw, ah = a[2] - a[0], a[3] - a[1]
        cx, cy = a[0] + aw / 2 + d[0] * 0.1 * aw, a[1] + ah / 2 + d[1] * 0.1 * ah
        w, h = aw * math.exp(min(d[2] * 0.2, math.log(1000 / 16))), ah * math.exp(min(d[3] * 0.2, math.log(1000 / 16)))
        x1, y1, x2, y2 = np.clip([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], 0, 1)
        if not (x2 > x1 and y2 > y1):
            continue
        found.append([x1 * width, y1 * height, (x2 - x1) * width, (y2 - y1) * height, cls, score])
    kept = []
    for box in sorted(found, key=lambda b: -b[5]):
        if len(kept) < max_boxes and all(k[4] != box[4] or iou(k, box) <= NMS_IOU for k in kept):
            kept.append(box)
    return kept
`.trim();

/** train() for a detector, either form. */
export const TORCH_TRAIN_DETECT = String.raw`
def train(data_dir, epochs=EPOCHS, batch_size=BATCH_SIZE, learning_rate=LEARNING_RATE, weights=None, checkpoint=None, seed=SEED):
    """Trains build_model() on data_dir (x.npy images, boxes.npy their boxes) with netloom's grid detection loss.
    Under torchrun every process takes its share of each epoch (DistributedSampler) and DistributedDataParallel
    averages the gradients: gloo on CPU, nccl on GPU; batch_size is per process. After each epoch every process
    measures mAP@0.5 on all of x.npy. Returns the metrics of the last epoch (the same on every process)."""
    distributed, rank, world, device, model = start_model(weights, seed)
    optimizer = make_optimizer(model, learning_rate)
    start = resume(checkpoint, device, model, {'optimizer': optimizer})
    net = torch.nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if device.type == 'cuda' else None) if distributed else model
    x, _ = load_npy(data_dir)
    if tuple(x.shape[1:]) != tuple(INPUT_SHAPES[0]):
        raise ValueError(f'x.npy holds samples of shape {tuple(x.shape[1:])}; this model takes {tuple(INPUT_SHAPES[0])} (channels last)')
    height, width = x.shape[1:3]
    truths = load_boxes(data_dir, len(x))
    y = detection_targets(model, truths, height, width, device)
    loader, sampler = make_loader(torch.utils.data.TensorDataset(x, y), batch_size, distributed, rank, world, seed)
    metrics = {}
    for epoch in range(start, epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        net.train()
        totals = torch.zeros(2, dtype=torch.float64)  # loss sum, samples
        for inputs, targets in loader:
            inputs, targets = inputs.to(device), targets.to(device)
            loss = batch_loss(targets, net(inputs))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            totals[0] += loss.item() * len(inputs)
            totals[1] += len(inputs)
        totals = sum_over_processes(totals, distributed, device)
        metrics = {'epoch': epoch + 1, 'loss': round(float(totals[0] / totals[1]), 6), 'map': round(detection_map(model, x, truths, device, batch_size), 6)}
        end_epoch(metrics, rank, checkpoint, model, {'optimizer': optimizer})
    return finish(metrics, distributed, rank, world)
`.trim();
