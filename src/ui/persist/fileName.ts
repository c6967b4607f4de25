/**
 * One file-name stem per graph, shared by every download of it: the graph
 * file, the TypeScript and Python code, the trained model and its weights
 * ("MNIST CNN" → MNIST_CNN.json, MNIST_CNN.ts, MNIST_CNN.py,
 * MNIST_CNN_torch.py, MNIST_CNN.model.json, MNIST_CNN.weights.bin). Underscores, because the
 * Python file must be importable as a module (`import MNIST_CNN`), and a
 * stem that is one everywhere is easy to find again; letters of any script
 * stay (Python 3 module names may be Korean).
 */

/** Longest stem, in characters (file systems allow 255 bytes; Korean takes 3 bytes a letter). */
const MAX_STEM = 80;

/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** The graph's name as a safe file stem: letters, digits and underscores; `fallback` when nothing is left. */
export function fileStem(name: string, fallback = 'graph'): string {
  const safe = name
    .replace(/\.json$/i, '')
    // Anything but letters, combining marks and digits (spaces, dots, hyphens, slashes, control characters) becomes one underscore.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  // By code points, so a letter outside the BMP is never cut in half.
  const stem = Array.from(safe).slice(0, MAX_STEM).join('').replace(/_+$/, '');
  return stem && !RESERVED.test(stem) ? stem : fallback;
}

/** A safe download name for a graph: `<stem>.json`. */
export function fileNameFor(name: string, fallback = 'graph'): string {
  return `${fileStem(name, fallback)}.json`;
}

/** The PyTorch code's name: `<stem>_torch.py`, importable as a module, beside the Keras file's `<stem>.py`. */
export const torchFileName = (name: string): string => `${fileStem(name)}_torch.py`;
