/**
 * The frame every view inside the network shares: a heading that opens and
 * closes it (closed views ask the model nothing; an opened view stays open
 * as the user moves from node to node), the one-line note on what
 * it shows, which weights it shows, how long the look took, any problem in
 * plain words, and Save PNG.
 */
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSay } from '../../i18n/useText.ts';
import type { Text } from '../../i18n/text.ts';
import type { Range } from '../../inspect/types.ts';
import { composeFigure, downloadCanvas, fileStem } from './png.ts';
import type { ModelLabel } from './source.ts';
import { useWeights } from '../weights/store.ts';
import { useInspect } from './store.ts';

export interface ViewFrameProps {
  title: string;
  note: string;
  testId: string;
  /** Which weights answered (views that need no model leave it out). */
  label?: ModelLabel;
  busy?: boolean;
  /** Milliseconds the last look took in the worker. */
  ms?: number;
  problem?: Text | null;
  /** For the PNG: the node and view in the file name, the scale under the pictures, more lines. */
  fileName: string;
  range?: Range;
  lines?: string[];
  children(open: boolean): ReactNode;
}

export function ViewFrame({ title, note, testId, label, busy, ms, problem, fileName, range, lines = [], children }: ViewFrameProps) {
  const { t } = useTranslation('inside');
  const say = useSay();
  const open = useInspect((s) => s.open[testId] ?? false);
  const setOpen = (o: boolean) => useInspect.getState().setOpen(testId, o);
  const body = useRef<HTMLDivElement>(null);
  const modelWords = useModelWords(label);
  const save = () => {
    if (!body.current) return;
    const fig = composeFigure(body.current, { title, lines: [modelWords, ...lines].filter(Boolean), range });
    downloadCanvas(fig, `${fileStem(fileName)}.png`);
  };
  return (
    <section className={`insp-section inside-view${open ? ' open' : ''}`} data-testid={testId} data-open={open} data-busy={busy ? 'true' : 'false'} data-ms={ms === undefined ? '' : ms.toFixed(1)} data-model={label?.kind ?? ''}>
      <h3>
        <button className="inside-toggle" aria-expanded={open} onClick={() => setOpen(!open)} data-testid={`${testId}-toggle`}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {title}
        </button>
      </h3>
      {open && (
        <>
          <p className="inside-note">{note}</p>
          {(label || busy || ms !== undefined) && (
            <p className="inside-model" data-testid={`${testId}-model`}>
              {modelWords}
              {busy ? <span className="inside-busy"> · {t('busy')}</span> : ms !== undefined && <span className="inside-ms"> · {t('ms', { ms: ms < 10 ? ms.toFixed(1) : Math.round(ms) })}</span>}
            </p>
          )}
          {problem && (
            <p className="inside-problem" role="note" data-testid={`${testId}-problem`}>
              {say(problem)}
            </p>
          )}
          <div ref={body} className="inside-body">
            {children(open)}
          </div>
          <button className="inside-save" onClick={save} data-testid={`${testId}-save`}>
            {t('saveAsPng')}
          </button>
        </>
      )}
    </section>
  );
}

/** Which weights a view shows, in words. */
export function useModelWords(label: ModelLabel | undefined): string {
  const { t } = useTranslation('inside');
  const source = useWeights((s) => s.source);
  if (!label) return '';
  switch (label.kind) {
    case 'fresh':
      return t('modelFresh');
    case 'loaded':
      return source === 'trained' ? t('modelKept') : t('modelLoaded', { source: label.source });
    case 'training':
      return label.epochs ? t('modelTraining', { epochs: label.epochs }) : t('modelTrainingStart');
    case 'trained':
      return t('modelTrained', { count: label.epochs });
  }
}
