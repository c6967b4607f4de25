/**
 * Weights by their name in the file (`dense_1/kernel`, Keras 3
 * `functional/encoder/dense/kernel`, `dense/kernel:0`) → by netloom node
 * path (`dense_1/kernel`, `encoder/dense/kernel`). The owning layer is the
 * right-most name segment that is a layer of the model; when several models
 * hold a layer of that name, the segments before it must name the model.
 * A layer used several times gives each of its nodes a copy.
 */
import type { Owner } from './build-layer.ts';
import type { ImportedWeights, ImportNote, WeightTensor } from './types.ts';
import type { WeightReshapes } from './refit.ts';
import { english, text } from '../i18n/text.ts';

export function assignWeights(decoded: Map<string, WeightTensor>, owners: Map<string, Owner[]>, reshapes: WeightReshapes, notes: ImportNote[]): ImportedWeights {
  const out: ImportedWeights = new Map();
  const unmatched: string[] = [];
  for (const [name, t] of decoded) {
    const segs = name.replace(/:\d+$/, '').split('/');
    const short = segs.pop()!;
    const found = findOwners(segs, owners);
    if (!found.length) {
      unmatched.push(name);
      continue;
    }
    for (const o of found) {
      const path = o.nodePath.join('/');
      // A node import rewrote (Dense on a feature map → 1×1 Conv2D) holds its weights in its new kind's shapes.
      const reshape = reshapes.get(path)?.[short];
      const reshaped = reshape ? { ...t, shape: reshape(t.shape) } : t;
      out.set(`${path}/${short}`, reshaped);
    }
  }
  if (unmatched.length) {
    const t = text('import.unmatched-weights', { count: unmatched.length, names: `${unmatched.slice(0, 5).join(', ')}${unmatched.length > 5 ? ', …' : ''}` });
    notes.push({ severity: 'warning', code: 'unmatched-weights', message: english(t), text: t });
  }
  return out;
}

function findOwners(segs: string[], owners: Map<string, Owner[]>): Owner[] {
  for (let i = segs.length - 1; i >= 0; i--) {
    const list = (owners.get(segs[i]!) ?? []).filter((o) => o.kind !== 'Composite');
    if (!list.length) continue;
    const before = segs.slice(0, i);
    const scoped = list.filter((o) => o.kerasScope.length <= before.length && o.kerasScope.every((s, k) => s === before[before.length - o.kerasScope.length + k]));
    const scopes = new Set(list.map((o) => o.kerasScope.join('/')));
    // Scoped matches win; an unscoped name (tfjs writes inner layers without their model) is fine while it is unique.
    const pick = scoped.length && scoped.some((o) => o.kerasScope.length > 0) ? scoped.filter((o) => o.kerasScope.length > 0) : scopes.size === 1 ? list : scoped;
    if (pick.length) return pick;
  }
  return [];
}
