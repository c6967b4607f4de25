/**
 * One helper thread of netloom's SIMD kernels (threads.ts): instantiates the
 * shared-memory module on tfjs's heap, then runs the share of a kernel call
 * it is handed through its slot of the control array, for as long as the
 * training worker lives. It blocks in Atomics.wait between calls, so it
 * never handles another message.
 */
import { KERNEL_NAMES, SLOT, type HelperStart } from './threads.ts';

self.onmessage = (event: MessageEvent<HelperStart>) => {
  const { module, memory, control, slot } = event.data;
  const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Record<string, (...args: number[]) => void>;
  const ctl = new Int32Array(control);
  const base = slot * SLOT;
  self.postMessage('ready');
  let seen = Atomics.load(ctl, base);
  for (;;) {
    Atomics.wait(ctl, base, seen);
    const generation = Atomics.load(ctl, base);
    if (generation === seen) continue;
    seen = generation;
    const name = KERNEL_NAMES[ctl[base + 2]!]!;
    const count = ctl[base + 3]!;
    kernels[name]!(...Array.from(ctl.subarray(base + 4, base + 4 + count)));
    Atomics.store(ctl, base + 1, generation);
    Atomics.notify(ctl, base + 1);
  }
};
