/**
 * The page's side of the training worker: one module worker per run (a
 * fresh tfjs, backend and memory each time), wrapped with comlink.
 */
import * as Comlink from 'comlink';
import type { TrainEvent } from '../events.ts';
import { plainMessage, type TrainerApi } from './protocol.ts';
import { text, type Text } from '../../i18n/text.ts';

export interface Trainer {
  api: Comlink.Remote<TrainerApi>;
  /** Wraps an event callback so the worker can call it. */
  listener(onEvent: (e: TrainEvent) => void): (e: TrainEvent) => void;
  /** Ends the worker at once (its model and tensors go with it). */
  terminate(): void;
}

/**
 * Starts a worker. `onCrash` gets one plain sentence when the worker itself
 * fails (its script cannot load, or it throws outside a call); calls still
 * pending then never answer, so the caller must end the run there.
 */
export function createTrainer(onCrash: (said: Text) => void): Trainer {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'netloom-trainer' });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onCrash(e.message ? text('train.as-said', { detail: plainMessage(e.message) }) : text('train.worker-no-script'));
  });
  worker.addEventListener('messageerror', () => onCrash(text('train.worker-bad-message')));
  const api = Comlink.wrap<TrainerApi>(worker);
  return {
    api,
    listener: (onEvent) => Comlink.proxy(onEvent),
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** A rejected worker call as one line (comlink rebuilds worker errors with their stacks). */
export { plainMessage as callFailure };
