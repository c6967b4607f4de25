/**
 * New / Open / Save / Share link / Tidy up in the toolbar, plus what has no
 * button: drag-drop of a graph file anywhere (with an overlay), Ctrl+S and
 * Ctrl+O, and the autosave warning banner.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store.ts';
import { fileNameFor } from '../persist/fileName.ts';
import { downloadGraph, newGraph, openGraphFile, tidyUpGraph } from './actions.ts';
import { SharePopover } from './SharePopover.tsx';
import { DropOverlay } from './DropOverlay.tsx';
import { StorageWarning } from './StorageWarning.tsx';

export function FileMenu() {
  const { t } = useTranslation('files');
  const name = useEditor((s) => s.history.present.name);
  const input = useRef<HTMLInputElement>(null);
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

  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Clear it, so picking the same file again still opens it.
    e.target.value = '';
    if (file) void openGraphFile(file);
  };

  return (
    <div className="file-menu" role="group" aria-label={t('menu')}>
      <button type="button" onClick={newGraph} title={t('newTip')} data-action="new">
        {t('new')}
      </button>
      <button type="button" onClick={() => input.current?.click()} title={t('openTip')} data-action="open-file">
        {t('open')}
      </button>
      <input ref={input} type="file" accept=".json,application/json" onChange={onPick} hidden data-testid="file-input" aria-label={t('open')} />
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
