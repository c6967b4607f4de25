/**
 * The prepared MNIST files (public/data/, made by `npm run prepare-data`):
 * - mnist-images.u8: count × 28 × 28 bytes, 0–255, row-major, one digit after another
 * - mnist-labels.u8: count bytes, the digit 0–9 of each image
 * - mnist.json: this manifest (counts, split, sizes, CRC-32 checksums, source)
 * Rows [0, split.train) are the training set and [split.train, count) the test
 * set; both are already shuffled (classes interleaved) with split.seed.
 */
import { z } from 'zod';

export const MNIST_FORMAT = 'netloom.mnist';
export const MNIST_VERSION = 1;
export const MNIST_MANIFEST_FILE = 'mnist.json';
export const MNIST_IMAGES_FILE = 'mnist-images.u8';
export const MNIST_LABELS_FILE = 'mnist-labels.u8';
/** The split seed and test share; changing them changes every file (bump nothing else). */
export const MNIST_SPLIT_SEED = 20_240_501;
export const MNIST_TEST_FRACTION = 0.2;

const FileEntry = z.object({ file: z.string(), bytes: z.number().int().nonnegative(), crc32: z.string().regex(/^[0-9a-f]{8}$/) });

export const MnistManifestSchema = z.object({
  format: z.literal(MNIST_FORMAT),
  version: z.literal(MNIST_VERSION),
  count: z.number().int().positive(),
  height: z.literal(28),
  width: z.literal(28),
  channels: z.literal(1),
  classNames: z.array(z.string()).length(10),
  split: z.object({
    train: z.number().int().nonnegative(),
    test: z.number().int().nonnegative(),
    seed: z.number().int(),
    stratified: z.boolean(),
    trainPerClass: z.array(z.number().int()).length(10),
    testPerClass: z.array(z.number().int()).length(10),
  }),
  images: FileEntry,
  labels: FileEntry,
  source: z.object({ package: z.string(), version: z.string(), pixels: z.string(), fingerprint: z.string() }),
});

export type MnistManifest = z.infer<typeof MnistManifestSchema>;
