/**
 * The PyTorch file's train() for the detect task with a YOLO-style grid head
 * ([S, S, 5 + C]): netloom's grid detection loss in torch (the same sum as
 * detectionLoss in src/train/losses.ts and the Keras file's
 * detection_loss), the targets from encode_boxes (py/detection.ts, shared
 * with the Keras file), and mAP@0.5 after every epoch with netloom's
 * decoding, NMS and thresholds. Fixed text; src/codegen/torch.ts writes
 * GRID, CLASSES, SCORE_THRESHOLD and NMS_IOU before it, and TORCH_PROCESSES.
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
    predicted = [decode_grid(s, height, width, SCORE_THRESHOLD, NMS_IOU) for s in scores]
    return mean_average_precision(predicted, truths, CLASSES)
`.trim();

/** train() for a grid detector. */
export const TORCH_TRAIN_DETECT = String.raw`
def train(data_dir, epochs=EPOCHS, batch_size=BATCH_SIZE, learning_rate=LEARNING_RATE, weights=None, checkpoint=None, seed=SEED):
    """Trains build_model() on data_dir (x.npy images, boxes.npy their boxes) with netloom's grid detection loss.
    Under torchrun every process takes its share of each epoch (DistributedSampler) and DistributedDataParallel
    averages the gradients: gloo on CPU, nccl on GPU; batch_size is per process. After each epoch every process
    measures mAP@0.5 on all of x.npy. Returns the metrics of the last epoch (the same on every process)."""
    distributed, rank, world, device = start_processes()
    torch.manual_seed(seed)
    model = build_model()
    if weights:
        load_weights(model, weights)
    model.to(device)
    optimizer = make_optimizer(model, learning_rate)
    start = 0
    if checkpoint and Path(checkpoint).exists():
        state = torch.load(checkpoint, map_location=device)
        model.load_state_dict(state['model'])
        optimizer.load_state_dict(state['optimizer'])
        start = state['epoch']
    net = torch.nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if device.type == 'cuda' else None) if distributed else model
    x, _ = load_npy(data_dir)
    if tuple(x.shape[1:]) != tuple(INPUT_SHAPES[0]):
        raise ValueError(f'x.npy holds samples of shape {tuple(x.shape[1:])}; this model takes {tuple(INPUT_SHAPES[0])} (channels last)')
    height, width = x.shape[1:3]
    truths = load_boxes(data_dir, len(x))
    y = torch.from_numpy(np.stack([encode_boxes(b, GRID, CLASSES, height, width) for b in truths]))
    loader, sampler = make_loader(torch.utils.data.TensorDataset(x, y), batch_size, distributed, rank, world, seed)
    metrics = {}
    for epoch in range(start, epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        net.train()
        totals = torch.zeros(2, dtype=torch.float64)  # loss sum, samples
        for inputs, targets in loader:
            inputs, targets = inputs.to(device), targets.to(device)
            loss = detection_loss(targets, net(inputs)).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            totals[0] += loss.item() * len(inputs)
            totals[1] += len(inputs)
        totals = sum_over_processes(totals, distributed, device)
        metrics = {'epoch': epoch + 1, 'loss': round(float(totals[0] / totals[1]), 6), 'map': round(detection_map(model, x, truths, device, batch_size), 6)}
        if rank == 0:
            print(json.dumps(metrics), flush=True)
            if checkpoint:
                torch.save({'model': model.state_dict(), 'optimizer': optimizer.state_dict(), 'epoch': epoch + 1}, checkpoint)
    metrics['processes'] = world
    if distributed:
        torch.distributed.destroy_process_group()
    return metrics, rank
`.trim();
