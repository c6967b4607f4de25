/** Which errors of a training step mean its GPU is gone (run stopped as a lost GPU, weights kept, wasm offered). */
import { describe, expect, test } from 'vitest';
import { gpuGoneError } from '../../../src/train/backend/health.ts';
import { english } from '../../../src/i18n/text.ts';

describe('gpuGoneError', () => {
  test.each([
    ['webgpu', new Error("Failed to execute 'mapAsync' on 'GPUBuffer': Device is lost")],
    ['webgpu', new DOMException('Device was destroyed.', 'OperationError')],
    ['webgpu', new DOMException('The GPU operation was aborted', 'AbortError')],
    ['webgl', new Error('WebGL context lost: CONTEXT_LOST_WEBGL')],
  ] as const)('%s: %s is a lost GPU', (backend, e) => {
    const said = gpuGoneError(backend, e);
    expect(said).not.toBeNull();
    expect(english(said!)).toContain(backend);
  });

  test.each([
    ['webgpu', new Error('Error in matMul: inner shapes (3) and (4) of Tensors with shapes 2,3 and 4,5 must match')],
    ['webgpu', new DOMException('The operation was aborted', 'AbortError')],
    ['webgl', 'a string'],
    ['wasm', new Error('Device is lost')], // not a GPU backend
    ['cpu', new Error('context lost')],
  ] as const)('%s: %s is not', (backend, e) => {
    expect(gpuGoneError(backend, e)).toBeNull();
  });
});
