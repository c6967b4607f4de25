/**
 * The fixed Python of the PyTorch file's train() for a GAN (DCGAN, as
 * netloom trains it: src/train/adversarial/gan.ts): two modules of one
 * model, each with its own optimizer, the generator's step first and the
 * discriminator's on the same generated images. Under torchrun each module
 * is its own DistributedDataParallel. Uses TORCH_PROCESSES
 * (py/torch-train.ts); src/codegen/torch.ts writes the settings and
 * gan_parts() before it.
 */
export const TORCH_TRAIN_GAN = String.raw`
def gan_optimizer(module, learning_rate):
    """One optimizer per side, as netloom makes them: SGD or RMSprop when chosen, else Adam with beta1 0.5 (the DCGAN paper's)."""
    if OPTIMIZER in ('sgd', 'rmsprop'):
        return make_optimizer(module, learning_rate)
    return torch.optim.Adam(module.parameters(), lr=learning_rate, betas=(0.5, 0.999), eps=1e-7)


def bce_logits(logits, label):
    """Binary cross-entropy from logits against one label for all (netloom reads a discriminator's output as logits)."""
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, label))


def train(data_dir, epochs=EPOCHS, batch_size=BATCH_SIZE, learning_rate=LEARNING_RATE, weights=None, checkpoint=None, seed=SEED):
    """Trains the GAN as netloom does (TensorFlow's DCGAN tutorial). Per batch the generator makes images from fresh
    noise and learns, with its optimizer, to make the discriminator score them 1; then the discriminator learns, with
    its own, to score the real images 1 and those same generated images 0. Real images: DIR/x.npy in 0-1, scaled to
    -1...1 like a tanh generator's. Under torchrun each process takes its share of each epoch and
    DistributedDataParallel averages each side's gradients; batch_size is per process.
    Returns the metrics of the last epoch (the same on every process)."""
    distributed, rank, world, device = start_processes()
    torch.manual_seed(seed)
    model = build_model()
    if weights:
        load_weights(model, weights)
    model.to(device)
    generator, discriminator = gan_parts(model)
    g_optimizer = gan_optimizer(generator, learning_rate)
    d_optimizer = gan_optimizer(discriminator, learning_rate)
    start = 0
    if checkpoint and Path(checkpoint).exists():
        state = torch.load(checkpoint, map_location=device)
        model.load_state_dict(state['model'])
        g_optimizer.load_state_dict(state['g_optimizer'])
        d_optimizer.load_state_dict(state['d_optimizer'])
        start = state['epoch']
    g_net, d_net, quiet = generator, discriminator, contextlib.nullcontext
    if distributed:
        # broadcast_buffers=False: the discriminator runs twice before one backward, and DDP's copy of batch-norm
        # statistics between those runs would change tensors that backward still needs.
        ids = [device.index] if device.type == 'cuda' else None
        g_net = torch.nn.parallel.DistributedDataParallel(generator, device_ids=ids, broadcast_buffers=False)
        d_net = torch.nn.parallel.DistributedDataParallel(discriminator, device_ids=ids, broadcast_buffers=False)
        quiet = d_net.no_sync  # the discriminator's gradients from the generator's loss are dropped: no need to average them
    x, _ = load_npy(data_dir)
    if tuple(x.shape[1:]) != tuple(IMAGE_SHAPE):
        raise ValueError(f'x.npy holds images of shape {tuple(x.shape[1:])}; the generator makes {tuple(IMAGE_SHAPE)} (channels last)')
    x = x * 2 - 1  # netloom's images are 0-1; a tanh generator's are -1...1
    loader, sampler = make_loader(torch.utils.data.TensorDataset(x), batch_size, distributed, rank, world, seed)
    noise = torch.Generator().manual_seed(seed + rank)
    metrics = {}
    for epoch in range(start, epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        g_net.train()
        d_net.train()
        totals = torch.zeros(5, dtype=torch.float64)  # sums of g_loss, d_loss, d_real, d_fake; samples
        for (real,) in loader:
            n = len(real)
            real = real.to(device)
            fake = g_net(torch.randn((n, NOISE_SIZE), generator=noise).to(device))
            with quiet():
                g_loss = bce_logits(d_net(fake), 1.0)
                g_optimizer.zero_grad()
                g_loss.backward()
            g_optimizer.step()
            # The discriminator's step on the same images, taken before the generator's step (detached: its turn is over).
            on_real = d_net(real)
            on_fake = d_net(fake.detach())
            d_loss = bce_logits(on_real, 1.0) + bce_logits(on_fake, 0.0)
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()
            # d_real, d_fake: the discriminator's mean belief that real and generated images are real (0.5 each at balance).
            for i, value in enumerate((g_loss, d_loss, torch.sigmoid(on_real).mean(), torch.sigmoid(on_fake).mean())):
                totals[i] += value.item() * n
            totals[4] += n
        totals = sum_over_processes(totals, distributed, device)
        metrics = {'epoch': epoch + 1, **{name: round(float(totals[i] / totals[4]), 6) for i, name in enumerate(('g_loss', 'd_loss', 'd_real', 'd_fake'))}}
        if rank == 0:
            print(json.dumps(metrics), flush=True)
            if checkpoint:
                torch.save({'model': model.state_dict(), 'g_optimizer': g_optimizer.state_dict(), 'd_optimizer': d_optimizer.state_dict(), 'epoch': epoch + 1}, checkpoint)
    metrics['processes'] = world
    if distributed:
        torch.distributed.destroy_process_group()
    return metrics, rank
`.trim();
