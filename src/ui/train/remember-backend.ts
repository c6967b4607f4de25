/**
 * What "auto" measured (the backend probe), kept in this browser per model
 * size, so the next run of a model of about the same size starts at once.
 * The size is the work of one batch (multiply-adds × batch size) rounded to a
 * power of two: a GPU that wins on a big model may lose on a tiny one.
 * localStorage: per device (browser profile), survives reloads.
 */
import type { RememberedBackend } from '../../train/backend/select.ts';
import type { BackendReport } from '../../train/backend/select.ts';

const PREFIX = 'netloom.backend-probe.';

export function sizeBucket(macsPerSample: number, batchSize: number): number {
  return Math.round(Math.log2(1 + Math.max(0, macsPerSample) * Math.max(1, batchSize)));
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked: measure every time
  }
}

export function recall(bucket: number): RememberedBackend | null {
  try {
    const raw = storage()?.getItem(PREFIX + bucket);
    if (!raw) return null;
    const v = JSON.parse(raw) as RememberedBackend;
    return typeof v?.backend === 'string' && Array.isArray(v.measured) ? v : null;
  } catch {
    return null;
  }
}

/** Keeps a fresh measurement (not one that was itself recalled). */
export function remember(bucket: number, report: BackendReport): void {
  if (!report.probe || report.probe.remembered) return;
  try {
    storage()?.setItem(PREFIX + bucket, JSON.stringify({ backend: report.active, measured: report.probe.measured } satisfies RememberedBackend));
  } catch {
    // Quota or blocked storage: the next run measures again.
  }
}

/** Forgets a choice that failed (e.g. its GPU context was lost). */
export function forget(bucket: number): void {
  try {
    storage()?.removeItem(PREFIX + bucket);
  } catch {
    // nothing kept
  }
}
