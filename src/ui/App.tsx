/** The editor shell: toolbar, palette, canvas, side panels. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { Canvas } from './canvas/Canvas.tsx';
import { useEditor } from './store.ts';
import { saveLang } from '../i18n/index.ts';
import { useShortcuts } from './shortcuts.ts';
import { Breadcrumb } from './Breadcrumb.tsx';
import { WeightsBar } from './weights/WeightsBar.tsx';
import { CodePanel } from './code/CodePanel.tsx';
import { Drawer } from './drawer/Drawer.tsx';
import { Palette } from './palette/Palette.tsx';
import { NodeSearch } from './palette/NodeSearch.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import { FileMenu } from './files/FileMenu.tsx';
import { RecoveredDocs } from './files/RecoveredDocs.tsx';
import { GroupMenu } from './grouping/GroupMenu.tsx';
import { TrainToggle } from './train/TrainToggle.tsx';
import { Gallery } from './gallery/Gallery.tsx';
import { openPreset } from './gallery/open.ts';
import { OfflineStatus } from './offline/OfflineStatus.tsx';
import { NoticeBar } from './NoticeBar.tsx';

// The training panel (uPlot, the worker client) loads when it first opens.
const TrainPanel = lazy(() => import('./train/TrainPanel.tsx'));
type Drawer = 'code' | 'train' | null;

export function App() {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation('code');
  const { t: tg } = useTranslation('gallery');
  const { t: tt } = useTranslation('train');
  // One drawer under the canvas at a time, so the canvas keeps room.
  const [drawer, setDrawer] = useState<Drawer>(null);
  const toggle = (d: Drawer) => setDrawer((o) => (o === d ? null : d));
  const [galleryOpen, setGalleryOpen] = useState(false);
  const lang = useEditor((s) => s.lang);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const { undo, redo, setLang } = useEditor.getState();
  useShortcuts();

  // i18next and storage live outside React: keep them in step with the store's language.
  useEffect(() => {
    void i18next.changeLanguage(lang);
    saveLang(lang);
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <ReactFlowProvider>
      <div className="app">
        <header className="toolbar">
          <h1>{t('title')}</h1>
          <FileMenu />
          <button onClick={() => setGalleryOpen(true)} title={tg('toggleTitle')} data-testid="open-gallery">
            ▦ {tg('toggle')}
          </button>
          {/* Icons with names for screen readers and tooltips: the toolbar must fit 1280 px in Korean too. */}
          <button className="icon" onClick={undo} disabled={!canUndo} title={`${t('undo')} (Ctrl+Z)`} aria-label={t('undo')}>
            ↶
          </button>
          <button className="icon" onClick={redo} disabled={!canRedo} title={`${t('redo')} (Ctrl+Shift+Z)`} aria-label={t('redo')}>
            ↷
          </button>
          <GroupMenu />
          <button onClick={() => toggle('code')} aria-pressed={drawer === 'code'} title={tc('toggleTitle')} data-testid="toggle-code">
            ‹/› {tc('toggle')}
          </button>
          <TrainToggle open={drawer === 'train'} onToggle={() => toggle('train')} />
          <span className="spacer" />
          <OfflineStatus />
          <label className="lang" title={t('language')}>
            <select value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'ko')} aria-label={t('language')}>
              <option value="en">English</option>
              <option value="ko">한국어</option>
            </select>
          </label>
        </header>
        {galleryOpen && (
          <Gallery
            onClose={() => setGalleryOpen(false)}
            onOpen={(entry, train) => {
              openPreset(entry);
              setGalleryOpen(false);
              if (train) {
                setDrawer('train');
                // After the panel has taken the new graph's training hints; start() refuses while a run is going.
                setTimeout(() => void import('./train/session.ts').then((m) => m.start()), 0);
              }
            }}
          />
        )}
        <Breadcrumb />
        <WeightsBar />
        <NoticeBar />
        <div className="workspace">
          <Palette />
          <main className="center">
            <div className="canvas-wrap">
              <Canvas />
              <NodeSearch />
              <RecoveredDocs />
            </div>
            {drawer === 'code' && (
              <Drawer id="code" name={tc('toggle')} fallback={0.42}>
                <CodePanel onClose={() => setDrawer(null)} />
              </Drawer>
            )}
            {drawer === 'train' && (
              <Drawer id="train" name={tt('panel')} fallback={0.5}>
                <Suspense fallback={null}>
                  <TrainPanel onClose={() => setDrawer(null)} />
                </Suspense>
              </Drawer>
            )}
          </main>
          <SidePanel />
        </div>
      </div>
    </ReactFlowProvider>
  );
}
