/**
 * The fixed Python of the PyTorch file's train(): one process, or one per
 * device under torchrun (DistributedDataParallel: gloo on CPU, nccl on GPU,
 * a DistributedSampler, gradients averaged across processes), checkpoint
 * save/resume, and a last line of JSON metrics. The data is .npy files
 * (x.npy: samples channels last, scaled as netloom scales them; y.npy:
 * targets). TORCH_PROCESSES is what every task's train() shares; TORCH_TRAIN
 * trains one model with one loss (classify, the autoencoder tasks, segment,
 * fit); py/torch-gan.ts trains a GAN. src/codegen/torch.ts writes the
 * task's settings before them.
 */

/** Data, optimizer, processes and batches: what every task's train() uses. */
export const TORCH_PROCESSES = String.raw`
def load_npy(data_dir):
    """x.npy (samples in netloom's shapes, channels last, scaled as netloom scales them) and, for tasks with
    targets, y.npy (class indices or one-hot rows for a classifier, class ids per pixel for segment)."""
    import numpy as np
    data_dir = Path(data_dir)
    x = torch.from_numpy(np.load(data_dir / 'x.npy').astype('float32'))
    y = torch.from_numpy(np.load(data_dir / 'y.npy')) if (data_dir / 'y.npy').exists() else None
    return x, y


def make_optimizer(model, learning_rate):
    """netloom's optimizer with TensorFlow.js's defaults (epsilon 1e-7, RMSprop's rho 0.9)."""
    if OPTIMIZER == 'sgd':
        return torch.optim.SGD(model.parameters(), lr=learning_rate)
    if OPTIMIZER == 'rmsprop':
        return torch.optim.RMSprop(model.parameters(), lr=learning_rate, alpha=0.9, eps=1e-7)
    if OPTIMIZER == 'adagrad':
        return torch.optim.Adagrad(model.parameters(), lr=learning_rate)
    if OPTIMIZER == 'adadelta':
        return torch.optim.Adadelta(model.parameters(), lr=learning_rate, eps=1e-7)
    if OPTIMIZER == 'adamax':
        return torch.optim.Adamax(model.parameters(), lr=learning_rate, eps=1e-7)
    return torch.optim.Adam(model.parameters(), lr=learning_rate, eps=1e-7)


def start_processes():
    """One process, or this one of torchrun's: (distributed, rank, world size, device); gloo on CPU, nccl on GPU."""
    distributed = torch.distributed.is_available() and torch.distributed.is_torchelastic_launched()
    cuda = torch.cuda.is_available()
    if distributed:
        torch.distributed.init_process_group('nccl' if cuda else 'gloo')
        rank, world = torch.distributed.get_rank(), torch.distributed.get_world_size()
    else:
        rank, world = 0, 1
    device = torch.device(f'cuda:{rank % torch.cuda.device_count()}' if cuda else 'cpu')
    return distributed, rank, world, device


def start_model(weights, seed):
    """start_processes(), then build_model() seeded alike on every process, with the weights file loaded, on this process's device."""
    distributed, rank, world, device = start_processes()
    torch.manual_seed(seed)
    model = build_model()
    if weights:
        load_weights(model, weights)
    model.to(device)
    return distributed, rank, world, device, model


def resume(checkpoint, device, model, optimizers):
    """The epoch to start from: 0, or the checkpoint's after loading the model and each optimizer (by its name there)."""
    if not (checkpoint and Path(checkpoint).exists()):
        return 0
    state = torch.load(checkpoint, map_location=device)
    model.load_state_dict(state['model'])
    for name, optimizer in optimizers.items():
        optimizer.load_state_dict(state[name])
    return state['epoch']


def make_loader(dataset, batch_size, distributed, rank, world, seed):
    """Shuffled batches; under torchrun each process takes its share of every epoch (DistributedSampler)."""
    sampler = torch.utils.data.DistributedSampler(dataset, num_replicas=world, rank=rank, shuffle=True, seed=seed) if distributed else None
    return torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=sampler is None, sampler=sampler), sampler


def sum_over_processes(totals, distributed, device):
    """Per-process sums added up over every process (the same numbers on each)."""
    if not distributed:
        return totals
    totals = totals.to(device)
    torch.distributed.all_reduce(totals)
    return totals.cpu()


def end_epoch(metrics, rank, checkpoint, model, optimizers):
    """The first process prints the epoch's metrics as a JSON line and saves the checkpoint that resume() reads."""
    if rank != 0:
        return
    print(json.dumps(metrics), flush=True)
    if checkpoint:
        torch.save({'model': model.state_dict(), **{name: o.state_dict() for name, o in optimizers.items()}, 'epoch': metrics['epoch']}, checkpoint)


def finish(metrics, distributed, rank, world):
    """What train() returns: the last epoch's metrics with the process count, and this process's rank."""
    metrics['processes'] = world
    if distributed:
        torch.distributed.destroy_process_group()
    return metrics, rank
`.trim();

/** train() for one model with one loss per batch: classify, reconstruct, denoise, anomaly, segment, fit. */
export const TORCH_TRAIN = String.raw`
def task_loss(output, target):
    """The loss netloom trains this task with (LOSS), on probabilities as Keras computes it (clipped at 1e-7);
    segment: per-pixel cross-entropy averaged over pixels (target: class ids per pixel), from raw scores when
    the output has no softmax (FROM_LOGITS)."""
    if TASK == 'segment':
        log_probs = F.log_softmax(output, -1) if FROM_LOGITS else torch.log(output.clamp(1e-7, 1.0))
        return F.nll_loss(log_probs.reshape(-1, output.shape[-1]), target.reshape(-1))
    if LOSS == 'categoricalCrossentropy':
        if target.dim() == 1:
            target = F.one_hot(target.long(), output.shape[-1]).to(output.dtype)
        return -(target * torch.log(output.clamp(1e-7, 1.0))).sum(-1).mean()
    if LOSS == 'sparseCategoricalCrossentropy':
        return F.nll_loss(torch.log(output.clamp(1e-7, 1.0)), target.long().flatten())
    if LOSS == 'binaryCrossentropy':
        return F.binary_cross_entropy(output.clamp(1e-7, 1 - 1e-7), target.to(output.dtype))
    if LOSS == 'meanAbsoluteError':
        return (output - target).abs().mean()
    return ((output - target) ** 2).mean()


def class_masks(y, classes):
    """segment's targets as class ids per pixel: y.npy holds ids [N, H, W] or one-hot masks [N, H, W, classes]."""
    if y is None:
        raise ValueError('segment needs DIR/y.npy: a class id per pixel, [samples, height, width]')
    y = y.argmax(-1) if y.dim() == 4 else y.long()
    if len(y) and (y.min() < 0 or y.max() >= classes):
        raise ValueError(f'y.npy holds class {int(y.max() if y.max() >= classes else y.min())}; this model has classes 0-{classes - 1}')
    return y


def mean_iou(counts):
    """Mean over the classes seen (predicted or true) of intersection / union, from per-class pixel counts
    [intersection, predicted, true]: netloom's meanIoU."""
    union = counts[1] + counts[2] - counts[0]
    seen = union > 0
    return float((counts[0][seen] / union[seen]).mean()) if seen.any() else 0.0


def train(data_dir, epochs=EPOCHS, batch_size=BATCH_SIZE, learning_rate=LEARNING_RATE, weights=None, checkpoint=None, seed=SEED):
    """Trains build_model() on data_dir as netloom trains this task (TASK). Under torchrun every process takes its
    share of each epoch (DistributedSampler) and DistributedDataParallel averages the gradients: gloo on CPU,
    nccl on GPU; batch_size is per process. Returns the metrics of the last epoch (the same on every process)."""
    distributed, rank, world, device, model = start_model(weights, seed)
    optimizer = make_optimizer(model, learning_rate)
    start = resume(checkpoint, device, model, {'optimizer': optimizer})
    net = torch.nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if device.type == 'cuda' else None) if distributed else model
    x, y = load_npy(data_dir)
    if tuple(x.shape[1:]) != tuple(INPUT_SHAPES[0]):
        raise ValueError(f'x.npy holds samples of shape {tuple(x.shape[1:])}; this model takes {tuple(INPUT_SHAPES[0])} (channels last)')
    classes = OUTPUT_SHAPE[-1] if TASK == 'segment' else 0  # segment: one output channel per class
    if TASK == 'segment':
        y = class_masks(y, classes)
    elif y is None or TASK != 'classify' and TASK != 'fit':
        y = x  # the autoencoder tasks learn to give back their input (the normal samples, for anomaly)
    loader, sampler = make_loader(torch.utils.data.TensorDataset(x, y), batch_size, distributed, rank, world, seed)
    noise = torch.Generator().manual_seed(seed + rank)
    metrics = {}
    for epoch in range(start, epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        net.train()
        totals = torch.zeros(3, dtype=torch.float64)  # loss sum, right guesses, samples
        pixels = torch.zeros((3, classes), dtype=torch.float64)  # segment: intersection, predicted, true pixels per class
        for inputs, targets in loader:
            if TASK == 'denoise':
                # Fresh noise for every batch, clipped to 0-1, as netloom trains a denoising autoencoder.
                inputs = (inputs + NOISE_FACTOR * torch.randn(inputs.shape, generator=noise)).clamp(0, 1)
            inputs, targets = inputs.to(device), targets.to(device)
            output = net(inputs)
            loss = task_loss(output, targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            totals[0] += loss.item() * len(inputs)
            totals[2] += len(inputs)
            if TASK == 'classify':
                labels = targets.argmax(-1) if targets.dim() > 1 else targets.long()
                totals[1] += (output.argmax(-1) == labels).sum().item()
            if TASK == 'segment':
                predicted, truth = output.detach().argmax(-1).flatten().cpu(), targets.flatten().cpu()
                pixels[0] += torch.bincount(truth[predicted == truth], minlength=classes)
                pixels[1] += torch.bincount(predicted, minlength=classes)
                pixels[2] += torch.bincount(truth, minlength=classes)
        totals = sum_over_processes(totals, distributed, device)
        metrics = {'epoch': epoch + 1, 'loss': round(float(totals[0] / totals[2]), 6)}
        if TASK == 'classify':
            metrics['accuracy'] = round(float(totals[1] / totals[2]), 6)
        if TASK == 'segment':
            metrics['mean_iou'] = round(mean_iou(sum_over_processes(pixels, distributed, device)), 6)
        end_epoch(metrics, rank, checkpoint, model, {'optimizer': optimizer})
    return finish(metrics, distributed, rank, world)
`.trim();
