/**
 * Python functions the Keras export uses to load netloom's built-in data
 * and prepare it as netloom does: MNIST through keras.datasets (0–1, as
 * netloom scales it), the ECG5000 heartbeats netloom's synthetic beats
 * imitate, and numpy versions of netloom's synthetic shapes, edge pairs
 * and two-domain digits. Fixed text (no user text); numpy only, so
 * tests/codegen/keras-numeric.test.ts runs them.
 */

/** split(count, fraction, seed, labels): netloom's seeded (stratified) hold-out. */
export const SPLIT = String.raw`
def split(count, fraction, seed, labels=None):
    """Indices (rest, part) of count samples: part holds the given fraction of them, drawn at random
    with seed, the same share of every class when there are labels (as netloom splits)."""
    rng = np.random.default_rng(seed)
    groups = [np.arange(count)] if labels is None else [np.flatnonzero(labels == c) for c in np.unique(labels)]
    quota = min(1, fraction) * np.array([len(g) for g in groups])
    take = np.floor(quota).astype(int)
    # The samples left over go to the classes with the largest remainders: the total is exact.
    take[np.argsort(take - quota, kind='stable')[: round(quota.sum()) - take.sum()]] += 1
    part = np.concatenate([rng.permutation(g)[:k] for g, k in zip(groups, take)])
    rest = np.setdiff1d(np.arange(count), part)
    return rng.permutation(rest), np.sort(part)
`;

export const MNIST_DIGITS = String.raw`
def mnist_digits(digits=None):
    """MNIST from keras.datasets, scaled as netloom scales it: 28x28x1 float32 images in 0-1 and integer
    labels; with digits, only those, relabelled 0, 1, ... in that order. (netloom ships 10,000 of these
    digits, 8,000 to train and 2,000 to test; keras.datasets has all 70,000.)"""
    sets = []
    for x, y in keras.datasets.mnist.load_data():
        x = (x.astype('float32') / 255.0).reshape(-1, 28, 28, 1)
        if digits is not None:
            keep = np.isin(y, digits)
            x, y = x[keep], np.searchsorted(digits, y[keep])
        sets.append((x, y.astype('int64')))
    return sets
`;

export const ECG5000 = String.raw`
def heartbeats(seed=5001):
    """ECG5000 heartbeats (140 values each, every series z-normalised), as in TensorFlow's anomaly detection
    tutorial; netloom trains on synthetic beats shaped like them. Class 0 normal, 1 abnormal; 80/20 split."""
    path = keras.utils.get_file('ecg.csv', 'https://storage.googleapis.com/download.tensorflow.org/data/ecg.csv')
    raw = np.loadtxt(path, delimiter=',', dtype='float32')
    x, y = raw[:, :-1], (raw[:, -1] != 1).astype('int64')  # the file marks normal beats 1
    train, test = split(len(x), 0.2, seed, labels=y)
    return (x[train], y[train]), (x[test], y[test])
`;

/** Synthetic shapes, 64×64×1: `shapes(kind)` gives masks (segmentation) or boxes (detection). */
export const SHAPES = String.raw`
def draw_shapes(rng, size, max_overlap):
    """One image of netloom's shapes data: 1-3 filled circles, squares and triangles (brightness 0.6-1) on a
    darker, noisy background. Returns the image [size, size, 1] in 0-1, a class per pixel (0 background,
    1 circle, 2 square, 3 triangle) and a box [x, y, w, h, kind] per shape (kind 0 circle, 1 square, 2 triangle)."""
    rows, cols = np.mgrid[0:size, 0:size] + 0.5
    owner = np.full((size, size), -1)
    placed, kinds, levels = [], [], []
    for _ in range(rng.integers(1, 4)):
        kind = rng.integers(3)
        for _attempt in range(30):
            half = rng.uniform(12, 26) * (0.62 if kind == 2 else 0.5)
            cx, cy = rng.uniform(half + 1, size - half - 1, 2)
            if kind == 0:
                inside = (cols - cx) ** 2 + (rows - cy) ** 2 <= half**2
            elif kind == 1:
                inside = (np.abs(cols - cx) <= half) & (np.abs(rows - cy) <= half)
            else:
                corners = rng.uniform(0, 2 * np.pi) + 2 * np.pi * np.arange(3) / 3
                vx, vy = cx + half * np.cos(corners), cy + half * np.sin(corners)
                sides = [(vx[(k + 1) % 3] - vx[k]) * (rows - vy[k]) - (vy[(k + 1) % 3] - vy[k]) * (cols - vx[k]) for k in range(3)]
                inside = np.all([s >= 0 for s in sides], axis=0) | np.all([s <= 0 for s in sides], axis=0)
            box = tight_box(inside)
            if box is None or any(overlap(p, box) > max_overlap * min(p[2] * p[3], box[2] * box[3]) for p in placed):
                continue
            owner[inside] = len(placed)
            placed.append(box)
            kinds.append(kind)
            levels.append(rng.uniform(0.6, 1))
            break
    image = rng.uniform(0.05, 0.25) + rng.uniform(-0.1, 0.1) * (cols - 0.5) / size + rng.uniform(-0.1, 0.1) * (rows - 0.5) / size
    mask = np.zeros((size, size), 'int64')
    boxes = []
    for k, (kind, level) in enumerate(zip(kinds, levels)):
        image[owner == k] = level
        mask[owner == k] = kind + 1
        if (owner == k).any():
            boxes.append(tight_box(owner == k) + [kind])
    image = np.clip(image + 0.05 * rng.standard_normal((size, size)), 0, 1)
    return image.reshape(size, size, 1).astype('float32'), mask, boxes


def tight_box(inside):
    """[x, y, w, h] of the pixels where inside is True, or None when there are none."""
    rows, cols = np.nonzero(inside)
    if len(rows) == 0:
        return None
    return [int(cols.min()), int(rows.min()), int(cols.max() - cols.min() + 1), int(rows.max() - rows.min() + 1)]


def overlap(a, b):
    """Area two boxes [x, y, w, h] have in common."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h)


def shapes(targets, train_count=2000, test_count=400, size=64, seed=71):
    """netloom's synthetic shapes: (x, masks) per set for targets='masks' (segmentation), (x, boxes) for
    targets='boxes' (detection: shapes overlap less). boxes[i] is an array [k, 5] of [x, y, w, h, class]."""
    rng = np.random.default_rng(seed)
    max_overlap = 0.25 if targets == 'masks' else 0.05
    sets = []
    for count in (train_count, test_count):
        drawn = [draw_shapes(rng, size, max_overlap) for _ in range(count)]
        x = np.stack([image for image, _, _ in drawn])
        if targets == 'masks':
            sets.append((x, np.stack([mask for _, mask, _ in drawn])))
        else:
            boxes = np.empty(count, dtype=object)
            boxes[:] = [np.array(b, 'float32').reshape(-1, 5) for _, _, b in drawn]
            sets.append((x, boxes))
    return sets
`;

export const DILATE = String.raw`
def dilate(x):
    """Each pixel becomes the brightest of its 3x3 neighbourhood (images [n, h, w, 1])."""
    h, w = x.shape[1:3]
    padded = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    return np.max([padded[:, i : i + h, j : j + w] for i in range(3) for j in range(3)], axis=0)
`;

/** MNIST edge maps paired with their digits (pix2pix). */
export const EDGE_PAIRS = String.raw`
def edge_pairs():
    """netloom's mnist-edges-pairs: (edges, labels, digits) per set. An edge map is 1 where a pixel is not
    part of the digit (under 0.5) but touches it, so the generator has to fill the strokes in."""
    sets = []
    for x, y in mnist_digits():
        digit = (x >= 0.5).astype('float32')
        sets.append((dilate(digit) * (1 - digit), y, x))
    return sets
`;

/** Two unpaired domains of digits, plain and bold (CycleGAN). */
export const DOMAINS = String.raw`
def digit_domains(seed=1):
    """netloom's mnist-domains: (a, labels, b) per set, two unpaired domains: half the digits as they are (A),
    the other half made bold (B, a 3x3 dilation). No digit is in both, and row i of A has nothing to do with row i of B."""
    sets = []
    for k, (x, y) in enumerate(mnist_digits()):
        order = np.random.default_rng(seed + k).permutation(len(x))
        a, b = order[: len(x) // 2], order[len(x) // 2 : 2 * (len(x) // 2)]
        sets.append((x[a], y[a], dilate(x[b])))
    return sets
`;

/** Denoising: the corruption, and training batches with fresh noise each. */
export const NOISE = String.raw`
def add_noise(x, noise_factor, rng):
    """x + noise_factor x Gaussian noise, clipped to 0-1 (the course notes' denoising example)."""
    return np.clip(x + noise_factor * rng.standard_normal(x.shape), 0, 1).astype('float32')


class NoisyBatches(keras.utils.PyDataset):
    """Training batches (noisy, clean) for a denoising autoencoder: fresh noise for every batch, as netloom
    trains, and the images in a new order every epoch."""

    def __init__(self, x, batch_size, noise_factor, seed, **kwargs):
        super().__init__(**kwargs)
        self.x, self.batch_size, self.noise_factor = x, batch_size, noise_factor
        self.rng = np.random.default_rng(seed)
        self.order = self.rng.permutation(len(x))

    def __len__(self):
        return -(-len(self.x) // self.batch_size)

    def __getitem__(self, i):
        clean = self.x[self.order[i * self.batch_size : (i + 1) * self.batch_size]]
        return add_noise(clean, self.noise_factor, self.rng), clean

    def on_epoch_end(self):
        self.order = self.rng.permutation(len(self.x))
`;
