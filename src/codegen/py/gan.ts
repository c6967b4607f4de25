/**
 * Python for the adversarial tasks (gan, pix2pix, cyclegan), as netloom
 * trains them: one forward pass per batch under two gradient tapes, so the
 * generators and the discriminators learn from the same point, each side
 * with its own optimizer. The step functions take `average`, which turns
 * per-value losses into the number to minimise: a plain mean on one device,
 * or each replica's share of the global mean under tf.distribute (the
 * distributed custom-training guide). Numbers come in through fmtNumber
 * only; no user text.
 */

/** Helpers every adversarial file uses. */
export const GAN_HELPERS = String.raw`
def bce_logits(labels, logits):
    """Binary cross-entropy from logits, per value (netloom reads a discriminator's output as logits)."""
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits)


def learn(optimizer, tape, loss, *models):
    """One optimizer step on the trainable variables of the models."""
    variables = [v for model in models for v in model.trainable_variables]
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
`;

export const GAN_STEP = (noise: string) => String.raw`
def gan_step(generator, discriminator, g_optimizer, d_optimizer, average):
    """One batch of DCGAN training (TensorFlow's DCGAN tutorial, as netloom trains it): the generator makes
    images from fresh noise; the discriminator learns to score real images 1 and those 0, the generator to
    make it score them 1. Real images are in -1...1, like a tanh generator's."""

    def step(real):
        noise = tf.random.normal((tf.shape(real)[0], ${noise}))
        with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
            fake = generator(noise, training=True)
            on_real = discriminator(real, training=True)
            on_fake = discriminator(fake, training=True)
            g_loss = average(bce_logits(tf.ones_like(on_fake), on_fake))
            d_loss = average(bce_logits(tf.ones_like(on_real), on_real)) + average(bce_logits(tf.zeros_like(on_fake), on_fake))
        learn(g_optimizer, g_tape, g_loss, generator)
        learn(d_optimizer, d_tape, d_loss, discriminator)
        return {'g_loss': g_loss, 'd_loss': d_loss}

    return step
`;

export const PIX2PIX_STEP = (l1Weight: string) => String.raw`
def pix2pix_step(generator, discriminator, g_optimizer, d_optimizer, average):
    """One batch of pix2pix training (TensorFlow's pix2pix tutorial, as netloom trains it): the generator
    translates source images; the discriminator sees each source beside the real target (to score 1) and
    beside the generated one (to score 0); the generator wants a 1 there, plus ${l1Weight} x the mean absolute
    difference to the target. Images are in -1...1."""

    def step(batch):
        source, target = batch
        with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
            fake = generator(source, training=True)
            on_real = discriminator([source, target], training=True)
            on_fake = discriminator([source, fake], training=True)
            l1 = average(tf.abs(target - fake))
            g_loss = average(bce_logits(tf.ones_like(on_fake), on_fake)) + ${l1Weight} * l1
            d_loss = average(bce_logits(tf.ones_like(on_real), on_real)) + average(bce_logits(tf.zeros_like(on_fake), on_fake))
        learn(g_optimizer, g_tape, g_loss, generator)
        learn(d_optimizer, d_tape, d_loss, discriminator)
        return {'g_loss': g_loss, 'd_loss': d_loss, 'l1': l1 / 2}

    return step
`;

export const CYCLEGAN_STEP = (cycleWeight: string, identityWeight: string | null) => String.raw`
def cyclegan_step(g_ab, g_ba, d_a, d_b, g_optimizer, d_optimizer, average):
    """One batch of CycleGAN training (Zhu et al. 2017, as netloom trains it) on unpaired images a and b in
    -1...1. Least-squares adversarial losses: each discriminator scores real images of its domain 1 and
    generated ones 0. The generators (one optimizer for both) also pay ${cycleWeight} x the L1 of going there and back${identityWeight ? `,
    and ${identityWeight} x the L1 of translating an image that is already in the target domain` : ''}."""

    def step(batch):
        a, b = batch
        with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
            fake_b = g_ab(a, training=True)
            fake_a = g_ba(b, training=True)
            adversarial = average(tf.square(d_b(fake_b, training=True) - 1)) + average(tf.square(d_a(fake_a, training=True) - 1))
            cycle = ${cycleWeight} * (average(tf.abs(a - g_ba(fake_b, training=True))) + average(tf.abs(b - g_ab(fake_a, training=True))))
${
  identityWeight
    ? `            identity = ${identityWeight} * (average(tf.abs(b - g_ab(b, training=True))) + average(tf.abs(a - g_ba(a, training=True))))
            g_loss = adversarial + cycle + identity`
    : '            g_loss = adversarial + cycle'
}
            d_loss_a = average(tf.square(d_a(a, training=True) - 1)) + average(tf.square(d_a(fake_a, training=True)))
            d_loss_b = average(tf.square(d_b(b, training=True) - 1)) + average(tf.square(d_b(fake_b, training=True)))
            d_loss = 0.5 * d_loss_a + 0.5 * d_loss_b
        learn(g_optimizer, g_tape, g_loss, g_ab, g_ba)
        learn(d_optimizer, d_tape, d_loss, d_a, d_b)
        return {'g_loss': g_loss, 'd_loss': d_loss, 'cycle': cycle}

    return step
`;

/** The epoch loop on one device. */
export const TRAIN_LOOP = String.raw`
def train_adversarial(step, dataset, epochs):
    """Runs step on every batch of the dataset, epochs times, printing each loss's mean per epoch."""
    step = tf.function(step)
    for epoch in range(epochs):
        totals, batches = {}, 0
        for batch in dataset:
            for name, value in step(batch).items():
                totals[name] = totals.get(name, 0.0) + float(value)
            batches += 1
        print(f'epoch {epoch + 1}: ' + ', '.join(f'{name} {total / batches:.4f}' for name, total in totals.items()))
`;

/** The epoch loop under tf.distribute, as TensorFlow's distributed custom-training guide writes it. */
export const DISTRIBUTED_LOOP = String.raw`
def replica_average(global_batch_size):
    """The loss one replica contributes (TensorFlow's distributed training guide): each example's mean
    value, summed over this replica's examples and divided by the global batch size, so that adding up
    the replicas' losses gives the mean over the whole batch."""

    def average(values):
        per_example = tf.reduce_mean(tf.reshape(values, (tf.shape(values)[0], -1)), axis=1)
        return tf.nn.compute_average_loss(per_example, global_batch_size=global_batch_size)

    return average


def train_distributed(strategy, step, dataset, epochs):
    """Runs step on every replica with its share of each global batch (strategy.run), adds up the
    replicas' losses (strategy.reduce), epochs times, printing each loss's mean per epoch."""
    distributed = strategy.experimental_distribute_dataset(dataset)

    @tf.function
    def distributed_step(batch):
        losses = strategy.run(step, args=(batch,))
        return {name: strategy.reduce(tf.distribute.ReduceOp.SUM, value, axis=None) for name, value in losses.items()}

    for epoch in range(epochs):
        totals, batches = {}, 0
        for batch in distributed:
            for name, value in distributed_step(batch).items():
                totals[name] = totals.get(name, 0.0) + float(value)
            batches += 1
        print(f'epoch {epoch + 1}: ' + ', '.join(f'{name} {total / batches:.4f}' for name, total in totals.items()))
`;
