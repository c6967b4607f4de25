import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { initI18n, initialLang } from './i18n/index.ts';
import { useEditor } from './ui/store.ts';
import { loadGraphValue } from './graph/load.ts';
import { SAMPLE_GRAPH } from './ui/sample-graph.ts';
import { withLayout } from './graph/layout.ts';
import './ui/base.css';

const lang = initialLang();
initI18n(lang);
useEditor.setState({ lang });
const sample = loadGraphValue(SAMPLE_GRAPH);
if (sample.ok) useEditor.getState().replace(withLayout(sample.doc));
useEditor.setState((s) => ({ history: { ...s.history, past: [] } }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
