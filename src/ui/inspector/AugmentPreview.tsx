/**
 * For augmentation nodes: eight digits before and after the augmentation
 * chain that ends at this node, redrawn when a param changes and on "New
 * draws" (the layers draw new random amounts every time, as in training).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphAt } from '../../graph/commands.ts';
import { analysisOf, graphAnalysisAt, useEditor } from '../store.ts';
import { augmentChain } from './augment-chain.ts';
import type { PreviewImages } from './augment-preview.ts';

export function AugmentPreview({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('inspector');
  const doc = useEditor((s) => s.history.present);
  const path = useEditor((s) => s.path);
  const [draw, setDraw] = useState(0);
  const [images, setImages] = useState<PreviewImages | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chain = useMemo(() => {
    const g = graphAt(doc, path);
    const ga = graphAnalysisAt(analysisOf(doc), path);
    return g && ga ? augmentChain(g, ga, nodeId) : null;
  }, [doc, path, nodeId]);
  const key = JSON.stringify(chain);

  useEffect(() => {
    if (!chain) return;
    let live = true;
    // Loaded on use: tfjs stays out of the page until someone looks at a preview.
    import('./augment-preview.ts')
      .then((m) => m.previewAugmentation(chain))
      .then(
        (r) => live && (setImages(r), setError(null)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the chain's content
  }, [key, draw]);

  if (!chain) return null;
  return (
    <section className="insp-section augment-preview" aria-label={t('augmentPreview')} data-testid="augment-preview">
      <h3>
        {t('augmentPreview')}{' '}
        <button className="link" onClick={() => setDraw((d) => d + 1)} data-testid="augment-redraw">
          {t('augmentRedraw')}
        </button>
      </h3>
      {error && <p className="error">{t('augmentFailed', { message: error })}</p>}
      {images && (
        <>
          <Row label={t('augmentBefore')} images={images.before} shape={images.shape} />
          <Row label={t('augmentAfter')} images={images.after} shape={images.shape} testId="augment-after" />
        </>
      )}
    </section>
  );
}

function Row({ label, images, shape, testId }: { label: string; images: Float32Array[]; shape: [number, number, number]; testId?: string }) {
  return (
    <div className="augment-row" data-testid={testId}>
      <span>{label}</span>
      {images.map((img, i) => (
        <ImageCanvas key={i} values={img} shape={shape} />
      ))}
    </div>
  );
}

function ImageCanvas({ values, shape: [h, w, c] }: { values: Float32Array; shape: [number, number, number] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(w, h);
    for (let p = 0; p < h * w; p++) {
      for (let k = 0; k < 3; k++) img.data[p * 4 + k] = Math.round(Math.min(1, Math.max(0, values[p * c + (c === 3 ? k : 0)]!)) * 255);
      img.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, h, w, c]);
  return <canvas ref={ref} width={w} height={h} className="augment-image" data-sum={values.reduce((a, b) => a + b, 0).toFixed(3)} />;
}
