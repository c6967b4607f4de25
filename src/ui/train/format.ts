/** Numbers as the training panel shows them. */

/** 75_000 → "1:15", 3_725_000 → "1:02:05". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A metric's value: shares as percentages (acc 0.9712 → "97.1%", also IoU and mAP), others with 4 significant digits. */
export function metric(name: string, v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (/acc|precision|recall|iou|map/i.test(name)) return `${(v * 100).toFixed(1)}%`;
  return Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4);
}
