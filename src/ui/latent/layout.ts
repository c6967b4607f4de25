/** Scatter-plot geometry and class colours for result views (pure). */

/** Ten colours that stay apart for colour-blind viewers too (Tableau 10). */
export const CLASS_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/**
 * Flat [x0, y0, x1, y1, …] data → pixel positions in a size×size box with a
 * margin, same scale on both axes (distances in the latent space stay
 * comparable), y up.
 */
export function scatterLayout(points: readonly number[], size: number, margin: number): [number, number][] {
  const n = Math.floor(points.length / 2);
  const f = scatterFrame(points, size, margin);
  if (!f) return [];
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) out.push([size / 2 + (points[2 * i]! - f.cx) * f.scale, size / 2 - (points[2 * i + 1]! - f.cy) * f.scale]);
  return out;
}

/** The latent point under pixel (px, py) of the same box: scatterLayout undone (a click on the map decodes it). */
export function latentAt(points: readonly number[], size: number, margin: number, px: number, py: number): [number, number] | null {
  const f = scatterFrame(points, size, margin);
  return f ? [f.cx + (px - size / 2) / f.scale, f.cy - (py - size / 2) / f.scale] : null;
}

/** Centre and scale of the box's mapping (null for no finite points). */
function scatterFrame(points: readonly number[], size: number, margin: number): { cx: number; cy: number; scale: number } | null {
  const n = Math.floor(points.length / 2);
  if (!n) return null;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  }
  if (minX > maxX) return null;
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, scale: (size - 2 * margin) / span };
}
