/**
 * Python classes the Keras export defines where Keras computes something
 * else than tfjs (and so netloom) for the same layer config. Fixed text: no
 * user text goes in. tests/codegen/keras-numeric.test.ts runs them under a
 * numpy stand-in for keras.ops against tfjs.
 */

/** Names the classes claim in the module. */
export const BILINEAR_CLASS = 'BilinearUpSampling2D';
export const FLIP_CLASS = 'RandomFlipBothAxes';

/** UpSampling2D(interpolation='bilinear'): tfjs samples at i / size (half_pixel_centers=False), Keras at (i + 0.5) / size − 0.5. */
export const BILINEAR_UPSAMPLING = String.raw`
class BilinearUpSampling2D(keras.layers.Layer):
    """UpSampling2D(interpolation='bilinear') as netloom (TensorFlow.js) computes it: output pixel i reads
    input position i / size (half_pixel_centers=False), so a row [0, 1] becomes [0, 0.5, 1, 1].
    Keras's own UpSampling2D reads (i + 0.5) / size - 0.5 and gives [0, 0.25, 0.75, 1]."""

    def __init__(self, size=(2, 2), **kwargs):
        super().__init__(**kwargs)
        self.size = tuple(size)

    def call(self, x):
        for axis, factor in ((1, self.size[0]), (2, self.size[1])):
            n = ops.shape(x)[axis]
            i = ops.arange(n * factor)
            low = i // factor
            high = ops.minimum(low + 1, n - 1)
            t = ops.cast(i % factor, x.dtype) / factor
            t = ops.reshape(t, (-1, 1, 1) if axis == 1 else (-1, 1))
            a = ops.take(x, low, axis=axis)
            x = a + (ops.take(x, high, axis=axis) - a) * t
        return x

    def compute_output_shape(self, input_shape):
        batch, height, width, channels = input_shape
        height = None if height is None else height * self.size[0]
        width = None if width is None else width * self.size[1]
        return (batch, height, width, channels)

    def get_config(self):
        return {**super().get_config(), 'size': self.size}
`;

/** RandomFlip('horizontal_and_vertical'): netloom tosses a coin per axis, Keras ≥ 3.6 one coin for both. */
export const RANDOM_FLIP_BOTH = String.raw`
class RandomFlipBothAxes(keras.layers.Layer):
    """RandomFlip('horizontal_and_vertical') as netloom does it: each image tosses one coin for a left-right
    flip and another for an up-down flip. Keras's own RandomFlip (3.6 and later) tosses one coin for both,
    so an image is flipped both ways or not at all. Images pass unchanged outside training."""

    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        self.left_right = layers.RandomFlip('horizontal', seed=seed)
        self.up_down = layers.RandomFlip('vertical', seed=None if seed is None else seed + 1)

    def call(self, x, training=None):
        return self.up_down(self.left_right(x, training=training), training=training)

    def get_config(self):
        return {**super().get_config(), 'seed': self.seed}
`;
