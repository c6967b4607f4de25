/** One colour per node category (canvas, minimap, palette). */
import type { Category } from '../../nodes/spec.ts';

export const CATEGORY_COLORS: Record<Category | 'unknown', string> = {
  input: '#3b7dd8',
  conv: '#1f9d8a',
  pool: '#5f8f26',
  dense: '#8256d0',
  merge: '#d0851f',
  shape: '#6f7b8f',
  norm: '#c2528a',
  activation: '#d45543',
  regularize: '#96a02f',
  augment: '#2f9cc8',
  detect: '#b0603a',
  composite: '#1f2a44',
  output: '#4d5566',
  unknown: '#999999',
};
