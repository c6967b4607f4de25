/**
 * Finds English left on a Korean screen: runs of three or more English words
 * in visible text, tooltips (title), aria-labels, placeholders and alt texts.
 *
 * Code may stay code: layer kind names, param names and values (relu, same,
 * adam), units and a few technical words are not counted as English words,
 * nor is anything containing a digit, an underscore or an inner capital
 * (Conv2D, kernelSize, float32). The code panel is left out (it is code).
 */
import type { Page } from 'playwright-core';
import { NODE_SPECS } from '../../src/nodes/index.ts';

/** Words that are code or names, not English prose, on a Korean screen. */
const CODE_WORDS = [
  // tfjs / Keras names and values users type and read as code
  'relu', 'sigmoid', 'tanh', 'softmax', 'linear', 'elu', 'selu', 'gelu', 'swish', 'softplus', 'softsign', 'same', 'valid', 'adam', 'sgd', 'rmsprop',
  'nearest', 'bilinear', 'horizontal', 'vertical', 'channels', 'last', 'first', 'true', 'false', 'null', 'none',
  'mse', 'mae', 'categorical', 'crossentropy', 'binary', 'sparse', 'glorot', 'uniform', 'normal', 'zeros', 'ones', 'he',
  // Keras 1 Merge modes, quoted from a file
  'sum', 'mul', 'ave', 'max', 'concat', 'cos', 'dot',
  // product, library and dataset names
  'netloom', 'tfjs', 'tensorflow', 'keras', 'python', 'typescript', 'json', 'wasm', 'webgl', 'webgpu', 'cpu', 'gpu', 'simd', 'mnist', 'csv', 'png', 'svg',
  'json', 'adam', 'resnet', 'vgg', 'googlenet', 'inception', 'unet', 'fcn', 'yolo', 'ssd', 'dcgan', 'cyclegan', 'pix2pix', 'gan', 'iou', 'map', 'nms', 'roi',
  'ctrl', 'shift', 'alt', 'enter', 'esc', 'tab',
  // units
  'px', 'ms', 's', 'min', 'kb', 'mb', 'gb', 'kib', 'mib', 'gib', 'macs', 'flops',
];

export function codeWords(): string[] {
  const words = new Set(CODE_WORDS);
  for (const s of NODE_SPECS) {
    words.add(s.kind.toLowerCase());
    const shape = (s.params as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    for (const name of Object.keys(shape)) words.add(name.toLowerCase());
  }
  for (const role of ['encoder', 'decoder', 'generator', 'discriminator', 'backbone', 'block', 'composite']) words.delete(role);
  return [...words];
}

export interface EnglishRun {
  /** Where it was found: text, title, aria-label, placeholder or alt. */
  where: string;
  run: string;
  /** The whole string it came from. */
  in: string;
}

/** Every run of ≥ `min` English words visible on the page (or in attributes a user meets). */
export async function englishRuns(page: Page, min = 3): Promise<EnglishRun[]> {
  // esbuild (tsx) may wrap the named arrows below in __name(); give the page one.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    ({ allowed, min }) => {
      const skip = (el: Element | null) => !!el?.closest('.code-panel, .monaco-editor, [data-english-ok], script, style, noscript, code, pre');
      const visible = (el: Element) => {
        const r = (el as HTMLElement).getClientRects?.();
        if (!r || r.length === 0) return false;
        const cs = getComputedStyle(el);
        return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
      };
      const ok = new Set(allowed);
      const english = (w: string) => /^[A-Za-z][a-z]+(['’][a-z]+)?$/.test(w) && !ok.has(w.toLowerCase());
      const runs: { where: string; run: string; in: string }[] = [];
      const scan = (s: string, where: string) => {
        // Words are split at spaces and punctuation; a run is consecutive English words.
        const tokens = s.split(/[\s,.;:!?()[\]{}"“”'‘’/·•…→—–-]+/).filter(Boolean);
        let run: string[] = [];
        const flush = () => {
          if (run.length >= min) runs.push({ where, run: run.join(' '), in: s.trim().slice(0, 200) });
          run = [];
        };
        for (const t of tokens) {
          if (english(t)) run.push(t);
          else flush();
        }
        flush();
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || skip(el) || !visible(el) || !n.textContent?.trim()) continue;
        scan(n.textContent, 'text');
      }
      for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], [aria-description]')) {
        if (skip(el)) continue;
        for (const a of ['title', 'aria-label', 'placeholder', 'alt', 'aria-description']) {
          const v = el.getAttribute(a);
          if (v) scan(v, a);
        }
      }
      // Option labels of closed selects are not visible text nodes, but a user reads them when opening.
      for (const o of document.querySelectorAll('option')) if (!skip(o) && o.textContent) scan(o.textContent, 'option');
      return runs;
    },
    { allowed: codeWords(), min },
  );
}
