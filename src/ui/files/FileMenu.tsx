/**
 * New / Open ▾ (Open file…, Load weights…, Autosaved documents…) / Save / Share link / Tidy up in the toolbar,
 * plus what has no button: drag-drop of a graph file (or a
 * model.json with its .bin files) anywhere, with an overlay, Ctrl+S and
 * Ctrl+O, and the autosave warning banner.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store.ts';
import { fileNameFor } from '../persist/fileName.ts';
import { downloadGraph, newGraph, openFiles, tidyUpGraph } from './actions.ts';
import { loadWeightsFiles } from '../weights/load.ts';
import { OpenMenu } from './OpenMenu.tsx';
import { SharePopover } from './SharePopover.tsx';
import { DropOverlay } from './DropOverlay.tsx';
import { StorageWarning } from './StorageWarning.tsx';
import { showOtherDocuments } from '../persist/recovered.ts';

export function FileMenu() {
  const { t } = useTranslation('files');
  const name = useEditor((s) => s.history.present.name);
  const input = useRef<HTMLInputElement>(null);
  const weightsInput = useRef<HTMLInputElement>(null);
  const [sharing, setSharing] = useState(false);
  const shareButton = useRef<HTMLButtonElement>(null);

  // Ctrl+S saves, Ctrl+O opens (also while typing: these never mean anything else here).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's') downloadGraph();
      else if (key === 'o') input.current?.click();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Several files at once: a model.json with its .bin weight files.
  const picked = (e: React.ChangeEvent<HTMLInputElement>, use: (files: File[]) => Promise<boolean>) => {
    const files = Array.from(e.target.files ?? []);
    // Clear it, so picking the same files again still opens them.
    e.target.value = '';
    if (files.length) void use(files);
  };

  return (
    <div className="file-menu" role="group" aria-label={t('menu')}>
      <button type="button" onClick={newGraph} title={t('newTip')} data-action="new">
        {t('new')}
      </button>
      <button type="button" onClick={() => input.current?.click()} title={t('openTip')} data-action="open-file">
        {t('open')}
      </button>
      <input ref={input} type="file" multiple accept=".json,.bin,application/json" onChange={(e) => picked(e, openFiles)} hidden data-testid="file-input" aria-label={t('open')} />
      <OpenMenu onOpen={() => input.current?.click()} onLoadWeights={() => weightsInput.current?.click()} onDocuments={() => void showOtherDocuments()} />
      <input
        ref={weightsInput}
        type="file"
        multiple
        accept=".json,.bin,application/json"
        onChange={(e) => picked(e, loadWeightsFiles)}
        hidden
        data-testid="weights-input"
        aria-label={t('loadWeights')}
      />
      <button type="button" onClick={() => downloadGraph()} title={t('saveTip', { file: fileNameFor(name) })} data-action="save">
        {t('save')}
      </button>
      <span className="share-anchor">
        <button
          ref={shareButton}
          type="button"
          onClick={() => setSharing((v) => !v)}
          title={t('shareTip')}
          aria-expanded={sharing}
          aria-haspopup="dialog"
          data-action="share"
        >
          {t('share')}
        </button>
        {sharing && <SharePopover onClose={() => setSharing(false)} anchor={shareButton} />}
      </span>
      <button type="button" onClick={tidyUpGraph} title={t('tidyTip')} data-action="tidy">
        {t('tidy')}
      </button>
      <DropOverlay />
      <StorageWarning />
    </div>
  );
}
