/**
 * Test page for threads.test.ts: cross-origin isolated (the preview sends
 * COOP/COEP), it starts a module worker that selects wasm as the training
 * worker does (threaded build, our SIMD kernels with their helper threads)
 * and compares the split kernels with cpu. Exposed as window.threadsCheck().
 */
(window as unknown as { threadsCheck(): Promise<unknown> }).threadsCheck = () =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(String(e.message ?? e)));
    worker.onmessageerror = (e) => reject(new Error('message error ' + String(e)));
  });
document.title = 'ready';
