/**
 * A small picture of a graph for the gallery: one box per node at its
 * canvas position, coloured by category, and one line per edge. Pure data;
 * Thumbnail.tsx draws it as SVG.
 */
import type { SubGraph } from '../../graph/schema.ts';
import { getSpec } from '../../nodes/index.ts';
import { CATEGORY_COLORS } from '../canvas/colors.ts';

export interface ThumbBox {
  x: number;
  y: number;
  color: string;
}

export interface Thumb {
  /** viewBox width and height; boxes are BOX_W × BOX_H in these units. */
  width: number;
  height: number;
  boxes: ThumbBox[];
  lines: [number, number, number, number][];
}

export const BOX_W = 200;
export const BOX_H = 90;

export function thumbnailOf(g: SubGraph): Thumb {
  const at = new Map<string, { x: number; y: number }>();
  g.nodes.forEach((n, i) => at.set(n.id, n.position ?? { x: 0, y: i * 140 }));
  const xs = [...at.values()].map((p) => p.x);
  const ys = [...at.values()].map((p) => p.y);
  const [minX, minY] = [Math.min(0, ...xs), Math.min(0, ...ys)];
  const boxes = g.nodes.map((n) => {
    const p = at.get(n.id)!;
    const color = CATEGORY_COLORS[getSpec(n.kind)?.category ?? 'unknown'];
    return { x: p.x - minX, y: p.y - minY, color };
  });
  const lines = g.edges.flatMap((e): [number, number, number, number][] => {
    const a = at.get(e.source);
    const b = at.get(e.target);
    return a && b ? [[a.x - minX + BOX_W / 2, a.y - minY + BOX_H, b.x - minX + BOX_W / 2, b.y - minY]] : [];
  });
  return {
    width: Math.max(BOX_W, ...boxes.map((b) => b.x + BOX_W)),
    height: Math.max(BOX_H, ...boxes.map((b) => b.y + BOX_H)),
    boxes,
    lines,
  };
}
