/**
 * The fixed Python of the PyTorch file's train() for a GAN and for
 * pix2pix, as netloom trains them (src/train/adversarial/gan.ts,
 * pix2pix.ts): two modules of one model, each with its own optimizer, the
 * generator's step first and the discriminator's on the same generated
 * images; and CycleGAN (cyclegan.ts): two generators and two
 * discriminators, one optimizer per side. Under torchrun each module
 * is its own DistributedDataParallel. Uses TORCH_PROCESSES
 * (py/torch-train.ts); src/codegen/torch.ts writes the settings and
 * gan_parts() before it.
 */
/** What every adversarial train() uses: one optimizer per side. */
export const TORCH_GAN_OPTIMIZER = String.raw`
def gan_optimizer(module, learning_rate):
    """One optimizer per side, as netloom makes them: SGD or RMSprop when chosen, else Adam with beta1 0.5 (the DCGAN paper's)."""
    if OPTIMIZER in ('sgd', 'rmsprop'):
        return make_optimizer(module, learning_rate)
    return torch.optim.Adam(module.parameters(), lr=learning_rate, betas=(0.5, 0.999), eps=1e-7)
`.trim();

/** train() for a GAN and pix2pix: a generator and a discriminator. */
export const TORCH_TRAIN_GAN = String.raw`
def bce_logits(logits, label):
    """Binary cross-entropy from logits against one label for all (netloom reads a discriminator's output as logits)."""
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, label))


def train(data_dir, epochs=EPOCHS, batch_size=BATCH_SIZE, learning_rate=LEARNING_RATE, weights=None, checkpoint=None, seed=SEED):
    """Trains the generator and the discriminator as netloom does (TensorFlow's DCGAN and pix2pix tutorials). Per batch
    the generator makes images (gan: from fresh noise; pix2pix: from the source images) and learns, with its optimizer,
    to make the discriminator score them 1 (pix2pix: plus L1_WEIGHT x the mean absolute difference to the targets);
    then the discriminator learns, with its own, to score the real images 1 and those same generated images 0 (pix2pix:
    each beside its source). Images: DIR/x.npy (gan: real images; pix2pix: sources) and, for pix2pix, DIR/y.npy (the
    targets), in 0-1, scaled to -1...1 like a tanh generator's. Under torchrun each process takes its share of each
    epoch and DistributedDataParallel averages each side's gradients; batch_size is per process.
    Returns the metrics of the last epoch (the same on every process)."""
    distributed, rank, world, device, model = start_model(weights, seed)
    generator, discriminator = gan_parts(model)
    g_optimizer = gan_optimizer(generator, learning_rate)
    d_optimizer = gan_optimizer(discriminator, learning_rate)
    start = resume(checkpoint, device, model, {'g_optimizer': g_optimizer, 'd_optimizer': d_optimizer})
    g_net, d_net, quiet = generator, discriminator, contextlib.nullcontext
    if distributed:
        # broadcast_buffers=False: the discriminator runs twice before one backward, and DDP's copy of batch-norm
        # statistics between those runs would change tensors that backward still needs.
        ids = [device.index] if device.type == 'cuda' else None
        g_net = torch.nn.parallel.DistributedDataParallel(generator, device_ids=ids, broadcast_buffers=False)
        d_net = torch.nn.parallel.DistributedDataParallel(discriminator, device_ids=ids, broadcast_buffers=False)
        quiet = d_net.no_sync  # the discriminator's gradients from the generator's loss are dropped: no need to average them
    x, y = load_npy(data_dir)
    if TASK == 'pix2pix':
        if y is None:
            raise ValueError('pix2pix needs DIR/y.npy: the target image of each source in x.npy')
        if tuple(x.shape[1:]) != tuple(SOURCE_SHAPE) or tuple(y.shape[1:]) != tuple(IMAGE_SHAPE) or len(x) != len(y):
            raise ValueError(f'x.npy and y.npy hold {len(x)} of {tuple(x.shape[1:])} and {len(y)} of {tuple(y.shape[1:])}; '
                             f'this generator turns {tuple(SOURCE_SHAPE)} into {tuple(IMAGE_SHAPE)}, one target per source (channels last)')
        images = (x * 2 - 1, y.float() * 2 - 1)  # netloom's images are 0-1; a tanh generator's are -1...1
    else:
        if tuple(x.shape[1:]) != tuple(IMAGE_SHAPE):
            raise ValueError(f'x.npy holds images of shape {tuple(x.shape[1:])}; the generator makes {tuple(IMAGE_SHAPE)} (channels last)')
        images = (x * 2 - 1,)
    loader, sampler = make_loader(torch.utils.data.TensorDataset(*images), batch_size, distributed, rank, world, seed)
    noise = torch.Generator().manual_seed(seed + rank)
    # gan: d_real, d_fake, the discriminator's mean belief that real and generated images are real (0.5 each at balance);
    # pix2pix: g_adv, the adversarial part of g_loss, and l1, the mean absolute pixel error in 0-1 units.
    names = ('g_loss', 'd_loss', 'g_adv', 'l1') if TASK == 'pix2pix' else ('g_loss', 'd_loss', 'd_real', 'd_fake')
    metrics = {}
    for epoch in range(start, epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        g_net.train()
        d_net.train()
        totals = torch.zeros(len(names) + 1, dtype=torch.float64)  # sums of each value, then samples
        for batch in loader:
            n = len(batch[0])
            if TASK == 'pix2pix':
                source, real = (t.to(device) for t in batch)
                seen = (source,)  # the discriminator sees each image beside its source
                fake = g_net(source)
            else:
                real = batch[0].to(device)
                seen = ()
                fake = g_net(torch.randn((n, NOISE_SIZE), generator=noise).to(device))
            with quiet():
                g_adv = bce_logits(d_net(*seen, fake), 1.0)
                l1 = (real - fake).abs().mean() if TASK == 'pix2pix' else None
                g_loss = g_adv + L1_WEIGHT * l1 if TASK == 'pix2pix' else g_adv
                g_optimizer.zero_grad()
                g_loss.backward()
            g_optimizer.step()
            # The discriminator's step on the same images, taken before the generator's step (detached: its turn is over).
            on_real = d_net(*seen, real)
            on_fake = d_net(*seen, fake.detach())
            d_loss = bce_logits(on_real, 1.0) + bce_logits(on_fake, 0.0)
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()
            values = (g_loss, d_loss, g_adv, l1 / 2) if TASK == 'pix2pix' else (g_loss, d_loss, torch.sigmoid(on_real).mean(), torch.sigmoid(on_fake).mean())
            for i, value in enumerate(values):
                totals[i] += value.item() * n
            totals[-1] += n
        totals = sum_over_processes(totals, distributed, device)
        metrics = {'epoch': epoch + 1, **{name: round(float(totals[i] / totals[-1]), 6) for i, name in enumerate(names)}}
        end_epoch(metrics, rank, checkpoint, model, {'g_optimizer': g_optimizer, 'd_optimizer': d_optimizer})
    return finish(metrics, distributed, rank, world)
`.trim();

/** train() for CycleGAN: two generators and two discriminators, one optimizer per side, unpaired domains. */
export const TORCH_TRAIN_CYCLEGAN = String.raw`
def least_squares(scores, target):
    """The least-squares adversarial loss CycleGAN uses (netloom's): mean (score - target)^2."""
    return ((scores - target) ** 2).mean()


def train(data_dir, epochs=EPOCHS, batch_size=BATCH_SIZE, learning_rate=LEARNING_RATE, weights=None, checkpoint=None, seed=SEED):
    """Trains CycleGAN as netloom does (Zhu et al. 2017) on unpaired images: DIR/x.npy (domain A) and DIR/y.npy
    (domain B), in 0-1, scaled to -1...1. Per batch of A images, as many B images are drawn at random. The generators
    (one optimizer for both) learn least-squares adversarial losses plus CYCLE_WEIGHT x the L1 of going there and back
    and IDENTITY_WEIGHT x the L1 of translating an image already in the target domain; then the discriminators (one
    optimizer for both) learn to score real images of their domain 1 and the generated ones 0. Under torchrun each
    process takes its share of A (and draws its own B) and DistributedDataParallel averages the gradients; batch_size
    is per process. Returns the metrics of the last epoch (the same on every process)."""
    distributed, rank, world, device, model = start_model(weights, seed)
    parts = gan_parts(model)  # g_ab, g_ba, d_a, d_b
    g_optimizer = gan_optimizer(nn.ModuleList(parts[:2]), learning_rate)
    d_optimizer = gan_optimizer(nn.ModuleList(parts[2:]), learning_rate)
    start = resume(checkpoint, device, model, {'g_optimizer': g_optimizer, 'd_optimizer': d_optimizer})
    nets = parts
    if distributed:
        # broadcast_buffers=False: each block runs more than once before one backward, and DDP's copy of batch-norm
        # statistics between those runs would change tensors that backward still needs.
        ids = [device.index] if device.type == 'cuda' else None
        nets = [torch.nn.parallel.DistributedDataParallel(p, device_ids=ids, broadcast_buffers=False) for p in parts]
    g_ab, g_ba, d_a, d_b = nets

    def quiet():
        """The discriminators' gradients from the generators' loss are dropped: no need to average them."""
        stack = contextlib.ExitStack()
        if distributed:
            stack.enter_context(d_a.no_sync())
            stack.enter_context(d_b.no_sync())
        return stack

    x, y = load_npy(data_dir)
    if y is None:
        raise ValueError('cyclegan needs DIR/y.npy: images of domain B (x.npy holds domain A; they need not be paired)')
    if tuple(x.shape[1:]) != tuple(A_SHAPE) or tuple(y.shape[1:]) != tuple(B_SHAPE):
        raise ValueError(f'x.npy holds images of shape {tuple(x.shape[1:])} and y.npy {tuple(y.shape[1:])}; '
                         f'this CycleGAN translates {tuple(A_SHAPE)} (A) and {tuple(B_SHAPE)} (B), channels last')
    domain_b = y.float() * 2 - 1  # netloom's images are 0-1; a tanh generator's are -1...1
    loader, sampler = make_loader(torch.utils.data.TensorDataset(x * 2 - 1), batch_size, distributed, rank, world, seed)
    draws = torch.Generator().manual_seed(seed + rank)
    # The parts of g_loss, weighted as in it: g_adv + cycle + identity = g_loss.
    names = ('g_loss', 'd_loss', 'g_adv', 'cycle', 'identity')
    metrics = {}
    for epoch in range(start, epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        for net in nets:
            net.train()
        totals = torch.zeros(len(names) + 1, dtype=torch.float64)  # sums of each value, then samples
        for (a,) in loader:
            n = len(a)
            a = a.to(device)
            b = domain_b[torch.randint(len(domain_b), (n,), generator=draws)].to(device)  # unpaired: drawn on their own
            fake_b, fake_a = g_ab(a), g_ba(b)
            with quiet():
                g_adv = least_squares(d_b(fake_b), 1.0) + least_squares(d_a(fake_a), 1.0)
                cycle = CYCLE_WEIGHT * ((a - g_ba(fake_b)).abs().mean() + (b - g_ab(fake_a)).abs().mean())
                identity = IDENTITY_WEIGHT * ((b - g_ab(b)).abs().mean() + (a - g_ba(a)).abs().mean()) if IDENTITY_WEIGHT else torch.zeros((), device=device)
                g_loss = g_adv + cycle + identity
                g_optimizer.zero_grad()
                g_loss.backward()
            g_optimizer.step()
            # The discriminators' step on the same images, taken before the generators' step (detached: their turn is over).
            fake_a, fake_b = fake_a.detach(), fake_b.detach()
            d_loss = 0.5 * (least_squares(d_a(a), 1.0) + least_squares(d_a(fake_a), 0.0)) + 0.5 * (least_squares(d_b(b), 1.0) + least_squares(d_b(fake_b), 0.0))
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()
            for i, value in enumerate((g_loss, d_loss, g_adv, cycle, identity)):
                totals[i] += value.item() * n
            totals[-1] += n
        totals = sum_over_processes(totals, distributed, device)
        metrics = {'epoch': epoch + 1, **{name: round(float(totals[i] / totals[-1]), 6) for i, name in enumerate(names)}}
        end_epoch(metrics, rank, checkpoint, model, {'g_optimizer': g_optimizer, 'd_optimizer': d_optimizer})
    return finish(metrics, distributed, rank, world)
`.trim();
