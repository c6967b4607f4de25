/** The bottom drawer with the code editor; Monaco loads only when it first opens. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

export function CodePanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('code');
  return (
    <section className="code-panel" aria-label={t('toggle')}>
      <button className="code-close" onClick={onClose} aria-label={t('close')} title={t('close')}>
        ×
      </button>
      <Suspense fallback={<div className="code-loading">{t('loading')}</div>}>
        <CodeEditor />
      </Suspense>
    </section>
  );
}
