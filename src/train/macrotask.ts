/**
 * One trip through the event loop between batches, so a worker can receive
 * pause and stop messages (and the CLI a Ctrl-C) while training.
 *
 * Not setTimeout(0): browsers clamp nested timers to 4 ms after five levels,
 * which is most of an MNIST batch on wasm (~5 ms). A MessageChannel message
 * is a task without the clamp; Node has setImmediate.
 */
type Immediate = (fn: () => void) => unknown;

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function nextMacrotask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: Immediate }).setImmediate;
  if (typeof immediate === 'function') return new Promise((resolve) => void immediate(resolve));
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    const port = channel.port2;
    return new Promise((resolve) => {
      waiting.push(resolve);
      port.postMessage(0);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
