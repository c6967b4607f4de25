import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SummaryPage } from './ui/SummaryPage.tsx';
import './ui/base.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SummaryPage />
  </StrictMode>,
);
