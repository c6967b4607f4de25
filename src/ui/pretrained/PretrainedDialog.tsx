/**
 * "Pretrained model…": add a model trained elsewhere as a frozen Backbone
 * block — the backbone the app ships, or any tfjs model.json by address.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store.ts';
import { addBlockFromUrl, BUILTIN_BACKBONE_URL, type AddRefusal, type AddResult } from './add-block.ts';
import { useSay } from '../../i18n/useText.ts';
import './pretrained.css';

export function PretrainedDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('palette');
  const say = useSay();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    box.current?.querySelector('input')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const why = (r: AddRefusal): string =>
    r.why === 'empty' ? t('pretrainedNoUrl') : r.why === 'unreachable' ? t('pretrainedUnreachable') : r.why === 'http' ? t('pretrainedHttp', { status: r.status }) : r.why === 'edit' ? say(r.reason) : say(r.error);
  const add = async (from: string) => {
    setBusy(true);
    setError(null);
    const r: AddResult = await addBlockFromUrl(from);
    setBusy(false);
    if (!r.ok) return setError(t('pretrainedFailed', { url: from, reason: why(r.refusal) }));
    useEditor.getState().say({ kind: 'info', text: () => t('pretrainedAdded', { name: r.name }) });
    onClose();
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="pretrained-dialog" role="dialog" aria-modal="true" aria-label={t('pretrainedTitle')} ref={box} data-testid="pretrained-dialog">
        <h2>{t('pretrainedTitle')}</h2>
        <p>{t('pretrainedIntro')}</p>
        <button className="primary" disabled={busy} onClick={() => add(BUILTIN_BACKBONE_URL)} data-testid="pretrained-builtin">
          {t('pretrainedBuiltin')}
        </button>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add(url);
          }}
        >
          <label>
            {t('pretrainedUrl')}
            <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/model.json" spellCheck={false} data-testid="pretrained-url" />
          </label>
          <button type="submit" disabled={busy}>
            {t('pretrainedLoad')}
          </button>
        </form>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button onClick={onClose}>{t('pretrainedCancel')}</button>
        </div>
      </div>
    </div>
  );
}
