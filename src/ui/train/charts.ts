/** Chart data from run events, in uPlot's aligned-columns form. */
import type uPlot from 'uplot';
import type { EpochEvent } from '../../train/events.ts';

/**
 * x in epochs; loss per batch, and validation loss at each epoch's end
 * (x = epoch + 1, where that epoch's last batch also sits). GANs (`lossD`
 * given: the discriminator's loss per batch, `loss` the generator's) have
 * no validation loss: their columns are x, generator, discriminator.
 */
export function lossData(lossX: readonly number[], loss: readonly number[], epochs: readonly EpochEvent[], lossD: readonly number[] = []): uPlot.AlignedData {
  if (lossD.length) return [lossX.slice(), loss.slice(), lossX.map((_, i) => lossD[i] ?? null)];
  const rows = lossX.map((x, i) => [x, loss[i]!, null] as [number, number | null, number | null]);
  const at = new Map(lossX.map((x, i) => [x, i]));
  for (const e of epochs) {
    const v = e.metrics.val_loss;
    if (v === undefined) continue;
    const x = e.epoch + 1;
    const i = at.get(x);
    if (i !== undefined) rows[i]![2] = v;
    else rows.push([x, null, v]);
  }
  if (rows.length !== lossX.length) rows.sort((a, b) => a[0] - b[0]);
  return [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])];
}

/** Metric names other than losses seen in the epoch events, in first-seen order (acc, val_acc…). */
export function metricNames(epochs: readonly EpochEvent[]): string[] {
  const names = new Set<string>();
  for (const e of epochs) for (const k of Object.keys(e.metrics)) if (!/loss/.test(k)) names.add(k);
  return [...names];
}

export function metricsData(epochs: readonly EpochEvent[], names: readonly string[]): uPlot.AlignedData {
  return [epochs.map((e) => e.epoch + 1), ...names.map((n) => epochs.map((e) => e.metrics[n] ?? null))];
}
