import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { initI18n, initialLang } from './i18n/index.ts';
import { useEditor } from './ui/store.ts';
import { startup } from './ui/persist/startup.ts';
import { registerServiceWorker } from './ui/offline/service-worker.ts';
import './ui/base.css';

const lang = initialLang();
initI18n(lang);
useEditor.setState({ lang });

// The share link, else the autosaved work, else the sample; then autosave from there on.
void startup().finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
// Production builds only: keeps the whole app, its data and presets for use without a network.
registerServiceWorker();
